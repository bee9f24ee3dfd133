package com.gridpivot.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.PlanEngine;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblemAssembler;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.lp.RunControl;
import com.gridpivot.testdata.RealData;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The plan benchmark: a 5-year monthly plan (2026-07 … 2031-06, 43,824 h) with hourly dispatch on HB_WEST 2024 real-time
 * prices replayed (hourly means of the 15-minute prices), a daily hashprice with difficulty growth and the 2028 halving,
 * 4 fleets and 3 AI options. One answer = two LPs (the plan and the stay-on-Bitcoin baseline).
 * <pre>
 *   ./mvnw -Pbench verify                # runs AllocationBenchmark and this (-Xmx1g), writes bench/results/plans.csv
 *   ./mvnw -B -q test-compile && java -Xmx1g -cp "$(cat target/classpath.txt)" com.gridpivot.bench.PlanBenchmark
 * </pre>
 */
public final class PlanBenchmark {
    static final String REQUEST = """
            {"scenario": {"btc": {"priceUsd": 65000, "annualGrowth": 0.10, "startDifficulty": 1.2586e14, "difficultyGrowthPerMonth": 0.02,
                                  "feesBtcPerBlock": 0.025},
                          "energy": {"node": "HB_WEST", "replayYear": 2024, "annualEscalation": 0.02},
                          "ai": {"gpuRateDeclinePerYear": 0.15, "colocationRateDeclinePerYear": 0.02},
                          "asic": {"salvageUsdPerTh": 2.0, "newPriceUsdPerTh": 14.0},
                          "discountRate": 0.10},
             "site": {"name": "West Texas", "interconnectMw": 100, "maxAiItMw": 70, "maxConversionMwPerMonth": 15},
             "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 12000, "pue": 1.05, "poolFeeFraction": 0.02, "fixedOpexUsdPerMwYear": 20000},
                            {"name": "S19XP", "model": "Antminer S19 XP", "units": 8000, "pue": 1.1, "poolFeeFraction": 0.02, "variableOpexUsdPerMwh": 2},
                            {"name": "S21XP", "model": "Antminer S21 XP", "units": 5000, "pue": 1.03, "poolFeeFraction": 0.02},
                            {"name": "M60S", "model": "Whatsminer M60S", "units": 6000, "pue": 1.08, "poolFeeFraction": 0.025}],
             "aiOptions": [{"name": "H100", "offering": "H100 cloud", "utilization": 0.8, "maxItMw": 30, "capexUsdPerMw": 3.2e7,
                            "fixedOpexUsdPerMwYear": 250000, "leadTimeMonths": 9},
                           {"name": "B200", "offering": "B200 cloud", "utilization": 0.75, "maxItMw": 20, "capexUsdPerMw": 4.5e7,
                            "leadTimeMonths": 12, "capexTiming": "SPREAD"},
                           {"name": "colo", "offering": "colocation lease", "capexUsdPerMw": 9.5e6, "leadTimeMonths": 12, "capexTiming": "SPREAD"}],
             "finance": {"startingCashUsd": 5.0e7, "creditLineUsd": 2.0e8, "treasuryBtc": 1500},
             "startMonth": "2026-07", "months": 60, "hourModel": "%s"}""";

    public static void main(String[] args) throws Exception {
        String out = args.length > 1 && args[0].equals("--out") ? args[1] : "bench/results/plans.csv";
        boolean hourly = Arrays.asList(args).contains("--hourly");
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        double[] year = RealData.hourlyRtm("HB_WEST", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
        PlanProblemAssembler assembler = new PlanProblemAssembler(Catalog.load(), SolverKind.GLOP, 600);
        List<String> rows = new ArrayList<>();
        rows.add("case,hour_model,months,hours,fleets,ai_options,variables,rows,hour_blocks,assemble_ms,build_ms_p50,solve_ms_p50,answer_ms_p50,answer_ms_max,npv_usd,stay_npv_usd,incremental_irr,lowest_cash_month,peak_heap_mb,max_heap_mb");
        List<String> models = new ArrayList<>(List.of("EXACT_BLOCKS"));
        if (hourly) {
            models.add("HOURLY");
        }
        for (String model : models) {
            PlanRequest req = json.readValue(REQUEST.formatted(model), PlanRequest.class);
            long a0 = System.nanoTime();
            PlanProblem p = assembler.assemble(req, req.scenario(), (node, y) -> year);
            double assembleMs = (System.nanoTime() - a0) / 1e6;
            resetPeaks();
            int warm = model.equals("HOURLY") ? 0 : 3;
            int reps = model.equals("HOURLY") ? 1 : 10;
            double[] total = new double[reps];
            double[] build = new double[reps];
            double[] solve = new double[reps];
            PlanResult r = null;
            for (int k = 0; k < warm + reps; k++) {
                long t0 = System.nanoTime();
                r = PlanEngine.optimize(p, RunControl.NONE);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (k >= warm) {
                    total[k - warm] = ms;
                    build[k - warm] = r.solver().buildMs();
                    solve[k - warm] = r.solver().solveMs();
                }
            }
            rows.add(String.format(Locale.ROOT, "5y-HB_WEST2024-4fleets-3ai,%s,%d,%d,4,3,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.0f,%.0f,%s,%s,%.0f,%.0f",
                    model, p.monthCount(), p.totalHours(), r.solver().variables(), r.solver().constraints(), r.solver().hourBlocks(), assembleMs,
                    p50(build), p50(solve), p50(total), Arrays.stream(total).max().orElse(0), r.npvUsd(), r.stayOnBitcoinNpvUsd(),
                    r.incrementalIrrAnnual() == null ? "" : String.format(Locale.ROOT, "%.4f", r.incrementalIrrAnnual()), r.lowestCashMonth(),
                    peakHeapMb(), Runtime.getRuntime().maxMemory() / 1048576.0));
            System.out.println(rows.get(rows.size() - 1) + "  status=" + r.status());
        }
        Files.createDirectories(Path.of(out).getParent());
        Files.writeString(Path.of(out), String.join("\n", rows) + "\n");
        System.out.println(String.join("\n", rows));
    }

    static double p50(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            b.resetPeakUsage();
        }
    }

    static double peakHeapMb() {
        double s = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP) {
                s += b.getPeakUsage().getUsed();
            }
        }
        return s / 1048576.0;
    }
}
