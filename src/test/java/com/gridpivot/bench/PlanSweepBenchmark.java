package com.gridpivot.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblemAssembler;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.risk.ParametricPlan;
import com.gridpivot.risk.PlanSweepResult;
import com.gridpivot.risk.PlanSweepService;
import com.gridpivot.risk.PlanSweepSolver;
import com.gridpivot.risk.SweepInput;
import com.gridpivot.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plan sweeps on PlanBenchmark's 5-year case (HB_WEST 2024 replayed, 4 fleets, 3 AI options, 60 months): 20-point sweeps
 * of the BTC price scale and of the GPU lease scale, each with one re-used model per worker and with a model built per
 * point, and the BTC sweep end to end (frontier and a 6-input tornado). Writes bench/results/plan-sweep.csv.
 */
public final class PlanSweepBenchmark {
    private PlanSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 1 && args[0].equals("--out") ? args[1] : "bench/results/plan-sweep.csv";
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        double[] year = RealData.hourlyRtm("HB_WEST", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
        PlanRequest req = json.readValue(PlanBenchmark.REQUEST.formatted("EXACT_BLOCKS"), PlanRequest.class);
        PlanProblem p = new PlanProblemAssembler(Catalog.load(), SolverKind.GLOP, 600).assemble(req, req.scenario(), (node, y) -> year);
        ParametricPlan pp = new ParametricPlan(p);
        List<String> rows = new ArrayList<>();
        rows.add("case,points,threads,mode,hour_blocks,build_ms,solve_ms,wall_ms,max_npv_diff_usd_shared_vs_per_pair");
        for (SweepInput in : List.of(SweepInput.BTC_PRICE_SCALE, SweepInput.GPU_LEASE_SCALE)) {
            List<Map<SweepInput, Double>> points = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                points.add(Map.of(in, 0.5 + 1.5 * k / 19.0));
            }
            PlanSweepSolver.solve(pp, points.subList(0, 2), 1, d -> { }, () -> false, Integer.MAX_VALUE); // warm-up
            for (int threads : new int[] {1, 2}) {
                long t0 = System.nanoTime();
                PlanSweepSolver.Outcome shared = PlanSweepSolver.solve(pp, points, threads, d -> { }, () -> false, Integer.MAX_VALUE);
                double sharedMs = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                PlanSweepSolver.Outcome rebuilt = PlanSweepSolver.solve(pp, points, threads, d -> { }, () -> false, 0);
                double rebuiltMs = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                if (threads == 1) {
                    for (Map<SweepInput, Double> pt : points) {
                        PlanSweepSolver.single(pp, pt);
                    }
                }
                double freshMs = (System.nanoTime() - t0) / 1e6;
                double diff = 0.0;
                for (int k = 0; k < points.size(); k++) {
                    diff = Math.max(diff, Math.abs(shared.points()[k].npvUsd() - rebuilt.points()[k].npvUsd()));
                }
                rows.add(String.format(Locale.ROOT, "%s-20,20,%d,shared,%d,%.1f,%.1f,%.1f,%.3g", in, threads, shared.hourBlocks(), shared.times().buildMs(),
                        shared.times().solveMs(), sharedMs, diff));
                rows.add(String.format(Locale.ROOT, "%s-20,20,%d,per-pair(%d models),%d,%.1f,%.1f,%.1f,", in, threads, rebuilt.models(), rebuilt.hourBlocks(),
                        rebuilt.times().buildMs(), rebuilt.times().solveMs(), rebuiltMs));
                System.out.println(rows.get(rows.size() - 2) + "\n" + rows.get(rows.size() - 1));
                if (threads == 1) {
                    rows.add(String.format(Locale.ROOT, "%s-20,20,1,fresh plan LP per point (no re-use),%d,,,%.1f,", in, rebuilt.hourBlocks(), freshMs));
                    System.out.println(rows.get(rows.size() - 1));
                }
            }
        }
        double[] btc = new double[20];
        for (int k = 0; k < btc.length; k++) {
            btc[k] = 0.5 + 1.5 * k / 19.0;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        PlanSweepService.Validated v = new PlanSweepService.Validated(null, pp, List.of(SweepInput.BTC_PRICE_SCALE), List.of(btc),
                List.of(SweepInput.BTC_PRICE_SCALE, SweepInput.GPU_LEASE_SCALE, SweepInput.COLOCATION_SCALE, SweepInput.ENERGY_PRICE_SCALE,
                        SweepInput.CAPEX_SCALE, SweepInput.DISCOUNT_RATE), 0.2);
        long t0 = System.nanoTime();
        PlanSweepResult r = new PlanSweepService(null, null).run(v, cores, d -> { }, () -> false);
        double ms = (System.nanoTime() - t0) / 1e6;
        rows.add(String.format(Locale.ROOT, "BTC_PRICE_SCALE-20+frontier(%d steps)+tornado(6),20,%d,%s,%d,%.1f,%.1f,%.1f,", r.frontier().size(), cores,
                r.stats().sharedModel() ? "shared" : "per-pair", r.stats().hourBlocks(), r.stats().buildMs(), r.stats().solveMs(), ms));
        System.out.println(rows.get(rows.size() - 1) + "\n" + r.frontierNote());
        Files.createDirectories(Path.of(out).getParent());
        Files.writeString(Path.of(out), String.join("\n", rows) + "\n");
    }
}
