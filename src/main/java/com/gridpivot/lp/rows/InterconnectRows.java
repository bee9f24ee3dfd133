package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.model.HourBlock;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.model.MonthBlock;
import java.util.List;

/** The interconnect: site power (IT MW × PUE) of mining and AI in every hour of a block within the grid connection. */
public final class InterconnectRows {
    private InterconnectRows() {
    }

    /** interconnect[b]: Σᵢ pueᵢ D_bi + Σⱼ pueⱼ yⱼ ≤ interconnectMw (what-if: site power in every hour of b). */
    public static MPConstraint[] add(MPSolver s, AllocationProblem p, List<HourBlock> blocks, MPVariable[][] d, MPVariable[] y) {
        MPConstraint[] rows = new MPConstraint[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            HourBlock block = blocks.get(b);
            MPConstraint row = Lp.row(s, -Lp.inf(), p.site().interconnectMw(), LpNames.of("interconnect", block.label()));
            for (int k = 0; k < d[b].length; k++) {
                row.setCoefficient(d[b][k], p.fleets().get(block.activeFleets()[k]).pue());
            }
            for (int j = 0; j < y.length; j++) {
                row.setCoefficient(y[j], p.aiOptions().get(j).pue());
            }
            rows[b] = row;
        }
        return rows;
    }

    /**
     * interconnect[s,m,b]: Σ_{i active} pueᵢ D[i,m,b] + Σⱼ pueⱼ W[j,m] ≤ C (AI holds its power from construction start);
     * a month without blocks but with AI options gets one row interconnect[s,m] for the AI alone.
     *
     * @param scenario the scenario's LP name (the stochastic plan), or null (the plan)
     */
    public static void addPlan(MPSolver s, PlanProblem p, String scenario, List<List<MonthBlock>> blocks, MPVariable[][][] d,
                               MPVariable[][] reserved) {
        for (int m = 0; m < p.monthCount(); m++) {
            String mn = Months.label(p, m);
            for (int b = 0; b < blocks.get(m).size(); b++) {
                MonthBlock block = blocks.get(m).get(b);
                MPConstraint row = Lp.row(s, -Lp.inf(), p.interconnectMw(), LpNames.of("interconnect", scenario, mn, block.label()));
                for (int k = 0; k < d[m][b].length; k++) {
                    row.setCoefficient(d[m][b][k], p.fleets().get(block.activeFleets()[k]).spec().pue());
                }
                for (int j = 0; j < p.options().size(); j++) {
                    row.setCoefficient(reserved[j][m], p.options().get(j).spec().pue());
                }
            }
            if (blocks.get(m).isEmpty() && !p.options().isEmpty()) {
                MPConstraint row = Lp.row(s, -Lp.inf(), p.interconnectMw(), LpNames.of("interconnect", scenario, mn));
                for (int j = 0; j < p.options().size(); j++) {
                    row.setCoefficient(reserved[j][m], p.options().get(j).spec().pue());
                }
            }
        }
    }
}
