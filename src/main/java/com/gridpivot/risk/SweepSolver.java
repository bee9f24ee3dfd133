package com.gridpivot.risk;

import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.model.AllocationModel;
import com.gridpivot.optimization.model.AllocationModelBuilder;
import com.gridpivot.optimization.model.HourBlock;
import com.gridpivot.lp.LpSolver;
import com.gridpivot.lp.rows.AiBuildRows;
import com.gridpivot.lp.rows.NpvObjective;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.SolveOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Solves many variants of one what-if, over all cores in contiguous runs of points. When the hour blocks refined over all
 * points ({@link SweepBlocks}) stay few, one model per worker serves every point it takes: between points only the
 * objective coefficients (and, when capex is swept, the budget row's coefficients) change, and GLOP re-starts from the
 * previous basis. When they multiply, each point gets its own exact model instead (see {@link #SHARED_MODEL_MAX_GROWTH}).
 */
public final class SweepSolver {
    /** The shared model is used while it has at most this many times the blocks of one point's exact model. */
    static final int SHARED_MODEL_MAX_GROWTH = 4;

    private SweepSolver() {
    }

    /** A point solved with its own exact model (rebuilt: milliseconds). */
    private static SweepPointResult solveAlone(AllocationProblem p, Map<String, Double> label, SweepTimes times) {
        var r = com.gridpivot.optimization.AllocationEngine.solve(p).result();
        times.addBuildMs(r.solver().buildMs());
        times.addSolveMs(r.solver().solveMs());
        times.model(r.solver().variables(), r.solver().constraints());
        if (r.allocation() == null) {
            return new SweepPointResult(label, r.status(), Double.NaN, Double.NaN, Double.NaN, Map.of(), Map.of());
        }
        return new SweepPointResult(label, r.status(), r.economics().netUsd(), r.allocation().totalAiItMw(), r.allocation().totalAsicItMw(),
                r.allocation().aiItMw(), r.allocation().asicItMw());
    }

    /**
     * @param variants  one problem per point (same site, fleets, options and hours)
     * @param labels    the swept values of each point, for the answer
     * @param threads   worker threads (one model each)
     * @param progress  called with the number of points done so far
     * @param cancelled checked between points
     */
    /**
     * @param points     the solved points in order (fewer than asked when cancelled)
     * @param hourBlocks blocks of the shared model, or of the first point's own model
     * @param sharedModel whether one model served all points
     */
    public record Outcome(List<SweepPointResult> points, int hourBlocks, boolean sharedModel, SweepTimes times) {
    }

    public static Outcome solve(List<AllocationProblem> variants, List<Map<String, Double>> labels, int threads,
                                IntConsumer progress, java.util.function.BooleanSupplier cancelled) {
        // With ancillary services each point builds its own exact model: the refined blocks do not carry the ancillary
        // services' grouping (ERS periods, best-paid service, deployment hours; HourBlocks.exactWithAncillary). So does a
        // curtailment order (SB 6): its forced hours are blocks of their own with a row each, and a sweep may move them.
        boolean ancillary = variants.stream().anyMatch(v -> v.ancillary().active() || v.forcedCurtailment().active());
        List<HourBlock> blocks = ancillary ? List.of() : SweepBlocks.refine(variants);
        int n = variants.size();
        // One shared model pays when refining costs few blocks; when the points' merit orders differ a lot, the refined
        // model is many times larger than each point's own exact model, and rebuilding that (milliseconds) is faster
        // than re-solving the big one (measured in BENCHMARKS.md: 200 BTC prices on a real year, 332 refined blocks
        // vs 5 per point: 8.8 s shared, 2.2 s rebuilt, one thread).
        int ownBlocks = com.gridpivot.optimization.model.HourBlocks.exact(variants.get(0)).size();
        boolean shared = !ancillary && blocks.size() <= SHARED_MODEL_MAX_GROWTH * Math.max(1, ownBlocks);
        SweepPointResult[] out = new SweepPointResult[n];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        SweepTimes times = new SweepTimes();
        PointWorkers.run(n, threads, "sweep-worker", (from, to) -> {
            if (!shared) {
                for (int k = from; k < to && !cancelled.getAsBoolean(); k++) {
                    out[k] = solveAlone(variants.get(k), labels.get(k), times);
                    progress.accept(done.incrementAndGet());
                }
                return;
            }
            long t0 = System.nanoTime();
            try (AllocationModel m = AllocationModelBuilder.build(variants.get(from), blocks)) {
                times.build(t0);
                times.model(m.solver().numVariables(), m.solver().numConstraints());
                for (int k = from; k < to && !cancelled.getAsBoolean(); k++) {
                    out[k] = solvePoint(m, variants.get(k), labels.get(k), times);
                    progress.accept(done.incrementAndGet());
                }
            }
        });
        List<SweepPointResult> results = new ArrayList<>();
        for (SweepPointResult r : out) {
            if (r != null) {
                results.add(r);
            }
        }
        return new Outcome(results, shared ? blocks.size() : ownBlocks, shared, times);
    }

    private static SweepPointResult solvePoint(AllocationModel m, AllocationProblem p, Map<String, Double> label, SweepTimes times) {
        long t0 = System.nanoTime();
        // Objective of one point: block margin sums, AI value per MW; the budget row follows swept capex.
        for (int b = 0; b < m.blocks().size(); b++) {
            HourBlock block = m.blocks().get(b);
            NpvObjective.setDispatchMargins(m.solver(), m.dispatch()[b], SweepBlocks.marginSums(p, block.hours(), block.activeFleets()));
        }
        NpvObjective.setAiNet(m.solver(), p, m.aiIt());
        com.gridpivot.lp.rows.PowerContractRows.setHedge(m.solver(), p);
        if (m.capexBudget() != null) {
            AiBuildRows.setCapexBudget(m.capexBudget(), p, m.aiIt());
        }
        times.build(t0);
        SolveOutcome s = LpSolver.solve(m.solver(), p.solver(), p.timeLimitSeconds(), 1e-6 * Math.max(1.0, p.site().interconnectMw()));
        times.addSolveMs(s.solveMs());
        Map<String, Double> ai = new LinkedHashMap<>();
        Map<String, Double> asic = new LinkedHashMap<>();
        if (!s.hasSolution()) {
            return new SweepPointResult(label, s.status(), Double.NaN, Double.NaN, Double.NaN, ai, asic);
        }
        double totalAi = 0;
        for (int j = 0; j < m.aiIt().length; j++) {
            double v = Math.max(0.0, m.aiIt()[j].solutionValue());
            ai.put(p.aiOptions().get(j).name(), v);
            totalAi += v;
        }
        double[] maxMw = new double[p.fleets().size()];
        for (int b = 0; b < m.blocks().size(); b++) {
            int[] fleets = m.blocks().get(b).activeFleets();
            for (int k = 0; k < fleets.length; k++) {
                MPVariable d = m.dispatch()[b][k];
                maxMw[fleets[k]] = Math.max(maxMw[fleets[k]], d.solutionValue());
            }
        }
        double totalAsic = 0;
        for (int i = 0; i < maxMw.length; i++) {
            asic.put(p.fleets().get(i).name(), maxMw[i]);
            totalAsic += maxMw[i];
        }
        return new SweepPointResult(label, s.status() == LpStatus.OPTIMAL ? LpStatus.OPTIMAL : s.status(), s.objective(), totalAi, totalAsic, ai, asic);
    }
}
