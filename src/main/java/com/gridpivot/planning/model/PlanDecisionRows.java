package com.gridpivot.planning.model;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import java.util.Map;

/**
 * A plan's decisions and the rows that tie them together (models/PLANS.md), without their cash flows: the plan LP
 * ({@link PlanModelBuilder}) adds one cash flow to them, the two-stage stochastic LP one per scenario (its first stage).
 * Both call these in the same order, so the variables and rows keep their names and their order.
 */
public final class PlanDecisionRows {
    private PlanDecisionRows() {
    }

    /** K[i,m] asicKept, R[i,m] asicRetired, B[i,m] asicBought (bought[i] null when fleet i has no new-machine price). */
    public record Asic(MPVariable[][] kept, MPVariable[][] retired, MPVariable[][] bought) {
    }

    /** S[j,m] aiStart, W[j,m] aiReserved, O[j,m] aiOnline. */
    public record Ai(MPVariable[][] start, MPVariable[][] reserved, MPVariable[][] online) {
    }

    /**
     * asicBalance[i,m]: K[i,m] − K[i,m−1] − B[i,m] + R[i,m] = 0, with K[i,−1] = capᵢ (the fleet installed at the start);
     * K[i,m] ≤ capᵢ when fleet i cannot be bought.
     *
     * @param fixed retirements and purchases fixed by bounds, or null
     */
    public static Asic addAsicFleets(MPSolver s, PlanProblem p, FixedPlan fixed) {
        double inf = MPSolver.infinity();
        int months = p.monthCount();
        MPVariable[][] kept = new MPVariable[p.fleets().size()][months];
        MPVariable[][] retired = new MPVariable[p.fleets().size()][months];
        MPVariable[][] bought = new MPVariable[p.fleets().size()][];
        for (int i = 0; i < p.fleets().size(); i++) {
            PlanFleet f = p.fleets().get(i);
            String fn = PlanModelBuilder.lp(f.spec().name());
            bought[i] = f.canBuy() ? new MPVariable[months] : null;
            for (int m = 0; m < months; m++) {
                String idx = fn + "," + PlanModelBuilder.month(p, m);
                kept[i][m] = s.makeNumVar(0.0, f.canBuy() ? inf : f.spec().capacityMw(), "asicKept[" + idx + "]");
                retired[i][m] = s.makeNumVar(0.0, inf, "asicRetired[" + idx + "]");
                if (fixed != null && fixed.asicRetiredMw() != null) {
                    fix(retired[i][m], fixed.asicRetiredMw(), f.spec().name(), m);
                }
                double rhs = m == 0 ? f.spec().capacityMw() : 0.0;
                MPConstraint row = s.makeConstraint(rhs, rhs, "asicBalance[" + idx + "]");
                row.setCoefficient(kept[i][m], 1.0);
                if (m > 0) {
                    row.setCoefficient(kept[i][m - 1], -1.0);
                }
                row.setCoefficient(retired[i][m], 1.0);
                if (bought[i] != null) {
                    bought[i][m] = s.makeNumVar(0.0, inf, "asicBought[" + idx + "]");
                    if (fixed != null && fixed.asicBoughtMw() != null) {
                        fix(bought[i][m], fixed.asicBoughtMw(), f.spec().name(), m);
                    }
                    row.setCoefficient(bought[i][m], -1.0);
                }
            }
        }
        return new Asic(kept, retired, bought);
    }

    /**
     * aiReservedDef[j,m]: W[j,m] − W[j,m−1] − S[j,m] = 0;   aiOnlineDef[j,m]: O[j,m] − O[j,m−1] − S[j,m−Lⱼ] = 0
     * (the S term only when m ≥ Lⱼ); W[j,m] ≤ maxItMwⱼ.
     *
     * @param fixed AI starts fixed by bounds, or null
     */
    public static Ai addAiOptions(MPSolver s, PlanProblem p, FixedPlan fixed) {
        double inf = MPSolver.infinity();
        int months = p.monthCount();
        MPVariable[][] start = new MPVariable[p.options().size()][months];
        MPVariable[][] reserved = new MPVariable[p.options().size()][months];
        MPVariable[][] online = new MPVariable[p.options().size()][months];
        for (int j = 0; j < p.options().size(); j++) {
            PlanOption o = p.options().get(j);
            String on = PlanModelBuilder.lp(o.spec().name());
            double ub = Double.isFinite(o.spec().maxItMw()) ? o.spec().maxItMw() : inf;
            for (int m = 0; m < months; m++) {
                String idx = on + "," + PlanModelBuilder.month(p, m);
                start[j][m] = s.makeNumVar(0.0, inf, "aiStart[" + idx + "]");
                if (fixed != null && fixed.aiStartsMw() != null) {
                    fix(start[j][m], fixed.aiStartsMw(), o.spec().name(), m);
                }
                reserved[j][m] = s.makeNumVar(0.0, ub, "aiReserved[" + idx + "]");
                online[j][m] = s.makeNumVar(0.0, inf, "aiOnline[" + idx + "]");
                MPConstraint w = s.makeConstraint(0.0, 0.0, "aiReservedDef[" + idx + "]");
                w.setCoefficient(reserved[j][m], 1.0);
                w.setCoefficient(start[j][m], -1.0);
                MPConstraint ol = s.makeConstraint(0.0, 0.0, "aiOnlineDef[" + idx + "]");
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
    public static void addAiLimits(MPSolver s, PlanProblem p, Ai ai) {
        int last = p.monthCount() - 1;
        if (p.options().isEmpty()) {
            return;
        }
        if (Double.isFinite(p.maxAiItMw())) {
            MPConstraint row = s.makeConstraint(-MPSolver.infinity(), p.maxAiItMw(), "aiTotalMax");
            for (MPVariable[] w : ai.reserved()) {
                row.setCoefficient(w[last], 1.0);
            }
        }
        for (int m = 0; m <= last; m++) {
            if (Double.isFinite(p.maxConversionMwPerMonth())) {
                MPConstraint row = s.makeConstraint(-MPSolver.infinity(), p.maxConversionMwPerMonth(),
                        "conversionRate[" + PlanModelBuilder.month(p, m) + "]");
                for (MPVariable[] sj : ai.start()) {
                    row.setCoefficient(sj[m], 1.0);
                }
            }
            if (p.minAiItMw() > 0.0 && m >= p.minAiFromIndex()) {
                MPConstraint row = s.makeConstraint(p.minAiItMw(), MPSolver.infinity(), "aiContract[" + PlanModelBuilder.month(p, m) + "]");
                for (MPVariable[] oj : ai.online()) {
                    row.setCoefficient(oj[m], 1.0);
                }
            }
        }
    }

    /**
     * treasuryLimit: Σₘ T[m] ≤ N. No variables (null) when there is no treasury and no sale is fixed.
     *
     * @param fixed treasury sales fixed by bounds, or null
     */
    public static MPVariable[] addTreasury(MPSolver s, PlanProblem p, FixedPlan fixed) {
        if (p.treasuryBtc() <= 0.0 && (fixed == null || fixed.treasurySoldBtc() == null || fixed.treasurySoldBtc().isEmpty())) {
            return null;
        }
        MPVariable[] sold = new MPVariable[p.monthCount()];
        MPConstraint limit = s.makeConstraint(-MPSolver.infinity(), p.treasuryBtc(), "treasuryLimit");
        for (int m = 0; m < p.monthCount(); m++) {
            sold[m] = s.makeNumVar(0.0, MPSolver.infinity(), "treasurySold[" + PlanModelBuilder.month(p, m) + "]");
            if (fixed != null && fixed.treasurySoldBtc() != null) {
                double v = fixed.treasurySoldBtc().getOrDefault(m, 0.0);
                sold[m].setBounds(v, v);
            }
            limit.setCoefficient(sold[m], 1.0);
        }
        return sold;
    }

    /** Fixes a decision to the plan's value for (name, month), 0 when the plan does not list it. */
    private static void fix(MPVariable v, Map<String, Double> values, String name, int m) {
        Double value = values.get(FixedPlan.key(name, m));
        double x = value == null ? 0.0 : value;
        v.setBounds(x, x);
    }
}
