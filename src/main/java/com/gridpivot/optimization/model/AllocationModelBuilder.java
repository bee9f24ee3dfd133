package com.gridpivot.optimization.model;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.ModelSize;
import com.gridpivot.lp.rows.AiBuildRows;
import com.gridpivot.lp.rows.AncillaryRows;
import com.gridpivot.lp.rows.FleetDispatchRows;
import com.gridpivot.lp.rows.ForcedCurtailmentRows;
import com.gridpivot.lp.rows.InterconnectRows;
import com.gridpivot.lp.rows.NpvObjective;
import com.gridpivot.lp.rows.PowerContractRows;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.HourAggregation;
import java.util.List;

/**
 * Builds the allocation LP of models/README.md as a list of row groups ({@code com.gridpivot.lp.rows}). Symbols:
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
        List<HourBlock> blocks = hourly(p) ? HourBlocks.hourly(p) : HourBlocks.exact(p);
        return build(p, blocks, start);
    }

    /**
     * Builds the LP over given hour blocks (e.g. blocks refined so that they are exact for every point of a sweep).
     * Each block's objective coefficients are {@code marginSumUsdPerMw}; its active fleets get dispatch variables.
     */
    public static AllocationModel build(AllocationProblem p, List<HourBlock> blocks) {
        return build(p, blocks, System.nanoTime());
    }

    /**
     * The what-if LP's size before it is built (the memory guard, {@link ModelSize}): B blocks (hours when naive), A = Σ_b
     * active fleets of b. Columns: xᵢ, yⱼ, d[i,b] → F + J + A; rows: fleetLimit (A), interconnect (B), aiTotal, capexBudget →
     * A + B + 2; non-zeros: fleetLimit 2 per dispatch, interconnect A + B·J, aiTotal and capexBudget J each → 3A + BJ + 2J.
     * A power contract's rows are not counted (a few per month, or one per hour with a minimum take: within the margin of
     * the bytes per element).
     */
    public static ModelSize estimate(AllocationProblem p) {
        long f = p.fleets().size();
        long j = p.aiOptions().size();
        long blocks;
        long active;
        if (hourly(p)) {
            blocks = p.hours();
            active = blocks * f;
        } else {
            List<HourBlock> bs = HourBlocks.exact(p);
            blocks = bs.size();
            active = bs.stream().mapToLong(b -> b.activeFleets().length).sum();
        }
        long rows = active + blocks + 2;
        long cols = f + j + active;
        long nonZeros = 3 * active + blocks * j + 2 * j;
        if (p.ancillary().active()) {
            // ancillaryCapacityMw per block (K hourly offers, ERS, active fleets), ancillaryMw K per block, ersMw per period; the
            // deployment hours' rows and curtailment variables are a few per deployment hour (within the margin above)
            long k = p.ancillary().hourlyServices().size();
            long ers = p.ancillary().ersServices().stream().mapToLong(s -> s.periods().size()).sum();
            rows += blocks + 1;
            cols += k * blocks + ers;
            nonZeros += (k + ers) * blocks + active;
        }
        if (p.forcedCurtailment().active()) {
            // forcedCurtailmentMw: at most one row per forced hour, its active fleets and (COUNTED) the AI options
            long forced = Math.min(blocks, p.forcedCurtailment().forcedHours());
            rows += forced;
            nonZeros += forced * (f + j);
        }
        return new ModelSize(rows, cols, nonZeros);
    }

    /**
     * The naive hourly model: asked for, or needed because a fixed-price block has a minimum take (a floor on the site's
     * load makes fleets run in hours their margin is negative, which the merit-order merging does not represent).
     */
    static boolean hourly(AllocationProblem p) {
        return p.hourAggregation() == HourAggregation.NONE || p.powerContract().hasMinimumTake();
    }

    private static AllocationModel build(AllocationProblem p, List<HourBlock> given, long start) {
        MPSolver solver = Lp.newSolver(p.solver());
        try {
            boolean naive = hourly(p);
            boolean merged = given.stream().anyMatch(b -> b.hours().length != 1 || b.activeFleets().length != p.fleets().size());
            List<HourBlock> blocks = p.powerContract().hasMinimumTake() && merged ? HourBlocks.hourly(p) : given;
            MPVariable[] x = FleetDispatchRows.addDeployedMw(solver, p, naive);
            MPVariable[] y = AiBuildRows.addAiItMw(solver, p);
            MPVariable[][] d = FleetDispatchRows.addDispatchMw(solver, p, blocks, x);
            MPConstraint[] interconnect = InterconnectRows.add(solver, p, blocks, d, y);
            MPConstraint aiTotal = AiBuildRows.addAiTotal(solver, p, y);
            MPConstraint budget = AiBuildRows.addCapexBudget(solver, p, y);
            ForcedCurtailmentRows.add(solver, p, blocks, d, y, interconnect);
            PowerContractRows.add(solver, p, blocks, d, y);
            NpvObjective.setAllocation(solver, p, blocks, x, y, d);
            AncillaryRows.Vars ancillary = AncillaryRows.add(solver, p, blocks, d);
            double buildMs = (System.nanoTime() - start) / 1e6;
            return new AllocationModel(p, solver, blocks, x, y, d, interconnect, aiTotal, budget, ancillary, buildMs);
        } catch (RuntimeException e) {
            solver.delete();
            throw e;
        }
    }
}
