package com.gridpivot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.optimization.AllocationEngine;
import com.gridpivot.optimization.AncillaryCrossCheckTest;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.result.AllocationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-year what-if (HB_WEST 2024, 4 fleets, 3 AI options, EXACT, GLOP) without and with every flexibility term of issue 16:
 * a 40 MW fixed-price block at 38 USD/MWh, 4CP at 60,000 USD/MW-year from the shipped history, and the four ancillary services
 * of {@link AncillaryCrossCheckTest} (test inputs, not market data); and all of them with a large-load curtailment order (SB 6:
 * 60 forced hours at the year's highest prices, limit 0, the AI load on backup at 250 USD/MWh, as in ForcedCurtailmentCrossCheckTest).
 * Engine time (assemble excluded) p50 / p95 of 40 runs after
 * 10 warm-ups; writes bench/results/flexibility.csv.
 * <pre>  ./mvnw -Pbench verify   (or: ./mvnw -o -Pbench exec:exec@flexibility-benchmark after test-compile)</pre>
 */
public final class FlexibilityBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        AllocationProblemAssembler assembler = new AllocationProblemAssembler(Catalog.load(), SolverKind.GLOP, 600);
        Map<String, Object> flex = new HashMap<>(AncillaryCrossCheckTest.request("EXACT"));
        Map<String, Object> site = new HashMap<>((Map<String, Object>) flex.get("site"));
        site.put("fourCp", Map.of("transmissionRateUsdPerMwYear", 60_000, "peaks", 4));
        site.put("powerContract", Map.of("fixedPriceBlocks", List.of(Map.of("mw", 40, "priceUsdPerMwh", 38))));
        flex.put("site", site);
        Map<String, Object> market = new HashMap<>((Map<String, Object>) flex.get("market"));
        market.put("startUtc", "2024-01-01T00:00:00Z");
        flex.put("market", market);
        Map<String, Object> base = new HashMap<>(flex);
        Map<String, Object> plainSite = new HashMap<>(site);
        plainSite.remove("fourCp");
        plainSite.remove("powerContract");
        plainSite.remove("ancillary");
        base.put("site", plainSite);
        Map<String, Object> sb6 = new HashMap<>(flex);
        Map<String, Object> sb6Site = new HashMap<>(site);
        sb6Site.put("forcedCurtailment", Map.of("hourCount", 60, "backupPowerCostUsdPerMwh", 250));
        sb6.put("site", sb6Site);

        List<String> rows = new ArrayList<>();
        rows.add("case,variables,rows,hour_blocks,build_ms_p50,solve_ms_p50,engine_ms_p50,engine_ms_p95,objective_usd");
        double[] p50 = new double[3];
        int c = 0;
        List<String> names = List.of("year-no-flexibility", "year-all-flexibility", "year-all-flexibility-sb6");
        for (Map<String, Object> body : List.of(base, flex, sb6)) {
            String name = names.get(c);
            AllocationProblem p = assembler.assemble(JSON.convertValue(body, AllocationRequest.class));
            int warm = 10;
            int reps = 40;
            double[] build = new double[reps];
            double[] solve = new double[reps];
            double[] total = new double[reps];
            AllocationResult last = null;
            for (int k = 0; k < warm + reps; k++) {
                long t0 = System.nanoTime();
                last = AllocationEngine.solve(p).result();
                double ms = (System.nanoTime() - t0) / 1e6;
                if (k >= warm) {
                    build[k - warm] = last.solver().buildMs();
                    solve[k - warm] = last.solver().solveMs();
                    total[k - warm] = ms;
                }
            }
            p50[c++] = pct(total, 0.5);
            rows.add(String.join(",", name, "" + last.solver().variables(), "" + last.solver().constraints(), "" + last.solver().hourBlocks(),
                    f(pct(build, 0.5)), f(pct(solve, 0.5)), f(pct(total, 0.5)), f(pct(total, 0.95)),
                    String.format(Locale.ROOT, "%.2f", last.economics().netUsd())));
        }
        Path out = Path.of(args.length > 1 && args[0].equals("--out") ? args[1] : "bench/results/flexibility.csv");
        Files.createDirectories(out.getParent());
        Files.write(out, rows);
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "all flexibility / none, engine p50: %.2f×%n", p50[1] / p50[0]);
        System.out.printf(Locale.ROOT, "all flexibility with SB 6 / none, engine p50: %.2f×%n", p50[2] / p50[0]);
    }

    private static double pct(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
