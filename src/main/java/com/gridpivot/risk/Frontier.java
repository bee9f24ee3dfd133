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
    private Frontier() {
    }

    /**
     * @param steps thresholds where the AI MW jumps
     * @param ramps stretches where the AI MW moves continuously instead (a plan whose cash floor binds), in words
     */
    record Found(List<SweepResult.FrontierStep> steps, List<String> ramps) {
    }

    /**
     * @param values      the grid values of the axis, ascending
     * @param aiMw        the optimal AI MW at each (NaN without a solution: that pair is skipped)
     * @param aiAt        the optimal AI MW at any value of the axis (a fresh solve)
     * @param sameMw      AI MW closer than this are the same (LP noise is no step)
     * @param checkJumps  after each bisection, solve at the bracket's lower end too: when the AI MW there is already within
     *                    sameMw of the upper end's, the AI MW moves continuously (no threshold): the rest of that grid
     *                    interval is reported as a ramp instead of being cut into slices
     * @param maxSteps    stop after this many steps
     * @param stop        checked between solves (a cancelled job)
     */
    static Found locate(SweepInput input, double[] values, double[] aiMw, DoubleUnaryOperator aiAt, double tolFraction, double sameMw,
                        boolean checkJumps, int maxSteps, BooleanSupplier stop) {
        List<SweepResult.FrontierStep> out = new ArrayList<>();
        List<String> ramps = new ArrayList<>();
        double tol = tolFraction * Math.abs(values[values.length - 1] - values[0]);
        for (int k = 1; k < values.length; k++) {
            double lo = values[k - 1];
            double aiLo = aiMw[k - 1];
            double aiB = aiMw[k];
            if (Double.isNaN(aiLo) || Double.isNaN(aiB)) {
                continue;
            }
            while (Math.abs(aiLo - aiB) > sameMw) {
                if (out.size() >= maxSteps || stop.getAsBoolean()) {
                    return new Found(out, ramps);
                }
                double hi = values[k];
                double aiHi = aiB;
                while (hi - lo > tol) {
                    double mid = 0.5 * (lo + hi);
                    double ai = aiAt.applyAsDouble(mid);
                    if (Math.abs(ai - aiLo) <= sameMw) {
                        lo = mid;
                    } else {
                        hi = mid;
                        aiHi = ai;
                    }
                }
                double below = aiLo;
                if (checkJumps) {
                    below = aiAt.applyAsDouble(lo);
                    if (!Double.isNaN(below) && !Double.isNaN(aiHi) && Math.abs(aiHi - below) <= sameMw) {
                        ramps.add(String.format(Locale.ROOT, "between %s = %.6g and %.6g the AI IT MW moves continuously (%.4f → %.4f MW): "
                                + "no single threshold (a limit whose coefficients move with the input binds, typically the cash floor); "
                                + "sweep that range finer to trace it", input, values[k - 1], values[k],
                                aiMw[k - 1], aiB));
                        break;
                    }
                }
                double value = 0.5 * (lo + hi);
                out.add(new SweepResult.FrontierStep(input.name(), value, below, aiHi, describe(input, value, below, aiHi)));
                if (Double.isNaN(aiHi)) {
                    break;
                }
                lo = hi;
                aiLo = aiHi;
            }
        }
        return new Found(out, ramps);
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
