package com.gridpivot.risk.montecarlo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The calibration of the Monte Carlo price model: monthly log-returns of the BTC daily close in
 * {@code demo/btc/lukmol_btc_price_volume.csv} (2015 → 2026). A month's price is its last daily close; only complete
 * months (the first and last month of the file may be partial) enter the returns.
 *
 * @param firstMonth          first month with a return
 * @param lastMonth           last month with a return
 * @param returns             number of monthly log-returns
 * @param meanLogReturnMonthly μ̂, sample mean of ln(Pₘ/Pₘ₋₁)
 * @param volatilityMonthly   σ̂, sample standard deviation (n − 1) of ln(Pₘ/Pₘ₋₁)
 * @param logReturnsMonthly   the returns themselves, in calendar order (what the block bootstrap resamples; not in JSON)
 */
public record BtcHistory(String firstMonth, String lastMonth, int returns, double meanLogReturnMonthly, double volatilityMonthly,
                         @JsonIgnore double[] logReturnsMonthly) {
    public static final String RESOURCE = "demo/btc/lukmol_btc_price_volume.csv";

    private static volatile BtcHistory cached;

    /** The calibration of the bundled history (computed once). The returned record shares its returns array: do not modify it. */
    public static BtcHistory load() {
        BtcHistory h = cached;
        if (h == null) {
            try (InputStream in = BtcHistory.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + RESOURCE);
                }
                h = calibrate(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cached = h;
        }
        return h;
    }

    /** Reads "date,price,..." lines and calibrates. */
    public static BtcHistory calibrate(InputStream csv) throws IOException {
        TreeMap<LocalDate, Double> close = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                if (f.length < 2 || f[1].isBlank()) {
                    continue;
                }
                double p = Double.parseDouble(f[1]);
                if (p > 0) {
                    close.put(LocalDate.parse(f[0].trim()), p);
                }
            }
        }
        // Month-end close of complete months: the month's last day must be present.
        TreeMap<YearMonth, Double> monthEnd = new TreeMap<>();
        close.forEach((d, p) -> monthEnd.put(YearMonth.from(d), p));
        List<YearMonth> months = new ArrayList<>(monthEnd.keySet());
        YearMonth last = months.get(months.size() - 1);
        if (!close.containsKey(last.atEndOfMonth())) {
            monthEnd.remove(last);
        }
        List<Double> logReturns = new ArrayList<>();
        YearMonth prev = null;
        YearMonth firstRet = null;
        YearMonth lastRet = null;
        for (var e : monthEnd.entrySet()) {
            if (prev != null && prev.plusMonths(1).equals(e.getKey())) {
                logReturns.add(Math.log(e.getValue() / monthEnd.get(prev)));
                firstRet = firstRet == null ? e.getKey() : firstRet;
                lastRet = e.getKey();
            }
            prev = e.getKey();
        }
        int n = logReturns.size();
        double mean = 0.0;
        for (double x : logReturns) {
            mean += x;
        }
        mean /= n;
        double ss = 0.0;
        for (double x : logReturns) {
            ss += (x - mean) * (x - mean);
        }
        return new BtcHistory(String.valueOf(firstRet), String.valueOf(lastRet), n, mean, Math.sqrt(ss / (n - 1)),
                logReturns.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
