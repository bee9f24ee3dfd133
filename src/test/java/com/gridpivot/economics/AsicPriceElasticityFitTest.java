package com.gridpivot.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ASIC price elasticity of models/PLANS.md ("ASIC prices and hashprice"), recomputed from the files: ln(USD per TH/s)
 * = a + b ln(hashprice) over every machine of ../shared/data/asic whose date the BTC price history covers (copied to
 * src/test/resources/asic; the BTC price and difficulty are the shipped lukmol files of src/main/resources/demo/btc).
 * Hashprice of a day = 86,400·10¹² / (difficulty · 2³²) × subsidy × 1000 × BTC close, USD/PH/day, without fees (the
 * shared data has fees for 2023–2024 only); subsidy 25 BTC before 2016-07-09, 12.5 before 2020-05-11, 6.25 before
 * 2024-04-20, 3.125 after.
 */
class AsicPriceElasticityFitTest {

    /*
     * The 8 points (python3 over the same files gives the same): S5+ 2015-08-14 298.76 USD/TH at 2,535.4 USD/PH/day;
     * S7 2015-09-30 101.47 at 2,000.8; S9 2016-06-12 147.26 at 1,725.7; S11 2018-11-01 57.24 at 223.27; and on 2025-08-01
     * (the sheet's "about 2025-08"; hashprice 55.82) S21+ 14.25, S21 Pro 16.85, S21 13.495, M66 13.10.
     * Least squares on the logs: b = 0.678, a = −0.0104, R² = 0.942.
     */
    @Test
    void theFitOfPricePerThOnHashpriceIsWhatPlansMdStates() throws IOException {
        Map<String, Double> price = daily("demo/btc/lukmol_btc_price_volume.csv");
        Map<String, Double> difficulty = daily("demo/btc/lukmol_difficulty.csv");
        List<double[]> points = new ArrayList<>();
        for (String line : lines("asic/eaal_mining_hw_release_price.csv")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("device")) {
                continue;
            }
            String[] c = line.split(",");
            String date = c[1].trim();
            if (price.containsKey(date)) {
                double usdPerTh = Double.parseDouble(c[4].trim()) / Double.parseDouble(c[2].trim());
                points.add(new double[] {hashprice(date, price, difficulty), usdPerTh});
            }
        }
        List<String> sheet = lines("asic/kookoo55_btc_miner_sheet_2025.csv");
        for (String line : sheet.subList(1, sheet.size())) {
            String[] c = line.split(",");
            points.add(new double[] {hashprice("2025-08-01", price, difficulty), Double.parseDouble(c[4]) / Double.parseDouble(c[1])});
        }
        assertThat(points).hasSize(8);
        assertThat(points.get(0)[1]).isCloseTo(298.757, within(0.001));
        assertThat(points.get(0)[0]).isCloseTo(2_535.38, within(0.01));
        assertThat(points.get(7)[0]).isCloseTo(55.820, within(0.001));

        int n = points.size();
        double sx = 0, sy = 0;
        for (double[] p : points) {
            sx += Math.log(p[0]);
            sy += Math.log(p[1]);
        }
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0, syy = 0;
        for (double[] p : points) {
            double dx = Math.log(p[0]) - mx, dy = Math.log(p[1]) - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double r2 = sxy * sxy / (sxx * syy);
        assertThat(b).isCloseTo(0.678, within(0.0005));
        assertThat(a).isCloseTo(-0.0104, within(0.0005));
        assertThat(r2).isCloseTo(0.942, within(0.0005));
    }

    static double hashprice(String date, Map<String, Double> price, Map<String, Double> difficulty) {
        double subsidy = date.compareTo("2016-07-09") < 0 ? 25.0 : date.compareTo("2020-05-11") < 0 ? 12.5
                : date.compareTo("2024-04-20") < 0 ? 6.25 : 3.125;
        return 86_400e12 / (difficulty.get(date) * 4294967296.0) * subsidy * 1000.0 * price.get(date);
    }

    static Map<String, Double> daily(String resource) throws IOException {
        Map<String, Double> out = new HashMap<>();
        List<String> rows = lines(resource);
        for (String line : rows.subList(1, rows.size())) {
            String[] c = line.split(",");
            if (c.length >= 2 && !c[1].isBlank()) {
                out.put(c[0], Double.parseDouble(c[1]));
            }
        }
        return out;
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = AsicPriceElasticityFitTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        }
    }
}
