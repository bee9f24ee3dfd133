package com.gridpivot.optimization.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Coincident-peak transmission charge (ERCOT 4CP; 12CP as a setting), issue 16 item 2, without binaries: the expected
 * charge of a MW of site power in hour t is rate × Pₜ / N, where Pₜ is the probability that hour t holds its month's
 * system peak interval and N the number of peaks (4: June–September; 12: every month). The expected tag is
 * (1/N) Σₜ Pₜ Lₜ (MW), the charge rate × tag (USD per year of peaks). models/README.md, "4CP".
 *
 * @param rateUsdPerMwYear transmission rate, USD per MW of tag per year
 * @param peaks            N, 4 or 12
 * @param peakProbability  Pₜ for every hour of the horizon
 * @param historyStart     the horizon's first hour when Pₜ was derived from the shipped history (so that another N can be
 *                         derived again, a COINCIDENT_PEAKS sweep); null when the probabilities were listed
 */
public record FourCp(double rateUsdPerMwYear, int peaks, double[] peakProbability, Instant historyStart) {

    /** No coincident-peak charge. */
    public static final FourCp NONE = new FourCp(0.0, 4, new double[0], null);

    /** Listed probabilities. */
    public FourCp(double rateUsdPerMwYear, int peaks, double[] peakProbability) {
        this(rateUsdPerMwYear, peaks, peakProbability, null);
    }

    /** Probabilities derived from the shipped history for N = {@code peaks} over the horizon from {@code start}. */
    public static FourCp fromHistory(double rateUsdPerMwYear, int peaks, Instant start, int hours) {
        return new FourCp(rateUsdPerMwYear, peaks, probabilitiesFromHistory(start, hours, peaks), start);
    }

    /** The same charge with N = {@code n} peaks, Pₜ derived again from the history (12CP adds every month's peak). */
    public FourCp withPeaks(int n) {
        if (historyStart == null) {
            throw new IllegalStateException("listed peak probabilities cannot be re-derived for another number of peaks");
        }
        return n == peaks ? this : fromHistory(rateUsdPerMwYear, n, historyStart, peakProbability.length);
    }

    /** The shipped history of 4CP intervals (src/main/resources/demo/ercot_4cp, demo/PROVENANCE.md). */
    public static final String HISTORY = "/demo/ercot_4cp/ercot_4cp_intervals.csv";

    public boolean active() {
        return rateUsdPerMwYear > 0.0 && peakProbability.length > 0;
    }

    /** The expected charge per MWh of site power in hour t: rate × Pₜ / N, USD/MWh. */
    public double usdPerMwh(int t) {
        return t < peakProbability.length ? rateUsdPerMwYear * peakProbability[t] / peaks : 0.0;
    }

    /** Expected tag of a site power profile, MW: (1/N) Σₜ Pₜ Lₜ. */
    public double tagMw(double[] sitePowerMw) {
        double sum = 0.0;
        for (int t = 0; t < Math.min(sitePowerMw.length, peakProbability.length); t++) {
            sum += peakProbability[t] * sitePowerMw[t];
        }
        return sum / peaks;
    }

    /** Count of the history's peak intervals by Central-time hour of day (0–23). */
    public static int[] historyHourCounts() {
        int[] counts = new int[24];
        try (InputStream in = FourCp.class.getResourceAsStream(HISTORY)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + HISTORY);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>(r.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList());
            List<String> header = List.of(lines.remove(0).split(","));
            int hourCol = header.indexOf("hourBeginningCentral");
            for (String line : lines) {
                counts[Integer.parseInt(line.split(",")[hourCol].trim())]++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + HISTORY, e);
        }
        return counts;
    }

    /**
     * Pₜ from history: the peak month's hour of day follows the history's frequency (Central time), the day is uniform over
     * the month's days: Pₜ = count(hour of t) / Σ counts / days in t's month, for hours in a peak month (June–September for
     * N = 4; every month for N = 12), else 0. A month fully inside the horizon sums to 1.
     */
    public static double[] probabilitiesFromHistory(Instant start, int hours, int peaks) {
        int[] counts = historyHourCounts();
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        ZoneId central = ZoneId.of("America/Chicago");
        double[] p = new double[hours];
        for (int t = 0; t < hours; t++) {
            ZonedDateTime local = start.plusSeconds(3600L * t).atZone(central);
            int month = local.getMonthValue();
            boolean peakMonth = peaks == 12 || (month >= 6 && month <= 9);
            if (peakMonth) {
                p[t] = (double) counts[local.getHour()] / total / local.toLocalDate().lengthOfMonth();
            }
        }
        return p;
    }
}
