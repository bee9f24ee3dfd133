package com.gridpivot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the packaged service: the jar runs as a subprocess, is killed with SIGKILL (kill -9) in the middle
 * of an import, of a plan run and right after acknowledging a what-if, and is started again on the same database.
 * Nothing acknowledged may be lost, no half-written series may exist, no run may stay RUNNING.
 * Runs after `package` (failsafe); on H2 a file database in target/, on PostgreSQL the database of GRIDPIVOT_DB_URL.
 */
class CrashSafetyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "crash-it-admin-key-0123456789";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dataDir;
    private Process server;
    private int port;

    @BeforeEach
    void setUp() throws IOException {
        dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-it-");
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    private void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx1g", "-Dquarkus.http.port=" + port, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        String db = System.getenv("GRIDPIVOT_DB_URL");
        pb.environment().put("GRIDPIVOT_DB_URL", db != null && db.startsWith("jdbc:postgresql") ? db
                : "jdbc:h2:file:" + dataDir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
        pb.environment().put("GRIDPIVOT_ADMIN_KEY", ADMIN);
        pb.environment().put("GRIDPIVOT_DEMO_DATA", "false");
        server = pb.start();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (send("GET", "/q/health/ready", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            assertThat(server.isAlive()).as("server exited; see " + dataDir.resolve("server.log")).isTrue();
            Thread.sleep(300);
        }
        throw new AssertionError("server not ready in 120 s; see " + dataDir.resolve("server.log"));
    }

    private void kill9() throws InterruptedException {
        server.destroyForcibly();   // SIGKILL on Linux: no shutdown hooks, no flush
        server.waitFor();
        server = null;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("X-API-Key", ADMIN);
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** Two years of 15-minute prices (70,176 rows) as a generic CSV: stored as 17,544 hourly means. */
    private static String bigCsv() {
        StringBuilder csv = new StringBuilder("interval_start,value\n");
        Instant t = Instant.parse("2023-01-01T06:00:00Z");
        for (int k = 0; k < 70_176; k++) {
            csv.append(t.plusSeconds(900L * k)).append(',').append(20 + (k % 96) * 0.5).append('\n');
        }
        return csv.toString();
    }

    @Test
    void killDuringImportsLeavesEachSeriesWholeOrAbsent() throws Exception {
        String csv = bigCsv();
        start();
        for (int attempt = 0; attempt < 3; attempt++) {
            String key = "CRASH_" + attempt;
            String path = "/api/v1/imports?format=GENERIC_CSV&kind=ENERGY_PRICE&key=" + key + "&fileName=" + key + ".csv";
            CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(() -> {
                try {
                    return send("POST", path, "text/csv", csv);
                } catch (Exception e) {
                    return null;   // the server died under it
                }
            });
            Thread.sleep(150L + 350L * attempt);
            kill9();
            HttpResponse<String> answer = upload.get();
            start();
            JsonNode series = json(send("GET", "/api/v1/series?page=0&size=500", null, null));
            JsonNode stored = null;
            for (JsonNode s : series.path("items")) {
                if (key.equals(s.path("key").asText())) {
                    stored = s;
                }
            }
            if (answer != null && answer.statusCode() / 100 == 2) {
                assertThat(stored).as("acknowledged import " + key + " must survive kill -9").isNotNull();
            }
            if (stored != null) {
                assertThat(stored.path("pointCount").asLong()).as("series " + key + " is whole").isEqualTo(17_544);
            }
        }
    }

    @Test
    void anAcknowledgedWhatIfIsNeverLost() throws Exception {
        start();
        HttpResponse<String> r = send("POST", "/api/v1/allocations", "application/json",
                "{\"site\": {\"interconnectMw\": 10}, \"aiOptions\": [{\"name\": \"a\", \"revenueUsdPerMwh\": 100}],"
                        + " \"market\": {\"energyPriceUsdPerMwh\": 20, \"hours\": 24}}");
        assertThat(r.statusCode()).isEqualTo(200);
        long runId = json(r).path("runId").asLong();
        kill9();
        start();
        HttpResponse<String> run = send("GET", "/api/v1/allocation-runs/" + runId, null, null);
        assertThat(run.statusCode()).isEqualTo(200);
        // 10 MW × 24 h × (100 − 20) $/MWh = 19,200
        assertThat(json(run).path("objectiveUsd").asDouble()).isEqualTo(19_200.0, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void aPlanRunKilledMidSolveIsMarkedAndCanBeRetried() throws Exception {
        start();
        // Flat prices with the hourly model (one row per hour for five years): long enough to be killed while solving.
        String plan = """
                {"scenario": {"name": "crash", "btc": {"priceUsd": 65000, "annualGrowth": 0.0, "startDifficulty": 1.2586e14,
                              "difficultyGrowthPerMonth": 0.02, "feesBtcPerBlock": 0.025},
                              "energy": {"flatPriceUsdPerMwh": 40}, "discountRate": 0.10},
                 "site": {"name": "crash", "interconnectMw": 100, "maxAiItMw": 60},
                 "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 20000, "pue": 1.05},
                                {"name": "S19", "model": "Antminer S19 XP", "units": 8000, "pue": 1.05}],
                 "aiOptions": [{"name": "colo", "offering": "colocation lease", "pue": 1.3}],
                 "startMonth": "2026-07", "months": 60, "hourModel": "HOURLY"}""";
        HttpResponse<String> accepted = send("POST", "/api/v1/plans/runs", "application/json", plan);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();
        Instant deadline = Instant.now().plusSeconds(60);
        String status = "";
        while (Instant.now().isBefore(deadline) && !status.equals("RUNNING")) {
            status = json(send("GET", path, null, null)).path("status").asText();
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo("RUNNING");
        Thread.sleep(1000);
        kill9();
        start();
        JsonNode after = json(send("GET", path, null, null));
        assertThat(after.path("status").asText()).isEqualTo("FAILED");
        assertThat(after.path("reason").asText()).contains("restart");
        HttpResponse<String> retry = send("POST", path + "/retry", "application/json", "{}");
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry).path("status").asText()).isIn("QUEUED", "RUNNING");
        send("DELETE", path, null, null);
    }
}
