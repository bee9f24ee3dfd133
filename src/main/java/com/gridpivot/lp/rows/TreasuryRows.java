package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;

/** The BTC treasury of a plan: T[m] treasurySold, and the limit on all sales. Cash: {@link CashRows#addTreasuryCash}. */
public final class TreasuryRows {
    private TreasuryRows() {
    }

    /**
     * treasuryLimit: Σₘ T[m] ≤ N. No variables (null) when there is no treasury and no sale is fixed.
     *
     * @param fixed treasury sales fixed by bounds, or null
     */
    public static MPVariable[] add(MPSolver s, PlanProblem p, FixedPlan fixed) {
        if (p.treasuryBtc() <= 0.0 && (fixed == null || fixed.treasurySoldBtc() == null || fixed.treasurySoldBtc().isEmpty())) {
            return null;
        }
        MPVariable[] sold = new MPVariable[p.monthCount()];
        MPConstraint limit = Lp.row(s, -Lp.inf(), p.treasuryBtc(), "treasuryLimit");
        for (int m = 0; m < p.monthCount(); m++) {
            sold[m] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("treasurySold", Months.label(p, m)));
            if (fixed != null && fixed.treasurySoldBtc() != null) {
                double v = fixed.treasurySoldBtc().getOrDefault(m, 0.0);
                sold[m].setBounds(v, v);
            }
            limit.setCoefficient(sold[m], 1.0);
        }
        return sold;
    }
}
