package com.gridpivot.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * The pivot frontier of a one-axis sweep, for a what-if and for a plan: where the optimal AI MW steps between two grid
 * points, bisect on fresh exact solves until the bracket is {@code tolFraction} of the axis range. Several steps between
 * two grid points are found one after the other (first change above the lower end, then on from there).
 */
final class Frontier {
    /** AI MW equal to this are the same step. */
    static final double SAME_MW = 1e-6;

    private Frontier() {
    }

    /**
     * @param values    the grid values of the axis, ascending
     * @param aiMw      the optimal AI MW at each (NaN without a solution: that pair is skipped)
     * @param aiAt      the optimal AI MW at any value of the axis (a fresh solve)
     * @param maxSteps  stop after this many steps
     * @param stop      checked between solves (a cancelled job)
     */
    static List<SweepResult.FrontierStep> locate(SweepInput input, double[] values, double[] aiMw, DoubleUnaryOperator aiAt,
                                                 double tolFraction, int maxSteps, BooleanSupplier stop) {
        List<SweepResult.FrontierStep> out = new ArrayList<>();
        double tol = tolFraction * Math.abs(values[values.length - 1] - values[0]);
        for (int k = 1; k < values.length; k++) {
            double lo = values[k - 1];
            double aiLo = aiMw[k - 1];
            double aiB = aiMw[k];
            if (Double.isNaN(aiLo) || Double.isNaN(aiB)) {
                continue;
            }
            while (Math.abs(aiLo - aiB) > SAME_MW) {
                if (out.size() >= maxSteps || stop.getAsBoolean()) {
                    return out;
                }
                double hi = values[k];
                double aiHi = aiB;
                while (hi - lo > tol) {
                    double mid = 0.5 * (lo + hi);
                    double ai = aiAt.applyAsDouble(mid);
                    if (Math.abs(ai - aiLo) <= SAME_MW) {
                        lo = mid;
                    } else {
                        hi = mid;
                        aiHi = ai;
                    }
                }
                double value = 0.5 * (lo + hi);
                out.add(new SweepResult.FrontierStep(input.name(), value, aiLo, aiHi, describe(input, value, aiLo, aiHi)));
                if (Double.isNaN(aiHi)) {
                    break;
                }
                lo = hi;
                aiLo = aiHi;
            }
        }
        return out;
    }

    static String describe(SweepInput input, double value, double below, double above) {
        String v = switch (input) {
            case BTC_PRICE_USD -> "a BTC price of $" + String.format(Locale.ROOT, "%,.0f", value);
            case BTC_PRICE_SCALE -> String.format(Locale.ROOT, "%.4f× the BTC price path", value);
            case HASHPRICE_SCALE -> String.format(Locale.ROOT, "%.4f× the hashprice", value);
            case DISCOUNT_RATE -> String.format(Locale.ROOT, "a discount rate of %.4f", value);
            default -> String.format(Locale.ROOT, "%s = %.4f", input, value);
        };
        String more = below > above ? "below" : "above";
        return String.format(Locale.ROOT, "%s %s converts %.3f MW more to AI (%.3f → %.3f MW of AI IT load)",
                Character.toUpperCase(more.charAt(0)) + more.substring(1), v, Math.abs(below - above), Math.min(below, above), Math.max(below, above));
    }
}
