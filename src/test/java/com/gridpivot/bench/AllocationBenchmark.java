package com.gridpivot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.catalog.Catalog;
import com.gridpivot.optimization.AllocationEngine;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.AllocationRequest;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.testdata.RealData;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-year what-if benchmark: HB_WEST 2024 (8,784 h), daily hashprice, 4 fleets, 3 AI options.
 * <pre>
 *   ./mvnw -Pbench verify                       # in-process + HiGHS side by side
 *   bench/run-allocation.sh                     # also end-to-end through the packaged service's API
 * </pre>
 * Arguments: {@code --url http://127.0.0.1:8089} to time the API, {@code --out bench/results/allocation.csv}.
 */
public final class AllocationBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String apiKey;

    public static void main(String[] args) throws Exception {
        String url = null;
        String out = "bench/results/allocation.csv";
        for (int k = 0; k < args.length; k++) {
            if (args[k].equals("--url")) {
                url = args[++k];
            } else if (args[k].equals("--out")) {
                out = args[++k];
            } else if (args[k].equals("--key")) {
                apiKey = args[++k];
            }
        }
        AllocationProblemAssembler assembler = new AllocationProblemAssembler(Catalog.load(), SolverKind.GLOP, 600);
        List<String> rows = new ArrayList<>();
        rows.add("case,model,solver,variables,rows,hour_blocks,build_ms_p50,solve_ms_p50,engine_ms_p50,engine_ms_p95,api_ms_p50,api_ms_p95,highs_solve_ms,objective_usd,peak_heap_mb");

        Map<String, Object> body = RealData.yearRequest("GLOP", "EXACT");
        String bodyJson = JSON.writeValueAsString(body);
        Path req = Path.of("target/bench-year-request.json");
        Files.createDirectories(req.getParent());
        Files.writeString(req, bodyJson);
        double highsMs = highsSolveMs(req);

        for (String aggregation : new String[] {"EXACT", "NONE"}) {
            for (String solver : new String[] {"GLOP", "CLP"}) {
                body.put("hourAggregation", aggregation);
                body.put("solver", solver);
                AllocationProblem p = assembler.assemble(JSON.convertValue(body, AllocationRequest.class));
                int warm = aggregation.equals("EXACT") ? 10 : 2;
                int reps = aggregation.equals("EXACT") ? 40 : 5;
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
                double[] api = url == null ? null : apiTimes(url, JSON.writeValueAsString(body), warm, reps);
                rows.add(String.join(",", "whatif-year-4f3o", aggregation, solver, "" + last.solver().variables(), "" + last.solver().constraints(),
                        "" + last.solver().hourBlocks(), f(pct(build, 50)), f(pct(solve, 50)), f(pct(total, 50)), f(pct(total, 95)),
                        api == null ? "" : f(pct(api, 50)), api == null ? "" : f(pct(api, 95)), f(highsMs),
                        String.format(Locale.ROOT, "%.2f", last.economics().netUsd()), f(peakHeapMb())));
            }
        }
        Path csv = Path.of(out);
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Files.write(csv, rows);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        rows.forEach(System.out::println);
        System.out.println("written: " + csv.toAbsolutePath());
    }

    private static double[] apiTimes(String url, String json, int warm, int reps) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/allocations"))
                .header("Content-Type", "application/json").header("X-API-Key", apiKey == null ? "" : apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        double[] out = new double[reps];
        for (int k = 0; k < warm + reps; k++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("API answered " + r.statusCode() + ": " + r.body());
            }
            if (k >= warm) {
                out[k - warm] = ms;
            }
        }
        return out;
    }

    /** scipy HiGHS on the naive hourly LP of the same request (best of 3), or NaN without python3/scipy. */
    static double highsSolveMs(Path request) {
        double best = Double.NaN;
        for (int k = 0; k < 3; k++) {
            try {
                Process p = new ProcessBuilder("python3", "models/crosscheck/allocation_highs.py", request.toString()).redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes()).trim();
                if (p.waitFor() != 0) {
                    System.out.println("HiGHS cross-check unavailable: " + text);
                    return Double.NaN;
                }
                JsonNode n = JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
                double ms = n.get("solveSeconds").asDouble() * 1000.0;
                best = Double.isNaN(best) ? ms : Math.min(best, ms);
            } catch (Exception e) {
                System.out.println("HiGHS cross-check unavailable: " + e.getMessage());
                return Double.NaN;
            }
        }
        return best;
    }

    static double pct(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }

    static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576.0;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v);
    }
}
