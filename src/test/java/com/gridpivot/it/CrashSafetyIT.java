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
import java.util.List;
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

    /** Short leases, so a killed replica's run moves within seconds (the defaults are 30 s, renewed every 5 s). */
    private static final List<String> SHORT_LEASES = List.of("-Dgridpivot.jobs.lease-seconds=4", "-Dgridpivot.jobs.heartbeat-seconds=1",
            "-Dgridpivot.jobs.lease-check-seconds=1");

    /** One replica of the packaged service. */
    private record Replica(Process process, int port) {
    }

    private void start() throws Exception {
        String db = System.getenv("GRIDPIVOT_DB_URL");
        Replica r = launch(null, "all", db != null && db.startsWith("jdbc:postgresql") ? db
                : "jdbc:h2:file:" + dataDir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
        server = r.process();
        port = r.port();
    }

    /** Starts the jar as a replica (GRIDPIVOT_REPLICA_ID, GRIDPIVOT_ROLE) on the database and waits until it is ready. */
    private Replica launch(String replicaId, String role, String dbUrl) throws Exception {
        int p;
        try (ServerSocket s = new ServerSocket(0)) {
            p = s.getLocalPort();
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("java", "-Xmx1g", "-Dquarkus.http.port=" + p));
        cmd.addAll(SHORT_LEASES);
        cmd.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve(replicaId == null ? "server.log" : replicaId + ".log").toFile()));
        pb.environment().put("GRIDPIVOT_DB_URL", dbUrl);
        pb.environment().put("GRIDPIVOT_ADMIN_KEY", ADMIN);
        pb.environment().put("GRIDPIVOT_DEMO_DATA", "false");
        pb.environment().put("GRIDPIVOT_ROLE", role);
        if (replicaId != null) {
            pb.environment().put("GRIDPIVOT_REPLICA_ID", replicaId);
        }
        Process process = pb.start();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (send(p, "GET", "/q/health/ready", null, null).statusCode() == 200) {
                    return new Replica(process, p);
                }
            } catch (IOException e) {
                // not up yet
            }
            assertThat(process.isAlive()).as("server exited; see " + dataDir).isTrue();
            Thread.sleep(300);
        }
        throw new AssertionError("server not ready in 120 s; see " + dataDir);
    }

    private void kill9() throws InterruptedException {
        server.destroyForcibly();   // SIGKILL on Linux: no shutdown hooks, no flush
        server.waitFor();
        server = null;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws IOException, InterruptedException {
        return send(port, method, path, contentType, body);
    }

    private HttpResponse<String> send(int port, String method, String path, String contentType, String body) throws IOException, InterruptedException {
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

    /** Flat prices with the hourly model (one row per hour for five years): long enough to be killed while solving. */
    private static final String LONG_PLAN = """
            {"scenario": {"name": "crash", "btc": {"priceUsd": 65000, "annualGrowth": 0.0, "startDifficulty": 1.2586e14,
                          "difficultyGrowthPerMonth": 0.02, "feesBtcPerBlock": 0.025},
                          "energy": {"flatPriceUsdPerMwh": 40}, "discountRate": 0.10},
             "site": {"name": "crash", "interconnectMw": 100, "maxAiItMw": 60},
             "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 20000, "pue": 1.05},
                            {"name": "S19", "model": "Antminer S19 XP", "units": 8000, "pue": 1.05}],
             "aiOptions": [{"name": "colo", "offering": "colocation lease", "pue": 1.3}],
             "startMonth": "2026-07", "months": 60, "hourModel": "HOURLY"}""";

    /** The run's status answer once {@code done} holds for it, or the last answer after {@code seconds}. */
    private JsonNode awaitRun(int port, String path, int seconds, java.util.function.Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plusSeconds(seconds);
        JsonNode run = json(send(port, "GET", path, null, null));
        while (Instant.now().isBefore(deadline) && !done.test(run)) {
            Thread.sleep(100);
            run = json(send(port, "GET", path, null, null));
        }
        return run;
    }

    /**
     * A run in flight when its process is killed is held by that process's lease; once the lease passes, the next start
     * re-queues it and runs it again (attempt 2) — never FAILED for a crash, never RUNNING for ever.
     */
    @Test
    void aPlanRunKilledMidSolveRunsAgainOnTheNextStart() throws Exception {
        start();
        HttpResponse<String> accepted = send("POST", "/api/v1/plans/runs", "application/json", LONG_PLAN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String path = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
        JsonNode running = awaitRun(port, path, 60, r -> r.path("status").asText().equals("RUNNING"));
        assertThat(running.path("status").asText()).isEqualTo("RUNNING");
        String killed = running.path("worker").asText();
        Thread.sleep(1000);
        kill9();
        start();
        JsonNode after = awaitRun(port, path, 90, r -> r.path("attempts").asInt() == 2 || r.path("status").asText().equals("FAILED"));
        assertThat(after.path("status").asText()).as(after.toString()).isIn("QUEUED", "RUNNING", "OPTIMAL", "FEASIBLE", "TIMED_OUT");
        assertThat(after.path("attempts").asInt()).isEqualTo(2);
        assertThat(after.path("worker").asText()).isNotEqualTo(killed);
        send("DELETE", path, null, null);
    }

    /**
     * The reported bug: replica B's restart marked the run replica A was computing FAILED. Two replicas on one database
     * (PostgreSQL when GRIDPIVOT_DB_URL names one, else a shared H2 file): B only queues (role api), A runs; the run is
     * queued through B and taken by A; B is restarted (SIGTERM, start); A's run is untouched; a cancel sent to B reaches A.
     */
    @Test
    void restartingOneReplicaNeverFailsARunAnotherIsComputing() throws Exception {
        String env = System.getenv("GRIDPIVOT_DB_URL");
        String db = env != null && env.startsWith("jdbc:postgresql") ? env
                : "jdbc:h2:file:" + dataDir.resolve("shared") + ";AUTO_SERVER=TRUE";
        Replica a = launch("replica-A", "all", db);
        Replica b = launch("replica-B", "api", db);
        try {
            // A sweep of the five-year hourly plan over 60 BTC price scales: still solving, for many minutes, when B is back.
            HttpResponse<String> accepted = send(b.port(), "POST", "/api/v1/sweeps/runs", "application/json", "{\"plan\": " + LONG_PLAN
                    + ", \"axes\": [{\"input\": \"BTC_PRICE_SCALE\", \"from\": 0.4, \"to\": 2.0, \"points\": 60}]}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String path = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
            JsonNode running = awaitRun(b.port(), path, 60, r -> r.path("status").asText().equals("RUNNING"));
            assertThat(running.path("status").asText()).isEqualTo("RUNNING");
            assertThat(running.path("worker").asText()).isEqualTo("replica-A");

            b.process().destroy(); // SIGTERM
            b.process().waitFor();
            b = launch("replica-B", "api", db); // its start-up recovery has run once it is ready

            JsonNode after = json(send(b.port(), "GET", path, null, null));
            assertThat(after.path("status").asText()).as(after.toString()).isEqualTo("RUNNING");
            assertThat(after.path("worker").asText()).isEqualTo("replica-A");
            assertThat(after.path("attempts").asInt()).isEqualTo(1);

            assertThat(send(b.port(), "DELETE", path, null, null).statusCode()).isEqualTo(200);
            JsonNode cancelled = awaitRun(a.port(), path, 180, r -> !r.path("status").asText().equals("RUNNING"));
            assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        } finally {
            b.process().destroyForcibly();
            a.process().destroyForcibly();
        }
    }
}
