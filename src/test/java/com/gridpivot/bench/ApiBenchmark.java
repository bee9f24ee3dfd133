package com.gridpivot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * 200-point BTC-price sweep of the one-year what-if (POST /api/v1/sweeps), and as durable jobs (POST …/runs, polled
 * every 20 ms to its end, then GET …/result) the five-year plan of PlanBenchmark and RiskBenchmark's two cases: 500
 * Monte Carlo paths × 3 fixed plans and the 3-scenario stochastic plan. The server's own build and solve times and the
 * LP's size are read from each answer. Imports HB_WEST's
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
        rows.add("case,reps,api_ms_p50,api_ms_p95,server_build_ms,server_solve_ms,variables,rows,detail");

        Map<String, Object> sweep = new java.util.LinkedHashMap<>();
        sweep.put("allocation", RealData.yearRequest("GLOP", "EXACT"));
        sweep.put("baseBtcPriceUsd", 60_000);
        sweep.put("axes", List.of(Map.of("input", "BTC_PRICE_USD", "from", 20_000, "to", 200_000, "points", 200)));
        String sweepBody = JSON.writeValueAsString(sweep);
        double[] sweepMs = new double[5];
        JsonNode sweepResult = null;
        for (int k = -1; k < sweepMs.length; k++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sweeps")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(sweepBody)));
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("sweep: " + r.statusCode() + " " + r.body());
            }
            sweepResult = JSON.readTree(r.body());
            if (k >= 0) {
                sweepMs[k] = ms;
            }
        }
        JsonNode sweepStats = sweepResult.path("stats");
        rows.add(String.format(Locale.ROOT, "sweep-200-btc-year-4f3o,%d,%.1f,%.1f,%s,%s,%s,%s,%d frontier steps", sweepMs.length,
                AllocationBenchmark.pct(sweepMs, 50), AllocationBenchmark.pct(sweepMs, 95), num(sweepStats.path("buildMs")),
                num(sweepStats.path("solveMs")), sweepStats.path("variables").asText(), sweepStats.path("rows").asText(),
                sweepResult.path("frontier").size()));

        String planBody = PlanBenchmark.REQUEST.formatted("EXACT_BLOCKS");
        JobTiming plan = timeJob("/api/v1/plans/runs", planBody, 5);
        JsonNode planSolver = plan.result.path("solver");
        rows.add(String.format(Locale.ROOT, "plan-5y-HB_WEST2024-4f3o-job,%d,%.1f,%.1f,%s,%s,%s,%s,%s NPV %s", plan.ms.length, plan.p(50), plan.p(95),
                num(planSolver.path("buildMs")), num(planSolver.path("solveMs")), planSolver.path("variables").asText(),
                planSolver.path("constraints").asText(), plan.status, plan.result.path("npvUsd").asText()));

        // RiskBenchmark's cases through the API: 500 paths x 3 fixed plans (+ the optimizer's plan and stay on Bitcoin), seed 42
        ObjectNode mc = JSON.createObjectNode();
        mc.set("problem", JSON.readTree(planBody));
        mc.set("plans", JSON.readTree("""
                [{"name": "colo 30 MW", "aiStartsMw": [{"name": "colo", "month": "2026-09", "amount": 15}, {"name": "colo", "month": "2026-10", "amount": 15}]},
                 {"name": "H100 5 MW", "aiStartsMw": [{"name": "H100", "month": "2026-08", "amount": 5}]},
                 {"name": "H100 3 + colo 15", "aiStartsMw": [{"name": "H100", "month": "2026-08", "amount": 3}, {"name": "colo", "month": "2027-01", "amount": 15}]}]"""));
        mc.put("paths", 500);
        mc.put("seed", 42);
        JobTiming mcRun = timeJob("/api/v1/risk/montecarlo/runs", JSON.writeValueAsString(mc), 3);
        rows.add(String.format(Locale.ROOT, "montecarlo-500-paths-3-plans-5y-job,%d,%.1f,%.1f,,%s,,,%s; %d plans; paths dispatch ms in solve column", mcRun.ms.length,
                mcRun.p(50), mcRun.p(95), num(mcRun.result.path("computeMs")), mcRun.status, mcRun.result.path("plans").size()));

        ObjectNode st = JSON.createObjectNode();
        JsonNode problem = JSON.readTree(planBody);
        st.set("problem", problem);
        ArrayNode scenarios = st.putArray("scenarios");
        String[][] cases = {{"bear40k", "40000", "0.25"}, {"base65k", "65000", "0.5"}, {"bull150k", "150000", "0.25"}};
        for (String[] c : cases) {
            ObjectNode scenario = problem.path("scenario").deepCopy();
            ((ObjectNode) scenario.path("btc")).put("priceUsd", Double.parseDouble(c[1]));
            ObjectNode s = scenarios.addObject();
            s.put("name", c[0]);
            s.put("probability", Double.parseDouble(c[2]));
            s.set("scenario", scenario);
        }
        JobTiming stRun = timeJob("/api/v1/risk/stochastic/runs", JSON.writeValueAsString(st), 3);
        JsonNode stSolver = stRun.result.path("solver");
        rows.add(String.format(Locale.ROOT, "stochastic-3-scenarios-5y-job,%d,%.1f,%.1f,%s,%s,%s,%s,%s E[NPV] %s VSS %s EVPI %s; %s LPs", stRun.ms.length,
                stRun.p(50), stRun.p(95), num(stSolver.path("buildMs")), num(stSolver.path("solveMs")), stSolver.path("variables").asText(),
                stSolver.path("constraints").asText(), stRun.status, stRun.result.path("expectedNpvUsd").asText(),
                stRun.result.path("valueMeasures").path("vssUsd").asText(), stRun.result.path("valueMeasures").path("evpiUsd").asText(),
                stSolver.path("lpSolves").asText()));
        Path csv = Path.of("bench/results/api.csv");
        Files.write(csv, rows);
        rows.forEach(System.out::println);
    }

    /** The end-to-end times of a durable job (POST → poll every 20 ms → GET result), after one warm-up run. */
    private record JobTiming(double[] ms, String status, JsonNode result) {
        double p(double pct) {
            return AllocationBenchmark.pct(ms, pct);
        }
    }

    private static JobTiming timeJob(String path, String body, int reps) throws Exception {
        double[] ms = new double[reps];
        String finalStatus = "";
        JsonNode result = null;
        for (int k = -1; k < reps; k++) {
            long t0 = System.nanoTime();
            HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException(path + ": " + accepted.statusCode() + " " + accepted.body());
            }
            String run = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
            JsonNode status;
            do {
                Thread.sleep(20);
                status = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + run)).GET()).body());
            } while (status.path("status").asText().equals("QUEUED") || status.path("status").asText().equals("RUNNING"));
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + run + "/result")).GET());
            double elapsed = (System.nanoTime() - t0) / 1e6;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(run + ": " + status + " " + answer.statusCode() + " " + answer.body());
            }
            finalStatus = status.path("status").asText();
            result = JSON.readTree(answer.body());
            if (k >= 0) {
                ms[k] = elapsed;
            }
        }
        return new JobTiming(ms, finalStatus, result);
    }

    private static String num(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1f", n.asDouble()) : "";
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
