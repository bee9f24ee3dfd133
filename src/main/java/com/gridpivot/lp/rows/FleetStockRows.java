package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import java.util.Map;

/**
 * Fleet stock of a plan (models/PLANS.md): the ASIC MW kept, retired and bought each month. Shared by the plan LP and the
 * stochastic plan's first stage. Cash of these decisions: {@link CashRows#addAsicCash}.
 */
public final class FleetStockRows {
    private FleetStockRows() {
    }

    /**
     * K[i,m] asicKept, R[i,m] asicRetired, B[i,m] asicBought (bought[i] null when fleet i has no new-machine price), and the
     * asicBalance[i,m] rows (null when built outside {@link #add}), which {@link AsicRelocationRows} extends with moves.
     */
    public record Asic(MPVariable[][] kept, MPVariable[][] retired, MPVariable[][] bought, MPConstraint[][] balance) {
        public Asic(MPVariable[][] kept, MPVariable[][] retired, MPVariable[][] bought) {
            this(kept, retired, bought, null);
        }
    }

    /**
     * asicBalance[i,m]: K[i,m] − K[i,m−1] − B[i,m] + R[i,m] = 0, with K[i,−1] = capᵢ (the fleet installed at the start);
     * K[i,m] ≤ capᵢ when fleet i cannot be bought.
     *
     * @param fixed retirements and purchases fixed by bounds, or null
     */
    public static Asic add(MPSolver s, PlanProblem p, FixedPlan fixed) {
        return add(s, p, null, fixed);
    }

    /**
     * The same rows with a site tag in every name ({@code asicKept[site,S21,2027-06]}; the portfolio plan).
     *
     * @param site the site's LP name, or null (the plan)
     */
    public static Asic add(MPSolver s, PlanProblem p, String site, FixedPlan fixed) {
        double inf = Lp.inf();
        int months = p.monthCount();
        MPVariable[][] kept = new MPVariable[p.fleets().size()][months];
        MPVariable[][] retired = new MPVariable[p.fleets().size()][months];
        MPVariable[][] bought = new MPVariable[p.fleets().size()][];
        MPConstraint[][] balance = new MPConstraint[p.fleets().size()][months];
        for (int i = 0; i < p.fleets().size(); i++) {
            PlanFleet f = p.fleets().get(i);
            String fn = LpNames.clean(f.spec().name());
            bought[i] = f.canBuy() ? new MPVariable[months] : null;
            for (int m = 0; m < months; m++) {
                String mn = Months.label(p, m);
                kept[i][m] = Lp.var(s, 0.0, f.canBuy() ? inf : f.spec().capacityMw(), LpNames.of("asicKept", site, fn, mn));
                retired[i][m] = Lp.var(s, 0.0, inf, LpNames.of("asicRetired", site, fn, mn));
                if (fixed != null && fixed.asicRetiredMw() != null) {
                    fix(retired[i][m], fixed.asicRetiredMw(), f.spec().name(), m);
                }
                double rhs = m == 0 ? f.spec().capacityMw() : 0.0;
                MPConstraint row = Lp.row(s, rhs, rhs, LpNames.of("asicBalance", site, fn, mn));
                row.setCoefficient(kept[i][m], 1.0);
                if (m > 0) {
                    row.setCoefficient(kept[i][m - 1], -1.0);
                }
                row.setCoefficient(retired[i][m], 1.0);
                balance[i][m] = row;
                if (bought[i] != null) {
                    bought[i][m] = Lp.var(s, 0.0, inf, LpNames.of("asicBought", site, fn, mn));
                    if (fixed != null && fixed.asicBoughtMw() != null) {
                        fix(bought[i][m], fixed.asicBoughtMw(), f.spec().name(), m);
                    }
                    row.setCoefficient(bought[i][m], -1.0);
                }
            }
        }
        return new Asic(kept, retired, bought, balance);
    }

    /** Fixes a decision to the plan's value for (name, month), 0 when the plan does not list it. */
    static void fix(MPVariable v, Map<String, Double> values, String name, int m) {
        Double value = values.get(FixedPlan.key(name, m));
        double x = value == null ? 0.0 : value;
        v.setBounds(x, x);
    }
}
