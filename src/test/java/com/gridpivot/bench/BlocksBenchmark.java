package com.gridpivot.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.lp.RunControl;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.PlanEngine;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblemAssembler;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hall blocks (issue 15 item 4): the demo site ("West Texas demo": 100 MW, S21 and S19 XP fleets, the colocation lease and
 * H100 cloud ≤ 40 MW) on the base case (demo) scenario, 60 months from 2026-07, HB_WEST 2024 replayed, conversion crews for
 * at most 15 MW a month (so the LP starts 15 + 15 + 10 MW, 1.5 blocks a month), with 10 MW blocks on both AI options (a MILP solved by SCIP), beside the same plan as an LP (no blocks); and PlanBenchmark's 4-fleet,
 * 3-option plan with 10 MW blocks. One answer = the plan and the stay-on-Bitcoin baseline (an LP).
 * <pre>
 *   ./mvnw -q test-compile && ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" com.gridpivot.bench.BlocksBenchmark [timeLimitSeconds]
 * </pre>
 * Writes bench/results/blocks.csv: per case the median of 3 answers after one warm-up.
 */
public final class BlocksBenchmark {
    static final String DEMO = """
            {"scenario": {"btc": {"priceUsd": 69070, "annualGrowth": 0.0, "startDifficulty": 125864590119494.0,
                                  "difficultyGrowthPerMonth": 0.0082, "feesBtcPerBlock": 0.587},
                          "energy": {"node": "HB_WEST", "replayYear": 2024}, "discountRate": 0.1},
             "site": {"name": "West Texas demo", "interconnectMw": 100, "maxConversionMwPerMonth": 15},
             "asicFleets": [{"name": "S21 fleet", "model": "Antminer S21", "units": 10000, "pue": 1.05, "poolFeeFraction": 0.02},
                            {"name": "S19 XP fleet", "model": "Antminer S19 XP", "units": 8000, "pue": 1.05, "poolFeeFraction": 0.02}],
             "aiOptions": [{"name": "Colocation lease", "offering": "colocation lease" %s},
                           {"name": "H100 cloud", "offering": "H100 cloud", "utilization": 0.8, "maxItMw": 40 %s}],
             "startMonth": "2026-07", "months": 60, "timeLimitSeconds": %s}""";

    public static void main(String[] args) throws Exception {
        double limit = args.length > 0 ? Double.parseDouble(args[0]) : 120.0;
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        double[] year = RealData.hourlyRtm("HB_WEST", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
        PlanProblemAssembler assembler = new PlanProblemAssembler(Catalog.load(), SolverKind.GLOP, 600);
        String blocks = ", \"blockMw\": 10";
        String plan = PlanBenchmark.REQUEST.formatted("EXACT_BLOCKS");
        String planBlocks = plan.replace("\"leadTimeMonths\": 9}", "\"leadTimeMonths\": 9, \"blockMw\": 10}")
                .replace("\"leadTimeMonths\": 12, \"capexTiming\": \"SPREAD\"}", "\"leadTimeMonths\": 12, \"capexTiming\": \"SPREAD\", \"blockMw\": 10}")
                .replace("\"months\": 60,", "\"months\": 60, \"timeLimitSeconds\": " + limit + ",");
        String[][] cases = {
                {"demo site, LP (no blocks)", DEMO.formatted("", "", limit)},
                {"demo site, 10 MW blocks", DEMO.formatted(blocks, blocks, limit)},
                {"PlanBenchmark, LP (no blocks)", plan},
                {"PlanBenchmark, 10 MW blocks", planBlocks}};
        List<String> rows = new ArrayList<>();
        rows.add("case,status,solver,variables,rows,answer_ms,solve_ms,npv_usd,lp_relaxation_npv_usd,best_bound_usd,mip_gap,ai_started_mw,note");
        for (String[] c : cases) {
            PlanRequest req = json.readValue(c[1], PlanRequest.class);
            PlanProblem p = assembler.assemble(req, req.scenario(), (node, y) -> year);
            PlanEngine.optimize(p, RunControl.NONE); // warm-up: natives, JIT
            double[] times = new double[3];
            PlanResult r = null;
            for (int k = 0; k < times.length; k++) {
                long t0 = System.nanoTime();
                r = PlanEngine.optimize(p, RunControl.NONE);
                times[k] = (System.nanoTime() - t0) / 1e6;
            }
            java.util.Arrays.sort(times);
            double ms = times[1]; // median of 3 after one warm-up
            double started = r.monthly() == null ? 0.0 : r.monthly().stream()
                    .mapToDouble(m -> m.aiStartedMw().values().stream().mapToDouble(Double::doubleValue).sum()).sum();
            var s = r.solver();
            String row = String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%.0f,%.0f,%.0f,%s,%s,%s,%.4f,\"%s\"", c[0], r.status(), s.name(),
                    s.variables(), s.constraints(), ms, s.solveMs(), r.npvUsd() == null ? Double.NaN : r.npvUsd(),
                    s.lpRelaxationNpvUsd() == null ? "" : String.format(Locale.ROOT, "%.0f", s.lpRelaxationNpvUsd()),
                    s.bestBoundUsd() == null ? "" : String.format(Locale.ROOT, "%.0f", s.bestBoundUsd()),
                    s.mipGap() == null ? "" : String.format(Locale.ROOT, "%.3g", s.mipGap()), started,
                    s.note() == null ? "" : s.note().replace('"', '\''));
            System.out.println(row);
            System.out.println("  starts: " + (r.decisions() == null ? "none" : r.decisions().aiStartsMw()));
            rows.add(row);
        }
        Path out = Path.of("bench/results/blocks.csv");
        Files.createDirectories(out.getParent());
        Files.write(out, rows);
    }
}
