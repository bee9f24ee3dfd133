package com.gridpivot.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblemAssembler;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.lp.RunControl;
import com.gridpivot.risk.montecarlo.BtcHistory;
import com.gridpivot.risk.montecarlo.MonteCarloEngine;
import com.gridpivot.risk.montecarlo.MonteCarloResult;
import com.gridpivot.risk.montecarlo.MonteCarloSettings;
import com.gridpivot.risk.stochastic.StochasticEngine;
import com.gridpivot.risk.stochastic.StochasticProblem;
import com.gridpivot.risk.stochastic.StochasticResult;
import com.gridpivot.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Risk benchmark on PlanBenchmark's 5-year case (HB_WEST 2024 replayed, 4 fleets, 3 AI options): 500 Monte Carlo paths × 3
 * fixed plans (+ the optimizer's plan and the stay-on-Bitcoin baseline), and a 3-scenario stochastic plan ($40k bear, $65k
 * base, $150k bull). Writes bench/results/risk.csv.
 * <pre>
 *   ./mvnw -Pbench verify
 *   ./mvnw -B -q test-compile && java -Xmx1g -cp "$(cat target/classpath.txt)" com.gridpivot.bench.RiskBenchmark
 * </pre>
 */
public final class RiskBenchmark {
    public static void main(String[] args) throws Exception {
        String out = args.length > 1 && args[0].equals("--out") ? args[1] : "bench/results/risk.csv";
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        double[] year = RealData.hourlyRtm("HB_WEST", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
        PlanProblemAssembler assembler = new PlanProblemAssembler(Catalog.load(), SolverKind.GLOP, 600);
        List<PlanProblem> sc = new ArrayList<>();
        for (String price : new String[] {"40000", "65000", "150000"}) {
            String text = PlanBenchmark.REQUEST.formatted("EXACT_BLOCKS").replace("\"priceUsd\": 65000", "\"priceUsd\": " + price);
            PlanRequest req = json.readValue(text, PlanRequest.class);
            sc.add(assembler.assemble(req, req.scenario(), (node, y) -> year));
        }
        PlanProblem base = sc.get(1);
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> rows = new ArrayList<>();
        // build_ms / solve_ms: for Monte Carlo, "build" is evaluating every plan once with the plan LP at the scenario and
        // "solve" is the dispatch of the N paths; for the stochastic plan they are the two-stage LP's own build and solve.
        rows.add("case,months,paths_or_scenarios,plans,threads,variables,rows,build_ms,solve_ms,wall_ms,limit_ms,peak_heap_mb,result");
        // ---- Monte Carlo
        List<FixedPlan> plans = List.of(
                new FixedPlan("colo 30 MW", Map.of(FixedPlan.key("colo", 2), 15.0, FixedPlan.key("colo", 3), 15.0), Map.of(), Map.of(), Map.of()),
                new FixedPlan("H100 5 MW", Map.of(FixedPlan.key("H100", 1), 5.0), Map.of(), Map.of(), Map.of()),
                new FixedPlan("H100 3 + colo 15", Map.of(FixedPlan.key("H100", 1), 3.0, FixedPlan.key("colo", 6), 15.0), Map.of(), Map.of(), Map.of()));
        BtcHistory h = BtcHistory.load();
        MonteCarloSettings s = MonteCarloSettings.gbm(500, 42L, cores, h.volatilityMonthly(), MonteCarloSettings.DriftMode.SCENARIO,
                h.meanLogReturnMonthly(), 0.5, 3, 0.05, 20);
        PlanBenchmark.resetPeaks();
        long t0 = System.nanoTime();
        MonteCarloResult mc = MonteCarloEngine.run(base, plans, true, s, RunControl.NONE);
        double mcMs = (System.nanoTime() - t0) / 1e6;
        StringBuilder sum = new StringBuilder();
        for (MonteCarloResult.PlanDistribution d : mc.plans()) {
            sum.append(String.format(Locale.ROOT, "%s: P50 %.0f P(inc<0) %s; ", d.name(), d.npvUsd() == null ? Double.NaN : d.npvUsd().p50(),
                    d.probIncrementalNpvBelowZero()));
        }
        rows.add(String.format(Locale.ROOT, "montecarlo-5y-HB_WEST2024,%d,500,%d,%d,,,%.0f,%.0f,%.0f,60000,%.0f,\"%s sigma %.4f\"", base.monthCount(),
                mc.plans().size(), cores, mcMs - mc.computeMs(), mc.computeMs(), mcMs, PlanBenchmark.peakHeapMb(), sum, h.volatilityMonthly()));
        System.out.println(rows.get(rows.size() - 1));
        // ---- stochastic
        PlanBenchmark.resetPeaks();
        t0 = System.nanoTime();
        StochasticResult st = StochasticEngine.run(new StochasticProblem(List.of("bear40k", "base65k", "bull150k"), new double[] {0.25, 0.5, 0.25},
                sc, 1, null), RunControl.NONE);
        double stMs = (System.nanoTime() - t0) / 1e6;
        rows.add(String.format(Locale.ROOT, "stochastic-3scen-5y-HB_WEST2024,%d,3,1,1,%d,%d,%.1f,%.1f,%.0f,30000,%.0f,\"%s E[NPV] %.0f VSS %s EVPI %s; %d LPs in all (VSS and EVPI)\"",
                base.monthCount(), st.solver().variables(), st.solver().constraints(), st.solver().buildMs(), st.solver().solveMs(), stMs,
                PlanBenchmark.peakHeapMb(), st.status(), st.expectedNpvUsd(), st.valueMeasures().vssUsd(), st.valueMeasures().evpiUsd(),
                st.solver().lpSolves()));
        System.out.println(rows.get(rows.size() - 1));
        Files.createDirectories(Path.of(out).getParent());
        Files.write(Path.of(out), rows);
    }
}
