package com.gridpivot.bench;

import com.gridpivot.optimization.AllocationEngine;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.testdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How honest a time-limited answer is: the one-year What-if of {@link ScalingBenchmark} (HB_WEST 2024 hours) at
 * {@code hourAggregation: NONE} (one dispatch column per fleet and hour), stopped by a time limit, against the optimum of
 * the same problem with exact hour merging (EXACT: the same optimum, proven in models/README.md, solved in seconds). For each
 * backend and limit: status, the answer's netUsd, the reported bound ({@code solver.bestBoundUsd}), the true optimum, the
 * reported gap and the true one; the bound must never be below the optimum.
 * <pre>
 *   ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx6g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" com.gridpivot.bench.BoundBenchmark 50 20,60
 * </pre>
 * Arguments: fleets (default 50), time limits in seconds (default 20,60). Writes bench/results/bound.csv.
 */
public final class BoundBenchmark {
    public static void main(String[] args) throws Exception {
        int fleets = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        String[] limits = (args.length > 1 ? args[1] : "20,60").split(",");
        double[] prices = RealData.hourlyRtm("HB_WEST", RealData.utc(2024, 1, 1).plusSeconds(6 * 3600), RealData.utc(2025, 1, 1).plusSeconds(6 * 3600));
        double[] daily = RealData.dailyHashpriceNoFees(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
        int hours = prices.length;
        AllocationProblem exact = ScalingBenchmark.problem(prices, daily, hours, fleets, 3, HourAggregation.EXACT);
        long t0 = System.nanoTime();
        AllocationResult best = AllocationEngine.solve(exact).result();
        double exactMs = (System.nanoTime() - t0) / 1e6;
        double optimum = best.economics().netUsd();
        System.out.printf(Locale.ROOT, "EXACT %s: optimum %.2f USD in %.0f ms%n", best.status(), optimum, exactMs);
        List<String> rows = new ArrayList<>();
        rows.add("hours,fleets,options,backend,time_limit_s,status,wall_ms,variables,rows,net_usd,bound_usd,optimum_usd,reported_gap,true_gap,bound_valid");
        for (SolverKind kind : List.of(SolverKind.GLOP, SolverKind.PDLP, SolverKind.CLP)) {
            for (String limit : limits) {
                double seconds = Double.parseDouble(limit);
                AllocationProblem naive = withLimit(ScalingBenchmark.problem(prices, daily, hours, fleets, 3, HourAggregation.NONE), kind, seconds);
                long t1 = System.nanoTime();
                AllocationResult r = AllocationEngine.solve(naive).result();
                double ms = (System.nanoTime() - t1) / 1e6;
                Double net = r.economics() == null ? null : r.economics().netUsd();
                Double bound = r.solver().bestBoundUsd();
                double trueGap = net == null ? Double.NaN : Math.abs(optimum - net) / Math.max(1.0, Math.abs(net));
                String valid = bound == null ? "" : Boolean.toString(bound >= optimum - 1e-6 * Math.abs(optimum));
                String row = String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%.0f,%d,%d,%s,%s,%.2f,%s,%s,%s", hours, fleets, 3, kind, limit,
                        r.status(), ms, r.solver().variables(), r.solver().constraints(), net == null ? "" : String.format(Locale.ROOT, "%.2f", net),
                        bound == null ? "" : String.format(Locale.ROOT, "%.2f", bound), optimum,
                        r.solver().relativeGap() == null ? "" : String.format(Locale.ROOT, "%.3e", r.solver().relativeGap()),
                        Double.isNaN(trueGap) ? "" : String.format(Locale.ROOT, "%.3e", trueGap), valid);
                rows.add(row);
                System.out.println(row);
                System.out.println("  note: " + r.solver().note() + " | build " + r.solver().buildMs() + " ms, solve " + r.solver().solveMs() + " ms");
            }
        }
        Path csv = Path.of("bench/results/bound.csv");
        Files.createDirectories(csv.getParent());
        Files.write(csv, rows);
    }

    private static AllocationProblem withLimit(AllocationProblem p, SolverKind kind, double seconds) {
        return new AllocationProblem(p.site(), p.fleets(), p.aiOptions(), p.priceUsdPerMwh(), p.hashpriceUsdPerPhDay(), p.discountRate(),
                p.capexRecoveryYears(), kind, p.hourAggregation(), seconds);
    }
}
