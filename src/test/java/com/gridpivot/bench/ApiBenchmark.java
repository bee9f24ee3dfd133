package com.gridpivot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.testdata.RealData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end API times of the larger cases against a running service (bench/run-allocation.sh starts one): the
 * 200-point BTC-price sweep of the one-year what-if (POST /api/v1/sweeps) and the five-year plan of PlanBenchmark as a
 * durable job (POST /api/v1/plans/runs, polled every 20 ms to its end, then GET …/result). Imports HB_WEST's
 * 2023-12 … 2024-12 fluxcore files first, so the plan can replay 2024. Writes bench/results/api.csv.
 * Arguments: --url http://127.0.0.1:8089 --key KEY
 */
public final class ApiBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String base;
    private static String key;

    public static void main(String[] args) throws Exception {
        for (int k = 0; k < args.length; k++) {
            if (args[k].equals("--url")) {
                base = args[++k];
            } else if (args[k].equals("--key")) {
                key = args[++k];
            }
        }
        for (String month : new String[] {"2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08",
                "2024-09", "2024-10", "2024-11", "2024-12"}) {
            byte[] file = ApiBenchmark.class.getClassLoader().getResourceAsStream("demo/ercot_fluxcore/HB_WEST/" + month + ".json").readAllBytes();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/imports?format=FLUXCORE_JSON&fileName=HB_WEST-" + month + ".json"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(file)));
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("import " + month + ": " + r.statusCode() + " " + r.body());
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add("case,reps,api_ms_p50,api_ms_p95,detail");

        Map<String, Object> sweep = new java.util.LinkedHashMap<>();
        sweep.put("allocation", RealData.yearRequest("GLOP", "EXACT"));
        sweep.put("baseBtcPriceUsd", 60_000);
        sweep.put("axes", List.of(Map.of("input", "BTC_PRICE_USD", "from", 20_000, "to", 200_000, "points", 200)));
        String sweepBody = JSON.writeValueAsString(sweep);
        double[] sweepMs = new double[5];
        int frontier = 0;
        for (int k = -1; k < sweepMs.length; k++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sweeps")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(sweepBody)));
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("sweep: " + r.statusCode() + " " + r.body());
            }
            frontier = JSON.readTree(r.body()).path("frontier").size();
            if (k >= 0) {
                sweepMs[k] = ms;
            }
        }
        rows.add(String.format(Locale.ROOT, "sweep-200-btc-year-4f3o,%d,%.1f,%.1f,%d frontier steps", sweepMs.length,
                AllocationBenchmark.pct(sweepMs, 50), AllocationBenchmark.pct(sweepMs, 95), frontier));

        String planBody = PlanBenchmark.REQUEST.formatted("EXACT_BLOCKS");
        double[] planMs = new double[5];
        String npv = "";
        for (int k = -1; k < planMs.length; k++) {
            long t0 = System.nanoTime();
            HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/plans/runs")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(planBody)));
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("plan: " + accepted.statusCode() + " " + accepted.body());
            }
            String location = accepted.headers().firstValue("Location").orElseThrow();
            String path = URI.create(location).getPath();
            JsonNode status;
            do {
                Thread.sleep(20);
                status = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + path)).GET()).body());
            } while (status.path("status").asText().equals("QUEUED") || status.path("status").asText().equals("RUNNING"));
            HttpResponse<String> result = send(HttpRequest.newBuilder(URI.create(base + path + "/result")).GET());
            double ms = (System.nanoTime() - t0) / 1e6;
            npv = status.path("status").asText() + " NPV " + JSON.readTree(result.body()).path("npvUsd").asText();
            if (k >= 0) {
                planMs[k] = ms;
            }
        }
        rows.add(String.format(Locale.ROOT, "plan-5y-HB_WEST2024-4f3o-job,%d,%.1f,%.1f,%s", planMs.length,
                AllocationBenchmark.pct(planMs, 50), AllocationBenchmark.pct(planMs, 95), npv));
        Path csv = Path.of("bench/results/api.csv");
        Files.write(csv, rows);
        rows.forEach(System.out::println);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
