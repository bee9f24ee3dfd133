package com.gridpivot.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real public data shipped in src/main/resources/demo (see its PROVENANCE.md), read by a loader independent of the
 * product's importers so that tests can cross-check them.
 */
public final class RealData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealData() {
    }

    /** Hourly means of the 15-minute real-time prices of a hub for UTC hours [from, to), USD/MWh; every hour must be shipped. */
    public static double[] hourlyRtm(String hub, Instant from, Instant to) {
        double[] v = hourlyRtmWithGaps(hub, from, to);
        for (int h = 0; h < v.length; h++) {
            if (Double.isNaN(v[h])) {
                throw new IllegalStateException(hub + " hour " + from.plus(h, ChronoUnit.HOURS) + " has 0 quarter-hours");
            }
        }
        return v;
    }

    /** As {@link #hourlyRtm}, but an hour without any quarter-hour in the shipped files (outside their range) is NaN. */
    public static double[] hourlyRtmWithGaps(String hub, Instant from, Instant to) {
        int hours = (int) ChronoUnit.HOURS.between(from, to);
        double[] sum = new double[hours];
        int[] count = new int[hours];
        for (int year = 2023; year <= 2024; year++) {
            for (int month = 1; month <= 12; month++) {
                JsonNode root = readJson("demo/ercot_fluxcore/" + hub + "/" + year + "-" + String.format("%02d", month) + ".json");
                for (JsonNode row : root.get("rtm")) {
                    long h = Math.floorDiv(row.get("t").asLong() - from.toEpochMilli(), 3_600_000L);
                    if (h >= 0 && h < hours) {
                        sum[(int) h] += row.get("price").asDouble();
                        count[(int) h]++;
                    }
                }
            }
        }
        for (int h = 0; h < hours; h++) {
            if (count[h] != 4 && count[h] != 0) {
                throw new IllegalStateException(hub + " hour " + from.plus(h, ChronoUnit.HOURS) + " has " + count[h] + " quarter-hours");
            }
            sum[h] = count[h] == 0 ? Double.NaN : sum[h] / 4.0;
        }
        return sum;
    }

    /**
     * Daily hashprice (USD/PH/day) for UTC days [from, to) from the lukmol daily BTC close and difficulty, with the
     * subsidy of the day (6.25 BTC before the halving of 2024-04-20, 3.125 after) and no fees:
     * 86,400·10¹²/(difficulty·2³²) × subsidy × 1000 × price.
     */
    public static double[] dailyHashpriceNoFees(LocalDate from, LocalDate to) {
        Map<LocalDate, Double> price = readDailyCsv("demo/btc/lukmol_btc_price_volume.csv");
        Map<LocalDate, Double> difficulty = readDailyCsv("demo/btc/lukmol_difficulty.csv");
        int days = (int) ChronoUnit.DAYS.between(from, to);
        double[] out = new double[days];
        LocalDate halving = LocalDate.of(2024, 4, 20);
        for (int k = 0; k < days; k++) {
            LocalDate d = from.plusDays(k);
            double subsidy = d.isBefore(halving) ? 6.25 : 3.125;
            double btcPerThDay = 86_400e12 / (difficulty.get(d) * Math.pow(2, 32)) * subsidy;
            out[k] = btcPerThDay * 1000.0 * price.get(d);
        }
        return out;
    }

    public static Instant utc(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static JsonNode readJson(String resource) {
        try (InputStream in = open(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<LocalDate, Double> readDailyCsv(String resource) {
        Map<LocalDate, Double> out = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] cells = line.split(",");
                if (cells.length >= 2 && !cells[1].isBlank()) {
                    out.put(LocalDate.parse(cells[0]), Double.parseDouble(cells[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static InputStream open(String resource) {
        InputStream in = RealData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return in;
    }

    /** The benchmark and cross-check case: HB_WEST 2024, 8,784 hours, 4 fleets, 3 AI options, every field explicit. */
    public static Map<String, Object> yearRequest(String solver, String aggregation) {
        double[] prices = hourlyRtm("HB_WEST", utc(2024, 1, 1), utc(2025, 1, 1));
        double[] hashprice = dailyHashpriceNoFees(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
        Map<String, Object> req = new HashMap<>();
        req.put("site", Map.of("name", "HB_WEST 2024", "interconnectMw", 100, "maxAiItMw", 50, "capexBudgetUsd", 6.0e8));
        req.put("asicFleets", java.util.List.of(
                Map.of("name", "S21", "units", 10000, "hashrateThPerUnit", 200, "powerWPerUnit", 3500, "pue", 1.05,
                        "poolFeeFraction", 0.02, "variableOpexUsdPerMwh", 3, "fixedOpexUsdPerMwYear", 20000),
                Map.of("name", "S19 XP", "units", 8000, "hashrateThPerUnit", 141, "powerWPerUnit", 3032, "pue", 1.05, "poolFeeFraction", 0.02),
                Map.of("name", "S21 XP", "units", 4000, "hashrateThPerUnit", 270, "powerWPerUnit", 3645, "pue", 1.03, "poolFeeFraction", 0.02),
                Map.of("name", "M60S", "units", 6000, "hashrateThPerUnit", 186, "powerWPerUnit", 3255, "pue", 1.2, "poolFeeFraction", 0.025,
                        "fixedOpexUsdPerMwYear", 15000)));
        req.put("aiOptions", java.util.List.of(
                Map.of("name", "H100", "kwPerGpu", 1.275, "leaseUsdPerGpuHour", 2.35, "utilization", 0.8, "pue", 1.3, "maxItMw", 40,
                        "capexUsdPerMw", 3.2e7, "variableOpexUsdPerMwh", 40, "fixedOpexUsdPerMwYear", 250000),
                Map.of("name", "colo", "colocationUsdPerKwMonth", 140, "tenantPaysPower", true, "pue", 1.3, "capexUsdPerMw", 9.5e6),
                Map.of("name", "flat", "revenueUsdPerMwh", 190, "pue", 1.4, "maxItMw", 10)));
        req.put("market", Map.of("energyPricesUsdPerMwh", prices, "hashpriceUsdPerPhDay", hashprice));
        req.put("finance", Map.of("discountRate", 0.10, "capexRecoveryYears", 5));
        req.put("solver", solver);
        req.put("hourAggregation", aggregation);
        return req;
    }
}
