package com.gridpivot.risk.montecarlo;

import com.gridpivot.marketdata.ImportFormat;
import com.gridpivot.marketdata.ImportOptions;
import com.gridpivot.marketdata.ImportResult;
import com.gridpivot.marketdata.MarketDataImporter;
import com.gridpivot.marketdata.SeriesPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calibration of the Monte Carlo fee factor: blockchain.com daily transaction fees (BTC/day), market price (USD) and
 * miners' revenue (USD/day) in {@code demo/btc/blockchaincom_2023_2024/}. Per complete calendar month
 * <pre>
 *   feeShareₘ  = Σ_d fees_d · price_d / Σ_d revenue_d          (fees' share of what miners earned)
 *   feeRatioₘ  = feeShareₘ / (1 − feeShareₘ)                   (fees per block / subsidy: free of the BTC price)
 *   feeSd      = sample sd (n − 1) of ln feeRatioₘ
 * </pre>
 * The month-to-month dispersion of the fee level, used as the sd of a per-path (persistent) factor: a wide default on purpose.
 *
 * @param firstMonth   first complete month
 * @param lastMonth    last complete month
 * @param months       number of complete months
 * @param meanFeeShare mean of feeShareₘ
 * @param feeSd        sd of ln feeRatioₘ
 */
public record FeeHistory(String firstMonth, String lastMonth, int months, double meanFeeShare, double feeSd) {
    public static final String FOLDER = "demo/btc/blockchaincom_2023_2024/";

    private static volatile FeeHistory cached;

    public static FeeHistory load() {
        FeeHistory h = cached;
        if (h == null) {
            h = calibrate(daily("transaction-fees.csv"), daily("market-price.csv"), daily("miners-revenue.csv"));
            cached = h;
        }
        return h;
    }

    private static TreeMap<LocalDate, Double> daily(String file) {
        try (InputStream in = FeeHistory.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + FOLDER + file);
            }
            ImportResult r = new MarketDataImporter().parse(ImportFormat.BTC_DAILY_CSV, in, file, ImportOptions.defaults());
            if (r.hasErrors() || r.series().size() != 1) {
                throw new IllegalStateException("cannot read " + FOLDER + file + ": " + r.issues());
            }
            TreeMap<LocalDate, Double> out = new TreeMap<>();
            for (SeriesPoint p : r.series().get(0).points()) {
                out.put(p.intervalStart().atZone(ZoneOffset.UTC).toLocalDate(), p.value());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Daily series by UTC date: fees in BTC/day, price in USD, revenue in USD/day. Months with a day missing are skipped. */
    public static FeeHistory calibrate(Map<LocalDate, Double> feesBtc, Map<LocalDate, Double> priceUsd, Map<LocalDate, Double> revenueUsd) {
        TreeMap<YearMonth, double[]> acc = new TreeMap<>();
        for (Map.Entry<LocalDate, Double> e : feesBtc.entrySet()) {
            Double p = priceUsd.get(e.getKey());
            Double rev = revenueUsd.get(e.getKey());
            if (p != null && rev != null) {
                double[] a = acc.computeIfAbsent(YearMonth.from(e.getKey()), k -> new double[3]);
                a[0] += e.getValue() * p;
                a[1] += rev;
                a[2]++;
            }
        }
        List<Double> logRatio = new ArrayList<>();
        double shareSum = 0.0;
        YearMonth first = null;
        YearMonth last = null;
        for (Map.Entry<YearMonth, double[]> e : acc.entrySet()) {
            double[] a = e.getValue();
            if (a[2] != e.getKey().lengthOfMonth() || !(a[0] > 0) || !(a[1] > a[0])) {
                continue;
            }
            double share = a[0] / a[1];
            shareSum += share;
            logRatio.add(Math.log(share / (1.0 - share)));
            first = first == null ? e.getKey() : first;
            last = e.getKey();
        }
        int n = logRatio.size();
        if (n < 2) {
            throw new IllegalArgumentException("need at least two complete months of fees, price and revenue");
        }
        double mean = logRatio.stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = 0.0;
        for (double x : logRatio) {
            ss += (x - mean) * (x - mean);
        }
        return new FeeHistory(first.toString(), last.toString(), n, shareSum / n, Math.sqrt(ss / (n - 1)));
    }
}
