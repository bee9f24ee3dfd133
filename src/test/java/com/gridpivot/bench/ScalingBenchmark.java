package com.gridpivot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.optimization.AllocationEngine;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.AllocationProblem.SiteSpec;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.model.AllocationModel;
import com.gridpivot.optimization.model.AllocationModelBuilder;
import com.gridpivot.lp.MpsWriter;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.testdata.Highs;
import com.gridpivot.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scaling of the what-if: time against the horizon (24 hours to 10 years of hours) and against the number of fleets
 * and options, for the merged model (EXACT) and the naive hourly model (NONE), with scipy's HiGHS solving the very
 * same exported model (MPS) beside it. Prices: HB_WEST 2023–2024 real-time hourly means, repeated for horizons over
 * two years; hashprice: the daily series of the same days.
 * <pre>./mvnw -Pbench verify   (writes bench/results/scaling.csv)</pre>
 */
public final class ScalingBenchmark {
    public static void main(String[] args) throws Exception {
        // The files cover Central-time months: UTC 2023-01-01T06:00 to 2025-01-01T06:00 (17,544 hours).
        double[] prices = RealData.hourlyRtm("HB_WEST", RealData.utc(2023, 1, 1).plusSeconds(6 * 3600), RealData.utc(2025, 1, 1).plusSeconds(6 * 3600));
        double[] daily = RealData.dailyHashpriceNoFees(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 1, 1));
        List<String> rows = new ArrayList<>();
        rows.add("series,hours,fleets,options,model,variables,rows,hour_blocks,build_ms,solve_ms,engine_ms,highs_same_model_ms,objective_rel_diff");
        int[] horizons = {24, 168, 720, 2208, 8784, 17544, 43800, 87672};
        for (int hours : horizons) {
            for (HourAggregation agg : HourAggregation.values()) {
                if (agg == HourAggregation.NONE && hours > 43800) {
                    continue; // the naive 10-year LP: ~440k columns; see BENCHMARKS.md
                }
                rows.add(run("horizon", problem(prices, daily, hours, 4, 3, agg)));
            }
        }
        int[][] sizes = {{1, 1}, {2, 1}, {4, 3}, {8, 4}, {16, 8}, {32, 8}};
        for (int[] s : sizes) {
            for (HourAggregation agg : HourAggregation.values()) {
                rows.add(run("size", problem(prices, daily, 8784, s[0], s[1], agg)));
            }
        }
        Path csv = Path.of("bench/results/scaling.csv");
        Files.createDirectories(csv.getParent());
        Files.write(csv, rows);
        rows.forEach(System.out::println);
    }

    private static String run(String series, AllocationProblem p) throws Exception {
        int reps = p.hourAggregation() == HourAggregation.EXACT ? 7 : (p.hours() > 8784 ? 1 : 3);
        double best = Double.MAX_VALUE;
        AllocationResult r = null;
        for (int k = 0; k < reps + 1; k++) {   // one warm-up
            long t0 = System.nanoTime();
            r = AllocationEngine.solve(p).result();
            double ms = (System.nanoTime() - t0) / 1e6;
            if (k > 0 || reps == 1) {
                best = Math.min(best, ms);
            }
        }
        String mps;
        try (AllocationModel m = AllocationModelBuilder.build(p)) {
            mps = MpsWriter.write(m.solver(), "scaling");
        }
        JsonNode highs = Highs.solveMps(mps, Path.of("target/mps/scaling.mps"));
        double highsMs = highs.get("solveSeconds").asDouble() * 1000;
        double objective = r.economics().netUsd();
        double diff = Math.abs(highs.get("objective").asDouble() - objective) / Math.max(1, Math.abs(objective));
        return String.format(Locale.ROOT, "%s,%d,%d,%d,%s,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.2e", series, p.hours(), p.fleets().size(),
                p.aiOptions().size(), p.hourAggregation(), r.solver().variables(), r.solver().constraints(), r.solver().hourBlocks(),
                r.solver().buildMs(), r.solver().solveMs(), best, highsMs, diff);
    }

    /** Fleets: the catalog's efficiencies spread from 9.5 to 21.5 J/TH, some with fixed opex; options: flat revenues. */
    static AllocationProblem problem(double[] prices, double[] daily, int hours, int nFleets, int nOptions, HourAggregation agg) {
        double[] p = new double[hours];
        double[] h = new double[hours];
        for (int t = 0; t < hours; t++) {
            p[t] = prices[t % prices.length];
            h[t] = daily[(t % prices.length) / 24];
        }
        List<FleetSpec> fleets = new ArrayList<>();
        for (int i = 0; i < nFleets; i++) {
            double jPerTh = 9.5 + 12.0 * i / Math.max(1, nFleets - 1);
            fleets.add(new FleetSpec("f" + i, null, 4000 + 500 * i, 200, 200 * jPerTh, 1.03 + 0.02 * (i % 5), 0.02, i % 3,
                    i % 2 == 0 ? 15_000 : 0));
        }
        List<AiOptionSpec> options = new ArrayList<>();
        for (int j = 0; j < nOptions; j++) {
            options.add(new AiOptionSpec("o" + j, null, RevenueBasis.FLAT_PER_MWH, 160 + 40 * j, j % 2 == 1, 1.25 + 0.05 * (j % 3),
                    10 + 5 * j, 9.5e6 + 1e6 * j, 5, 50_000));
        }
        return new AllocationProblem(new SiteSpec("scaling", 100, 50, 0, 3e8), fleets, options, p, h, 0.10, 5,
                SolverKind.GLOP, agg, 600);
    }
}
