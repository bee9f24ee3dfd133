package com.gridpivot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.optimization.AllocationEngine;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.risk.ParametricAllocation;
import com.gridpivot.risk.SweepInput;
import com.gridpivot.risk.SweepResult;
import com.gridpivot.risk.SweepService;
import com.gridpivot.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The 200-point BTC-price sweep of the one-year what-if (issue 5: under 20 s), against solving the 200 what-ifs one by
 * one (rebuilding each model). <pre>./mvnw -Pbench verify   (writes bench/results/sweep.csv)</pre>
 */
public final class SweepBenchmark {
    public static void main(String[] args) throws Exception {
        AllocationRequest req = new ObjectMapper().convertValue(RealData.yearRequest("GLOP", "EXACT"), AllocationRequest.class);
        AllocationProblem base = new AllocationProblemAssembler(Catalog.load(), SolverKind.GLOP, 600).assemble(req);
        ParametricAllocation pa = new ParametricAllocation(base, 60_000.0);
        double[] btc = new double[200];
        for (int k = 0; k < 200; k++) {
            btc[k] = 20_000 + 180_000.0 * k / 199;
        }
        SweepService.Plan plan = new SweepService.Plan(pa, List.of(SweepInput.BTC_PRICE_USD), List.of(btc), List.of(), 0.2);
        SweepService service = new SweepService(null, 2000);
        List<String> rows = new ArrayList<>();
        rows.add("case,points,threads,shared_model,hour_blocks,variables,rows,build_ms,solve_ms,wall_ms,frontier_steps,one_by_one_ms,peak_heap_mb");
        for (int threads : new int[] {1, 2}) {
            service.run(plan, threads, k -> { }, () -> false); // warm-up
            PlanBenchmark.resetPeaks();
            long t0 = System.nanoTime();
            SweepResult r = service.run(plan, threads, k -> { }, () -> false);
            double ms = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            for (double v : btc) {
                AllocationEngine.solve(pa.at(Map.of(SweepInput.BTC_PRICE_USD, v)));
            }
            double oneByOne = (System.nanoTime() - t1) / 1e6;
            // build_ms / solve_ms: the grid points' model building and LP solves, added up over the worker threads
            rows.add(String.format(Locale.ROOT, "btc-sweep-year-4f3o,%d,%d,%s,%d,%d,%d,%.1f,%.1f,%.1f,%d,%.1f,%.0f", r.points().size(), threads,
                    r.stats().sharedModel(), r.stats().hourBlocks(), r.stats().variables(), r.stats().rows(), r.stats().buildMs(),
                    r.stats().solveMs(), ms, r.frontier().size(), oneByOne, PlanBenchmark.peakHeapMb()));
        }
        Path csv = Path.of("bench/results/sweep.csv");
        Files.createDirectories(csv.getParent());
        Files.write(csv, rows);
        rows.forEach(System.out::println);
    }
}
