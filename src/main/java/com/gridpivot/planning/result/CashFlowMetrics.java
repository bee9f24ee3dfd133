package com.gridpivot.planning.result;

/**
 * IRR and payback of monthly cash flows c₀ … c_{M−1}, each at the end of its month (time m + 1 months); the IRR may also take
 * the part of each month's flow paid at its start (capex, time m months; models/PLANS.md, "Timing conventions").
 */
public final class CashFlowMetrics {
    private CashFlowMetrics() {
    }

    /** Σₘ cₘ (1 + x)^−(m+1) at a monthly rate x. */
    public static double npvMonthly(double[] flows, double x) {
        double s = 0.0;
        double f = 1.0;
        for (double c : flows) {
            f /= 1.0 + x;
            s += c * f;
        }
        return s;
    }

    /** Σₘ eₘ (1 + x)^−(m+1) + sₘ (1 + x)^−m: e paid at the months' ends, s at their starts. */
    public static double npvMonthly(double[] endFlows, double[] startFlows, double x) {
        double s = 0.0;
        double f = 1.0;
        for (int m = 0; m < endFlows.length; m++) {
            s += startFlows[m] * f;
            f /= 1.0 + x;
            s += endFlows[m] * f;
        }
        return s;
    }

    /** {@link #irrAnnual(double[], double[])} with every flow at its month's end. */
    public static Double irrAnnual(double[] flows) {
        return irrAnnual(flows, new double[flows.length]);
    }

    /**
     * The annual IRR (1 + x)¹² − 1 where x solves npvMonthly(endFlows, startFlows, x) = 0, found by bisection on x ∈ (−0.99, 10) when the
     * NPV changes sign there; null when the flows never change sign (no IRR) or no root is bracketed.
     */
    public static Double irrAnnual(double[] endFlows, double[] startFlows) {
        boolean neg = false;
        boolean pos = false;
        double scale = 0.0;
        double[] all = new double[2 * endFlows.length];
        for (int m = 0; m < endFlows.length; m++) {
            all[2 * m] = startFlows[m];
            all[2 * m + 1] = endFlows[m];
        }
        for (double c : all) {
            scale = Math.max(scale, Math.abs(c));
        }
        for (double c : all) {
            neg |= c < -1e-9 * Math.max(1.0, scale);
            pos |= c > 1e-9 * Math.max(1.0, scale);
        }
        if (!neg || !pos) {
            return null;
        }
        double lo = -0.99;
        double hi = 10.0;
        double flo = npvMonthly(endFlows, startFlows, lo);
        double fhi = npvMonthly(endFlows, startFlows, hi);
        if (Math.signum(flo) == Math.signum(fhi)) {
            return null;
        }
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            double fm = npvMonthly(endFlows, startFlows, mid);
            if (Math.signum(fm) == Math.signum(flo)) {
                lo = mid;
                flo = fm;
            } else {
                hi = mid;
            }
        }
        double x = 0.5 * (lo + hi);
        return Math.pow(1.0 + x, 12) - 1.0;
    }

    /** True when every flow is within ± toleranceUsd of zero: the plan moves no money against its baseline. */
    public static boolean sameFlows(double[] flows, double toleranceUsd) {
        for (double c : flows) {
            if (Math.abs(c) > toleranceUsd) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the cumulative sum falls below −toleranceUsd in some month: money is put in (capex, or cash given up)
     * that a payback could recover. Without that there is nothing to pay back.
     */
    public static boolean invests(double[] flows, double toleranceUsd) {
        double cum = 0.0;
        for (double c : flows) {
            cum += c;
            if (cum < -toleranceUsd) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first month index from which the cumulative sum stays ≥ 0 to the end, or −1 when the cumulative sum is negative at
     * the end. 0 when it is never negative.
     */
    public static int paybackIndex(double[] flows) {
        double cum = 0.0;
        int from = 0;
        for (int m = 0; m < flows.length; m++) {
            cum += flows[m];
            if (cum < -1e-6) {
                from = m + 1;
            }
        }
        return from >= flows.length ? -1 : from;
    }
}
