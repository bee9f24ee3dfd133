package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.PlanOption;

/**
 * Hall blocks (models/PLANS.md, Hall blocks): an AI option with a block size starts its construction in whole blocks, which
 * makes the plan a MILP (solved by SCIP through {@link com.gridpivot.lp.LpSolver}). Options without a block size keep
 * continuous starts; a fixed plan's starts are fixed by bounds and checked to be whole blocks when read, so it needs none of
 * these rows and stays an LP.
 */
public final class AiBlockRows {
    private AiBlockRows() {
    }

    /** True when the model holds integer variables: some option has a block size and the AI starts are the optimizer's. */
    public static boolean integer(PlanProblem p, FixedPlan fixed) {
        return (fixed == null || fixed.aiStartsMw() == null) && p.options().stream().anyMatch(PlanOption::hasBlocks);
    }

    /**
     * For every option j with a block size βⱼ (others: a null row of the answer):
     * <pre>
     *   aiBlocks[j,m]       n[j,m] ∈ ℤ, 0 ≤ n[j,m] ≤ min(maxBlocksⱼ, ⌊maxItMwⱼ / βⱼ⌋)   blocks whose construction starts in m
     *   aiStartBlocks[j,m]  S[j,m] − βⱼ n[j,m] = 0                                  MW started are whole blocks
     *   aiBlocksMax[j]      Σₘ n[j,m] ≤ maxBlocksⱼ                                  (only when maxBlocks is given)
     * </pre>
     * The bound ⌊maxItMwⱼ / βⱼ⌋ is implied by W[j,M−1] ≤ maxItMwⱼ and only tightens the relaxation.
     *
     * @param start S[j][m] of {@link AiBuildRows#add}
     * @return n[j][m] (a null row for an option without blocks), or null when {@link #integer} is false
     */
    public static MPVariable[][] add(MPSolver s, PlanProblem p, FixedPlan fixed, MPVariable[][] start) {
        return add(s, p, null, fixed, start);
    }

    /**
     * The same rows with a site tag in every name ({@code aiBlocks[site,H100,2027-06]}; the portfolio plan).
     *
     * @param site the site's LP name, or null (the plan)
     */
    public static MPVariable[][] add(MPSolver s, PlanProblem p, String site, FixedPlan fixed, MPVariable[][] start) {
        if (!integer(p, fixed)) {
            return null;
        }
        MPVariable[][] blocks = new MPVariable[p.options().size()][];
        for (int j = 0; j < blocks.length; j++) {
            PlanOption o = p.options().get(j);
            if (!o.hasBlocks()) {
                continue;
            }
            String on = LpNames.clean(o.spec().name());
            double ub = o.maxBlocks() == Integer.MAX_VALUE ? Lp.inf() : o.maxBlocks();
            if (Double.isFinite(o.spec().maxItMw())) {
                ub = Math.min(ub, Math.floor(o.spec().maxItMw() / o.blockMw() + 1e-9));
            }
            blocks[j] = new MPVariable[p.monthCount()];
            for (int m = 0; m < p.monthCount(); m++) {
                String mn = Months.label(p, m);
                blocks[j][m] = Lp.intVar(s, 0.0, ub, LpNames.of("aiBlocks", site, on, mn));
                MPConstraint row = Lp.row(s, 0.0, 0.0, LpNames.of("aiStartBlocks", site, on, mn));
                row.setCoefficient(start[j][m], 1.0);
                row.setCoefficient(blocks[j][m], -o.blockMw());
            }
            if (o.maxBlocks() != Integer.MAX_VALUE) {
                MPConstraint max = Lp.row(s, -Lp.inf(), o.maxBlocks(), LpNames.of("aiBlocksMax", site, on));
                for (MPVariable n : blocks[j]) {
                    max.setCoefficient(n, 1.0);
                }
            }
        }
        return blocks;
    }
}
