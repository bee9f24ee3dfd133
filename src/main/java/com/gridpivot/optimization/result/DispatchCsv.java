package com.gridpivot.optimization.result;

import com.gridpivot.optimization.input.AllocationProblem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The hourly dispatch of an answer as CSV, one row per hour: {@code interval_start,interval_end} (ISO 8601 UTC; when
 * the request gave no start, a column {@code hour} = 0…T−1 instead), the energy price, each fleet's and each AI
 * option's IT MW, and the site power.
 */
public final class DispatchCsv {
    private DispatchCsv() {
    }

    public static String write(AllocationProblem p, AllocationOutcome out, Instant start) {
        StringBuilder csv = new StringBuilder(64 * (p.hours() + 1));
        csv.append(start == null ? "hour" : "interval_start,interval_end").append(",price_usd_per_mwh");
        p.fleets().forEach(f -> csv.append(',').append(column(f.name())).append("_it_mw"));
        p.aiOptions().forEach(o -> csv.append(',').append(column(o.name())).append("_it_mw"));
        csv.append(",facility_mw\n");
        var ai = out.result().allocation().aiItMw();
        for (int t = 0; t < p.hours(); t++) {
            if (start == null) {
                csv.append(t);
            } else {
                Instant s = start.plus(t, ChronoUnit.HOURS);
                csv.append(s).append(',').append(s.plus(1, ChronoUnit.HOURS));
            }
            csv.append(',').append(num(p.priceUsdPerMwh()[t]));
            for (int i = 0; i < p.fleets().size(); i++) {
                csv.append(',').append(num(out.dispatchMw()[i][t]));
            }
            for (var o : p.aiOptions()) {
                csv.append(',').append(num(ai.get(o.name())));
            }
            csv.append(',').append(num(out.facilityMw()[t])).append('\n');
        }
        return csv.toString();
    }

    private static String column(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "_");
    }

    private static String num(double v) {
        if (Math.abs(v) < 1e-12) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
