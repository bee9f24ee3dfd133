package com.gridpivot.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.lp.RunControl;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblemAssembler;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.risk.montecarlo.BtcHistory;
import com.gridpivot.risk.montecarlo.MonteCarloSettings;
import com.gridpivot.risk.stochastic.SaaEngine;
import com.gridpivot.risk.stochastic.SaaSettings;
import com.gridpivot.risk.stochastic.StochasticResult;
import com.gridpivot.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sample-average stochastic plans at issue 20's size: 10 years (120 months) × 8 fleets × 5 AI options (HB_WEST 2024 replayed),
 * N sampled scenarios (GBM, σ̂, seed 42), solved by decomposition. Per N: the SAA solve alone (time, bounds), then the whole
 * run (out of sample on 1,000 paths, 5 gap batches of N/5, WS on 10 samples). Writes bench/results/saa.csv.
 * <pre>
 *   ./mvnw -B -q test-compile && ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx4g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" com.gridpivot.bench.SaaBenchmark 10 100 500 1000
 * </pre>
 */
public final class SaaBenchmark {
    static final String REQUEST = """
            {"scenario": {"btc": {"priceUsd": 65000, "annualGrowth": 0.10, "startDifficulty": 1.2586e14, "difficultyGrowthPerMonth": 0.02,
                                  "feesBtcPerBlock": 0.025},
                          "energy": {"node": "HB_WEST", "replayYear": 2024, "annualEscalation": 0.02},
                          "ai": {"gpuRateDeclinePerYear": 0.15, "colocationRateDeclinePerYear": 0.02},
                          "asic": {"salvageUsdPerTh": 2.0, "newPriceUsdPerTh": 14.0},
                          "discountRate": 0.10},
             "site": {"name": "West Texas", "interconnectMw": 200, "maxAiItMw": 120, "maxConversionMwPerMonth": 15},
             "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 12000, "pue": 1.05, "poolFeeFraction": 0.02, "fixedOpexUsdPerMwYear": 20000},
                            {"name": "S19XP", "model": "Antminer S19 XP", "units": 8000, "pue": 1.1, "poolFeeFraction": 0.02, "variableOpexUsdPerMwh": 2},
                            {"name": "S21XP", "model": "Antminer S21 XP", "units": 5000, "pue": 1.03, "poolFeeFraction": 0.02},
                            {"name": "M60S", "model": "Whatsminer M60S", "units": 6000, "pue": 1.08, "poolFeeFraction": 0.025},
                            {"name": "S19jPro", "units": 9000, "hashrateThPerUnit": 104, "powerWPerUnit": 3068, "pue": 1.12, "poolFeeFraction": 0.02},
                            {"name": "S19kPro", "units": 6000, "hashrateThPerUnit": 120, "powerWPerUnit": 2760, "pue": 1.1, "poolFeeFraction": 0.02},
                            {"name": "M50S", "units": 5000, "hashrateThPerUnit": 126, "powerWPerUnit": 3276, "pue": 1.09, "poolFeeFraction": 0.025},
                            {"name": "S21Hyd", "units": 3000, "hashrateThPerUnit": 335, "powerWPerUnit": 5360, "pue": 1.02, "poolFeeFraction": 0.02}],
             "aiOptions": [{"name": "H100", "offering": "H100 cloud", "utilization": 0.8, "maxItMw": 30, "capexUsdPerMw": 3.2e7,
                            "fixedOpexUsdPerMwYear": 250000, "leadTimeMonths": 9},
                           {"name": "B200", "offering": "B200 cloud", "utilization": 0.75, "maxItMw": 20, "capexUsdPerMw": 4.5e7,
                            "leadTimeMonths": 12, "capexTiming": "SPREAD"},
                           {"name": "colo", "offering": "colocation lease", "capexUsdPerMw": 9.5e6, "leadTimeMonths": 12, "capexTiming": "SPREAD"},
                           {"name": "hpc", "revenueUsdPerMwh": 260, "tenantPaysPower": false, "pue": 1.25, "maxItMw": 25, "capexUsdPerMw": 1.6e7,
                            "leadTimeMonths": 6},
                           {"name": "colo2", "colocationUsdPerKwMonth": 150, "tenantPaysPower": true, "pue": 1.3, "capexUsdPerMw": 8e6,
                            "leadTimeMonths": 10, "capexTiming": "SPREAD"}],
             "finance": {"startingCashUsd": 5.0e7, "creditLineUsd": 2.0e8, "treasuryBtc": 1500},
             "startMonth": "2026-07", "months": 120, "timeLimitSeconds": 600}""";

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        double[] year = RealData.hourlyRtm("HB_WEST", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
        PlanProblemAssembler assembler = new PlanProblemAssembler(Catalog.load(), SolverKind.GLOP, 600);
        PlanRequest req = json.readValue(REQUEST, PlanRequest.class);
        PlanProblem base = assembler.assemble(req, req.scenario(), (node, y) -> year);
        BtcHistory h = BtcHistory.load();
        boolean full = !List.of(args).contains("--solve-only");
        List<String> rows = new ArrayList<>();
        rows.add("samples,months,fleets,options,threads,phase,wall_ms,iterations,opt_cuts,feas_cuts,master_vars,master_rows,lower_usd,upper_usd,"
                + "bound_gap_rel,oos_mean_usd,oos_se_usd,mmw_mean_usd,mmw_upper95_usd,vss_usd,evpi_usd,peak_heap_mb");
        for (String a : args) {
            if (a.startsWith("--")) {
                continue;
            }
            int n = Integer.parseInt(a);
            MonteCarloSettings mc = new MonteCarloSettings(n, 42L, 1, h.volatilityMonthly(), MonteCarloSettings.DriftMode.SCENARIO,
                    h.meanLogReturnMonthly(), 0.5, 3, 0.05, 20, MonteCarloSettings.PriceModel.GBM, 0, null, 0.0);
            SaaSettings s = new SaaSettings(mc, SaaSettings.Method.DECOMPOSITION, 5, Math.max(1, n / 5), 1000, Math.min(n, 10), 1e-6);
            PlanBenchmark.resetPeaks();
            long t0 = System.nanoTime();
            SaaEngine.Solution sol = SaaEngine.solve(base, s, s.samplePaths(), null, RunControl.NONE);
            double ms = (System.nanoTime() - t0) / 1e6;
            rows.add(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,solve,%.0f,%d,%d,%d,%d,%d,%.0f,%.0f,%.2e,,,,,,,%.0f", n, base.monthCount(), base.fleets().size(),
                    base.options().size(), Runtime.getRuntime().availableProcessors(), ms, sol.iterations(), sol.optimalityCuts(), sol.feasibilityCuts(),
                    sol.solver().variables(), sol.solver().constraints(), sol.valueUsd(), sol.upperBoundUsd(),
                    (sol.upperBoundUsd() - sol.valueUsd()) / Math.abs(sol.valueUsd()), PlanBenchmark.peakHeapMb()));
            System.out.println(rows.get(rows.size() - 1) + " " + sol.status());
            if (full) {
                PlanBenchmark.resetPeaks();
                t0 = System.nanoTime();
                StochasticResult r = SaaEngine.run(base, s, null, RunControl.NONE);
                ms = (System.nanoTime() - t0) / 1e6;
                var sa = r.sampling();
                rows.add(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,run,%.0f,%d,%d,%d,,,%.0f,%.0f,%.2e,%.0f,%.0f,%.0f,%.0f,%s,%s,%.0f", n, base.monthCount(),
                        base.fleets().size(), base.options().size(), Runtime.getRuntime().availableProcessors(), ms, sa.iterations(), sa.optimalityCuts(),
                        sa.feasibilityCuts(), sa.lowerBoundUsd(), sa.upperBoundUsd(), (sa.upperBoundUsd() - sa.lowerBoundUsd()) / Math.abs(sa.lowerBoundUsd()),
                        sa.outOfSample().meanNpvUsd(), sa.outOfSample().standardErrorUsd(), sa.gap() == null ? Double.NaN : sa.gap().meanUsd(),
                        sa.gap() == null ? Double.NaN : sa.gap().upper95Usd(), r.valueMeasures().vssUsd(), r.valueMeasures().evpiUsd(), PlanBenchmark.peakHeapMb()));
                System.out.println(rows.get(rows.size() - 1) + " " + r.status());
            }
        }
        Path out = Path.of("bench/results/saa.csv");
        Files.createDirectories(out.getParent());
        Files.write(out, rows);
    }
}
