package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.model.HourBlock;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.model.MonthBlock;
import java.util.List;

/**
 * Fleet dispatch and fleet limits: the IT MW each active fleet runs in each hour of a block, capped by the MW deployed
 * (what-if) or kept (plan). Cash of the dispatch: {@link CashRows#addDispatchCash} (plan) and {@link NpvObjective} (what-if).
 */
public final class FleetDispatchRows {
    private FleetDispatchRows() {
    }

    // ---- what-if (models/README.md)

    /**
     * xᵢ ∈ [0, capᵢ]: deployed[i]. The naive model keeps every xᵢ. The merged model keeps xᵢ only where fixed opex prices
     * it; elsewhere xᵢ has no cost and only caps D_bi, so D_bi ≤ capᵢ is the same restriction (null there).
     */
    public static MPVariable[] addDeployedMw(MPSolver s, AllocationProblem p, boolean naive) {
        MPVariable[] x = new MPVariable[p.fleets().size()];
        for (int i = 0; i < x.length; i++) {
            FleetSpec f = p.fleets().get(i);
            if (naive || f.fixedOpexUsdPerMwYear() > 0.0) {
                x[i] = Lp.var(s, 0.0, f.capacityMw(), LpNames.of("deployed", LpNames.clean(f.name())));
            }
        }
        return x;
    }

    /** D_bi ∈ [0, capᵢ]: dispatch[i,b] and, where xᵢ exists, fleetLimit[i,b]: D_bi − xᵢ ≤ 0. */
    public static MPVariable[][] addDispatchMw(MPSolver s, AllocationProblem p, List<HourBlock> blocks, MPVariable[] x) {
        MPVariable[][] d = new MPVariable[blocks.size()][];
        for (int b = 0; b < blocks.size(); b++) {
            HourBlock block = blocks.get(b);
            d[b] = new MPVariable[block.activeFleets().length];
            for (int k = 0; k < d[b].length; k++) {
                int i = block.activeFleets()[k];
                FleetSpec f = p.fleets().get(i);
                String fn = LpNames.clean(f.name());
                d[b][k] = Lp.var(s, 0.0, f.capacityMw(), LpNames.of("dispatch", fn, block.label()));
                if (x[i] != null) {
                    MPConstraint limit = Lp.row(s, -Lp.inf(), 0.0, LpNames.of("fleetLimit", fn, block.label()));
                    limit.setCoefficient(d[b][k], 1.0);
                    limit.setCoefficient(x[i], -1.0);
                }
            }
        }
        return d;
    }

    // ---- plan (models/PLANS.md) and each scenario of the stochastic plan

    /**
     * D[i,m,b] ∈ [0, ∞): dispatch[s,i,m,b] and fleetLimit[s,i,m,b]: D[i,m,b] − K[i,m] ≤ 0.
     *
     * @param scenario the scenario's LP name (the stochastic plan), or null (the plan)
     * @return D[m][b][k] for the k-th active fleet of block b of month m
     */
    public static MPVariable[][][] addPlanDispatchMw(MPSolver s, PlanProblem p, String scenario, List<List<MonthBlock>> blocks,
                                                     MPVariable[][] kept) {
        MPVariable[][][] d = new MPVariable[p.monthCount()][][];
        for (int m = 0; m < p.monthCount(); m++) {
            List<MonthBlock> mb = blocks.get(m);
            d[m] = new MPVariable[mb.size()][];
            for (int b = 0; b < mb.size(); b++) {
                MonthBlock block = mb.get(b);
                d[m][b] = new MPVariable[block.activeFleets().length];
                for (int k = 0; k < d[m][b].length; k++) {
                    int i = block.activeFleets()[k];
                    String fn = LpNames.clean(p.fleets().get(i).spec().name());
                    String mn = Months.label(p, m);
                    MPVariable v = Lp.var(s, 0.0, Lp.inf(), LpNames.of("dispatch", scenario, fn, mn, block.label()));
                    d[m][b][k] = v;
                    MPConstraint limit = Lp.row(s, -Lp.inf(), 0.0, LpNames.of("fleetLimit", scenario, fn, mn, block.label()));
                    limit.setCoefficient(v, 1.0);
                    limit.setCoefficient(kept[i][m], -1.0);
                }
            }
        }
        return d;
    }
}
