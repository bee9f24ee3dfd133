package com.gridpivot.optimization.model;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.solve.OrToolsNatives;
import java.util.List;

/**
 * Builds the allocation LP of models/README.md, one constraint group per concern. Symbols:
 * <pre>
 *   i fleets, j AI options, b hour blocks (one hour each in the naive model), t hours, T = hours in the horizon
 *   xᵢ    deployed IT MW of fleet i                  0 ≤ xᵢ ≤ capᵢ
 *   D_bi  IT MW of fleet i in each hour of block b   0 ≤ D_bi ≤ xᵢ
 *   yⱼ    IT MW of AI option j, firm in every hour   0 ≤ yⱼ ≤ maxItMwⱼ
 * </pre>
 */
public final class AllocationModelBuilder {
    private AllocationModelBuilder() {
    }

    public static AllocationModel build(AllocationProblem p) {
        long start = System.nanoTime();
        List<HourBlock> blocks = p.hourAggregation() == HourAggregation.NONE ? HourBlocks.hourly(p) : HourBlocks.exact(p);
        return build(p, blocks, start);
    }

    /**
     * Builds the LP over given hour blocks (e.g. blocks refined so that they are exact for every point of a sweep).
     * Each block's objective coefficients are {@code marginSumUsdPerMw}; its active fleets get dispatch variables.
     */
    public static AllocationModel build(AllocationProblem p, List<HourBlock> blocks) {
        return build(p, blocks, System.nanoTime());
    }

    private static AllocationModel build(AllocationProblem p, List<HourBlock> blocks, long start) {
        OrToolsNatives.ensureLoaded();
        MPSolver solver = MPSolver.createSolver(p.solver().name());
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + p.solver() + " backend in this build");
        }
        boolean naive = p.hourAggregation() == HourAggregation.NONE;
        MPVariable[] x = addDeployedMw(solver, p, naive);
        MPVariable[] y = addAiItMw(solver, p);
        MPVariable[][] d = addDispatchMw(solver, p, blocks, x);
        MPConstraint[] interconnect = addInterconnectRows(solver, p, blocks, d, y);
        MPConstraint aiTotal = addAiTotalRow(solver, p, y);
        MPConstraint budget = addCapexBudgetRow(solver, p, y);
        setObjective(solver, p, blocks, x, y, d);
        double buildMs = (System.nanoTime() - start) / 1e6;
        return new AllocationModel(p, solver, blocks, x, y, d, interconnect, aiTotal, budget, buildMs);
    }

    /**
     * xᵢ ∈ [0, capᵢ]. The naive model keeps every xᵢ. The merged model keeps xᵢ only where fixed opex prices it;
     * elsewhere xᵢ has no cost and only caps D_bi, so D_bi ≤ capᵢ is the same restriction.
     */
    private static MPVariable[] addDeployedMw(MPSolver s, AllocationProblem p, boolean naive) {
        MPVariable[] x = new MPVariable[p.fleets().size()];
        for (int i = 0; i < x.length; i++) {
            FleetSpec f = p.fleets().get(i);
            if (naive || f.fixedOpexUsdPerMwYear() > 0.0) {
                x[i] = s.makeNumVar(0.0, f.capacityMw(), "deployed[" + lpName(f.name()) + "]");
            }
        }
        return x;
    }

    /** yⱼ ∈ [0, maxItMwⱼ]. */
    private static MPVariable[] addAiItMw(MPSolver s, AllocationProblem p) {
        MPVariable[] y = new MPVariable[p.aiOptions().size()];
        for (int j = 0; j < y.length; j++) {
            AiOptionSpec o = p.aiOptions().get(j);
            double ub = Double.isFinite(o.maxItMw()) ? o.maxItMw() : MPSolver.infinity();
            y[j] = s.makeNumVar(0.0, ub, "aiIt[" + lpName(o.name()) + "]");
        }
        return y;
    }

    /** D_bi ∈ [0, capᵢ] and, where xᵢ exists, fleetLimit[i,b]: D_bi − xᵢ ≤ 0. */
    private static MPVariable[][] addDispatchMw(MPSolver s, AllocationProblem p, List<HourBlock> blocks, MPVariable[] x) {
        MPVariable[][] d = new MPVariable[blocks.size()][];
        for (int b = 0; b < blocks.size(); b++) {
            HourBlock block = blocks.get(b);
            d[b] = new MPVariable[block.activeFleets().length];
            for (int k = 0; k < d[b].length; k++) {
                int i = block.activeFleets()[k];
                FleetSpec f = p.fleets().get(i);
                String idx = lpName(f.name()) + "," + block.label();
                d[b][k] = s.makeNumVar(0.0, f.capacityMw(), "dispatch[" + idx + "]");
                if (x[i] != null) {
                    MPConstraint limit = s.makeConstraint(-MPSolver.infinity(), 0.0, "fleetLimit[" + idx + "]");
                    limit.setCoefficient(d[b][k], 1.0);
                    limit.setCoefficient(x[i], -1.0);
                }
            }
        }
        return d;
    }

    /** interconnect[b]: Σᵢ pueᵢ D_bi + Σⱼ pueⱼ yⱼ ≤ interconnectMw (site power in every hour of b). */
    private static MPConstraint[] addInterconnectRows(MPSolver s, AllocationProblem p, List<HourBlock> blocks, MPVariable[][] d,
                                                      MPVariable[] y) {
        MPConstraint[] rows = new MPConstraint[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            HourBlock block = blocks.get(b);
            MPConstraint row = s.makeConstraint(-MPSolver.infinity(), p.site().interconnectMw(), "interconnect[" + block.label() + "]");
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

    /** aiTotal: minAiItMw ≤ Σⱼ yⱼ ≤ maxAiItMw, added when either limit applies. */
    private static MPConstraint addAiTotalRow(MPSolver s, AllocationProblem p, MPVariable[] y) {
        boolean hasMax = p.site().hasMaxAiIt();
        boolean hasMin = p.site().minAiItMw() > 0.0;
        if (!hasMax && !hasMin) {
            return null;
        }
        MPConstraint row = s.makeConstraint(p.site().minAiItMw(), hasMax ? p.site().maxAiItMw() : MPSolver.infinity(), "aiTotal");
        for (MPVariable v : y) {
            row.setCoefficient(v, 1.0);
        }
        return row;
    }

    /** capexBudget: Σⱼ capexUsdPerMwⱼ yⱼ ≤ capexBudgetUsd, added when a budget is given. */
    private static MPConstraint addCapexBudgetRow(MPSolver s, AllocationProblem p, MPVariable[] y) {
        if (!p.site().hasCapexBudget()) {
            return null;
        }
        MPConstraint row = s.makeConstraint(-MPSolver.infinity(), p.site().capexBudgetUsd(), "capexBudget");
        for (int j = 0; j < y.length; j++) {
            row.setCoefficient(y[j], p.aiOptions().get(j).capexUsdPerMw());
        }
        return row;
    }

    /**
     * max Σ_b Σᵢ (Σ_{t∈b} mᵢₜ) D_bi − Σᵢ fixedᵢ · T/8760 · xᵢ + Σⱼ aⱼ yⱼ, where
     * mᵢₜ = (1 − feeᵢ) hₜ 1000 / (24 eᵢ) − pₜ pueᵢ − varOpexᵢ and
     * aⱼ = Σₜ (revⱼ − varOpexⱼ − pₜ pueⱼ [unless the tenant pays]) − capexⱼ CRF(r, n) T/8760 − fixedⱼ T/8760.
     */
    private static void setObjective(MPSolver s, AllocationProblem p, List<HourBlock> blocks, MPVariable[] x, MPVariable[] y,
                                     MPVariable[][] d) {
        MPObjective obj = s.objective();
        double years = p.horizonYears();
        for (int b = 0; b < blocks.size(); b++) {
            for (int k = 0; k < d[b].length; k++) {
                obj.setCoefficient(d[b][k], blocks.get(b).marginSumUsdPerMw()[k]);
            }
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] != null) {
                obj.setCoefficient(x[i], -p.fleets().get(i).fixedOpexUsdPerMwYear() * years);
            }
        }
        for (int j = 0; j < y.length; j++) {
            obj.setCoefficient(y[j], aiNetUsdPerMw(p, p.aiOptions().get(j)));
        }
        obj.setMaximization();
    }

    /** aⱼ: the net value over the horizon of one MW of IT load of option j, capex charge included. */
    public static double aiNetUsdPerMw(AllocationProblem p, AiOptionSpec o) {
        double energy = 0.0;
        if (!o.tenantPaysPower()) {
            for (double price : p.priceUsdPerMwh()) {
                energy += price * o.pue();
            }
        }
        double hours = p.hours();
        return (o.revenueUsdPerMwh() - o.variableOpexUsdPerMwh()) * hours - energy
                - o.capexUsdPerMw() * p.capitalRecoveryFactor() * p.horizonYears()
                - o.fixedOpexUsdPerMwYear() * p.horizonYears();
    }

    /** A name safe for LP and MPS files: characters other than letters, digits, '_', '-', '.', '+' become '_'. */
    public static String lpName(String name) {
        return name.replaceAll("[^A-Za-z0-9_.+-]", "_");
    }
}
