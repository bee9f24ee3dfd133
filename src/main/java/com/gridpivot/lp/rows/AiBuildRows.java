package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.PlanOption;

/**
 * AI build: the what-if's AI MW yⱼ with its total and budget rows, and the plan's starts, reserved and online MW with the
 * limits on them (most AI, conversion rate, contract). Cash of these decisions: {@link CashRows}.
 */
public final class AiBuildRows {
    private AiBuildRows() {
    }

    // ---- what-if (models/README.md)

    /** yⱼ ∈ [0, maxItMwⱼ]: aiIt[j]. */
    public static MPVariable[] addAiItMw(MPSolver s, AllocationProblem p) {
        MPVariable[] y = new MPVariable[p.aiOptions().size()];
        for (int j = 0; j < y.length; j++) {
            AiOptionSpec o = p.aiOptions().get(j);
            double ub = Double.isFinite(o.maxItMw()) ? o.maxItMw() : Lp.inf();
            y[j] = Lp.var(s, 0.0, ub, LpNames.of("aiIt", LpNames.clean(o.name())));
        }
        return y;
    }

    /** aiTotal: minAiItMw ≤ Σⱼ yⱼ ≤ maxAiItMw, added when either limit applies (else null). */
    public static MPConstraint addAiTotal(MPSolver s, AllocationProblem p, MPVariable[] y) {
        boolean hasMax = p.site().hasMaxAiIt();
        boolean hasMin = p.site().minAiItMw() > 0.0;
        if (!hasMax && !hasMin) {
            return null;
        }
        MPConstraint row = Lp.row(s, p.site().minAiItMw(), hasMax ? p.site().maxAiItMw() : Lp.inf(), "aiTotal");
        for (MPVariable v : y) {
            row.setCoefficient(v, 1.0);
        }
        return row;
    }

    /** capexBudget: Σⱼ capexUsdPerMwⱼ yⱼ ≤ capexBudgetUsd, added when a budget is given (else null). */
    public static MPConstraint addCapexBudget(MPSolver s, AllocationProblem p, MPVariable[] y) {
        if (!p.site().hasCapexBudget()) {
            return null;
        }
        MPConstraint row = Lp.row(s, -Lp.inf(), p.site().capexBudgetUsd(), "capexBudget");
        setCapexBudget(row, p, y);
        return row;
    }

    /** The capexBudget row's coefficients capexUsdPerMwⱼ (a sweep over capex sets them per point). */
    public static void setCapexBudget(MPConstraint row, AllocationProblem p, MPVariable[] y) {
        for (int j = 0; j < y.length; j++) {
            row.setCoefficient(y[j], p.aiOptions().get(j).capexUsdPerMw());
        }
    }

    // ---- plan (models/PLANS.md)

    /** S[j,m] aiStart, W[j,m] aiReserved, O[j,m] aiOnline. */
    public record Ai(MPVariable[][] start, MPVariable[][] reserved, MPVariable[][] online) {
    }

    /**
     * aiReservedDef[j,m]: W[j,m] − W[j,m−1] − S[j,m] = 0;   aiOnlineDef[j,m]: O[j,m] − O[j,m−1] − S[j,m−Lⱼ] = 0
     * (the S term only when m ≥ Lⱼ); W[j,m] ≤ maxItMwⱼ.
     *
     * @param fixed AI starts fixed by bounds, or null
     */
    public static Ai add(MPSolver s, PlanProblem p, FixedPlan fixed) {
        return add(s, p, null, fixed);
    }

    /**
     * The same rows with a site tag in every name ({@code aiStart[site,H100,2027-06]}; the portfolio plan).
     *
     * @param site the site's LP name, or null (the plan)
     */
    public static Ai add(MPSolver s, PlanProblem p, String site, FixedPlan fixed) {
        double inf = Lp.inf();
        int months = p.monthCount();
        MPVariable[][] start = new MPVariable[p.options().size()][months];
        MPVariable[][] reserved = new MPVariable[p.options().size()][months];
        MPVariable[][] online = new MPVariable[p.options().size()][months];
        for (int j = 0; j < p.options().size(); j++) {
            PlanOption o = p.options().get(j);
            String on = LpNames.clean(o.spec().name());
            double ub = Double.isFinite(o.spec().maxItMw()) ? o.spec().maxItMw() : inf;
            for (int m = 0; m < months; m++) {
                String mn = Months.label(p, m);
                start[j][m] = Lp.var(s, 0.0, inf, LpNames.of("aiStart", site, on, mn));
                if (fixed != null && fixed.aiStartsMw() != null) {
                    FleetStockRows.fix(start[j][m], fixed.aiStartsMw(), o.spec().name(), m);
                }
                reserved[j][m] = Lp.var(s, 0.0, ub, LpNames.of("aiReserved", site, on, mn));
                online[j][m] = Lp.var(s, 0.0, inf, LpNames.of("aiOnline", site, on, mn));
                MPConstraint w = Lp.row(s, 0.0, 0.0, LpNames.of("aiReservedDef", site, on, mn));
                w.setCoefficient(reserved[j][m], 1.0);
                w.setCoefficient(start[j][m], -1.0);
                MPConstraint ol = Lp.row(s, 0.0, 0.0, LpNames.of("aiOnlineDef", site, on, mn));
                ol.setCoefficient(online[j][m], 1.0);
                if (m > 0) {
                    w.setCoefficient(reserved[j][m - 1], -1.0);
                    ol.setCoefficient(online[j][m - 1], -1.0);
                }
                if (m - o.leadTimeMonths() >= 0) {
                    ol.setCoefficient(start[j][m - o.leadTimeMonths()], -1.0);
                }
            }
        }
        return new Ai(start, reserved, online);
    }

    /**
     * aiTotalMax: Σⱼ W[j,M−1] ≤ A̅ (W never falls, so the last month bounds all);
     * conversionRate[m]: Σⱼ S[j,m] ≤ maxConversionMwPerMonth;
     * aiContract[m]: Σⱼ O[j,m] ≥ A̲ for every m from the contract's first month.
     */
    public static void addLimits(MPSolver s, PlanProblem p, Ai ai) {
        addLimits(s, p, null, ai);
    }

    /** The same limits of one site of a portfolio, the site's LP name in every row name ({@code conversionRate[site,2027-06]}). */
    public static void addLimits(MPSolver s, PlanProblem p, String site, Ai ai) {
        int last = p.monthCount() - 1;
        if (p.options().isEmpty()) {
            return;
        }
        if (Double.isFinite(p.maxAiItMw())) {
            MPConstraint row = Lp.row(s, -Lp.inf(), p.maxAiItMw(), site == null ? "aiTotalMax" : LpNames.of("aiTotalMax", site));
            for (MPVariable[] w : ai.reserved()) {
                row.setCoefficient(w[last], 1.0);
            }
        }
        for (int m = 0; m <= last; m++) {
            if (Double.isFinite(p.maxConversionMwPerMonth())) {
                MPConstraint row = Lp.row(s, -Lp.inf(), p.maxConversionMwPerMonth(), LpNames.of("conversionRate", site, Months.label(p, m)));
                for (MPVariable[] sj : ai.start()) {
                    row.setCoefficient(sj[m], 1.0);
                }
            }
            if (p.minAiItMw() > 0.0 && m >= p.minAiFromIndex()) {
                MPConstraint row = Lp.row(s, p.minAiItMw(), Lp.inf(), LpNames.of("aiContract", site, Months.label(p, m)));
                for (MPVariable[] oj : ai.online()) {
                    row.setCoefficient(oj[m], 1.0);
                }
            }
        }
    }
}
