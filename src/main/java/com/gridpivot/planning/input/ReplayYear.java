package com.gridpivot.planning.input;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The hourly prices of a replayed UTC year, complete, and what was filled to make them so.
 *
 * <p>Stored prices often start or end inside a UTC day: ERCOT's data is kept by US/Central day, so the stored ERCOT year
 * 2023 starts at 06:00 UTC on 2023-01-01. A partial first day (fewer than 24 hours missing at the start of the year) is
 * filled hour by hour from the same UTC hours of the next day; a partial last day from the same hours of the previous
 * day. Any other missing hour makes the year unusable ({@link IncompleteYearException}).
 *
 * @param pricesUsdPerMwh one price per UTC hour of the year (8,760 or 8,784), USD/MWh
 * @param filled          the fills made, each with the calendar month it lies in and a planner's sentence
 */
public record ReplayYear(double[] pricesUsdPerMwh, List<Fill> filled) {

    /**
     * @param month the month of the replayed year that holds the filled hours
     * @param note  what was filled from where, e.g. "… 2023-01-01 00:00–05:00 UTC (6 hours) … from the same hours of 2023-01-02"
     */
    public record Fill(Month month, String note) {
    }

    /** A replayed year that misses more than a partial first or last day. */
    public static class IncompleteYearException extends IllegalArgumentException {
        public IncompleteYearException(String message) {
            super(message);
        }
    }

    /**
     * Completes the stored hours of {@code year} at {@code node} (NaN = no stored value).
     *
     * @throws IncompleteYearException naming the hours that miss when more than a partial first or last day misses
     */
    public static ReplayYear complete(String node, int year, double[] storedUsdPerMwh) {
        double[] v = storedUsdPerMwh.clone();
        int hours = v.length;
        int leading = 0;
        while (leading < hours && Double.isNaN(v[leading])) {
            leading++;
        }
        int trailing = 0;
        while (trailing < hours - leading && Double.isNaN(v[hours - 1 - trailing])) {
            trailing++;
        }
        List<Fill> fills = new ArrayList<>();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        if (leading > 0 && leading < 24 && hours >= 48) {
            for (int h = 0; h < leading; h++) {
                v[h] = v[h + 24];
            }
            fills.add(new Fill(Month.JANUARY, "the stored prices of " + node + " start at " + hourOf(first, leading) + ": hours "
                    + span(0, leading) + " UTC of " + first + " (" + leading + (leading == 1 ? " hour" : " hours")
                    + ") are replayed from the same hours of " + first.plusDays(1)));
        }
        if (trailing > 0 && trailing < 24 && hours >= 48) {
            for (int h = hours - trailing; h < hours; h++) {
                v[h] = v[h - 24];
            }
            fills.add(new Fill(Month.DECEMBER, "the stored prices of " + node + " end at " + hourOf(first, hours - trailing) + ": hours "
                    + span(24 - trailing, 24) + " UTC of " + last + " (" + trailing + (trailing == 1 ? " hour" : " hours")
                    + ") are replayed from the same hours of " + last.minusDays(1)));
        }
        int missing = 0;
        int firstMissing = -1;
        for (int h = 0; h < hours; h++) {
            if (Double.isNaN(v[h])) {
                missing++;
                firstMissing = firstMissing < 0 ? h : firstMissing;
            }
        }
        if (missing > 0) {
            throw new IncompleteYearException("the stored prices of " + node + " miss " + missing + " of the " + hours + " hours of " + year
                    + " (UTC; the first at " + hourOf(first, firstMissing) + "); a replayed year must be complete but for a partial "
                    + "first or last day, which is filled from the same hours of the next or previous day");
        }
        return new ReplayYear(v, List.copyOf(fills));
    }

    private static String hourOf(LocalDate day, int hour) {
        return day.atStartOfDay(ZoneOffset.UTC).plus(hour, ChronoUnit.HOURS).toInstant().toString();
    }

    /** "00:00–05:00" for hours [from, to) of a day. */
    private static String span(int from, int to) {
        return String.format("%02d:00–%02d:00", from, to - 1);
    }
}
