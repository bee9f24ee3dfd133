package com.gridpivot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode of the packaged PostgreSQL build (issue 17, "Tests and checks"): three replicas of the jar built with
 * {@code -Dquarkus.profile=pg}, GRIDPIVOT_QUEUE=rabbitmq and their own GRIDPIVOT_REPLICA_ID, on one fresh database and the
 * RabbitMQ at 127.0.0.1:5672.
 * <ol>
 * <li>The reference: one replica without the broker (runs in-process, as the README's default) on a database of its own
 * answers the same requests — 20 small plan runs, a 200-point what-if sweep and a 2,000-path Monte Carlo.</li>
 * <li>The cluster gets them (spread over the replicas and over four API keys: at most 10 queued runs per key); once the
 * Monte Carlo run has part of its chunks stored, the replica that holds it is killed with SIGKILL. Every run ends
 * OPTIMAL with the reference's numbers (1e-9 relative), work was done by at least two replicas, no run FAILED, the
 * killed replica's runs ran again elsewhere, and the database holds each chunk once and every chunk DONE.</li>
 * <li>A rolling restart: each replica in turn gets SIGTERM and is started again while runs are in flight. Runs that
 * the other (live) replicas hold are untouched by it (same worker, same attempts, never FAILED or re-queued), and every
 * run ends OPTIMAL with the reference's numbers.</li>
 * </ol>
 * Run after {@code package} with the pg profile: {@code ./mvnw verify -Dquarkus.profile=pg -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterIT} (.ci/run's cluster stage). PostgreSQL's superuser
 * ({@code -Dgridpivot.it.pg-user}, default postgres, trust on loopback) creates the two databases. Every wait polls
 * with a deadline; on a failure each replica's log tail is printed (the logs stay in target/cluster-it-*).
 */
class ClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "cluster-it-admin-key-0123456789";
    private static final String PG = System.getProperty("gridpivot.it.pg", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PG_USER = System.getProperty("gridpivot.it.pg-user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("gridpivot.it.pg-password", "");
    private static final String RABBIT_HOST = System.getProperty("gridpivot.it.rabbitmq-host", "127.0.0.1");
    private static final String CLUSTER_DB = "gridpivot_cluster_it";
    private static final String REFERENCE_DB = "gridpivot_cluster_ref";
    private static final Set<String> OPEN = Set.of("QUEUED", "RUNNING");
    private static final int PLAN_RUNS = 20;
    private static final int SWEEP_POINTS = 200;
    /** Plan LPs per chunk of a plan sweep (gridpivot.queue.plan-sweep-points-per-chunk, its default). */
    private static final int SWEEP_LPS_PER_CHUNK = 5;
    private static final int MC_PATHS = 2000;
    private static final int MC_PATHS_PER_CHUNK = 100;
    /** Fields that say how an answer was computed (wall time, threads), not what it is. */
    private static final Set<String> HOW_COMPUTED = Set.of("computeMs", "threads", "wallMs", "buildMs", "solveMs", "stats", "lpModelsBuilt");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Replica> replicas = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private Path dir;
    private Instant began;

    /** One replica of the packaged jar: a process per start, its log appended to {@code <id>.log}. */
    private final class Replica {
        final String id;
        final String db;
        final boolean clustered;
        Process process;
        int port;

        Replica(String id, String db, boolean clustered) {
            this.id = id;
            this.db = db;
            this.clustered = clustered;
        }

        Path log() {
            return dir.resolve(id + ".log");
        }

        /** Starts the process (not waiting for it to be ready). */
        void start() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> cmd = List.of("java", "-Xmx768m", "-Dquarkus.http.port=" + port,
                    // A killed replica's work moves within seconds (defaults: lease 30 s renewed every 5 s); the lease is
                    // still fifteen heartbeats long, so a replica starved of CPU on a busy machine keeps what it holds.
                    "-Dgridpivot.jobs.lease-seconds=15", "-Dgridpivot.jobs.heartbeat-seconds=1", "-Dgridpivot.jobs.lease-check-seconds=1",
                    // SIGTERM: what is not finished within 1 s is handed back (the default grace is 20 s), so the
                    // rolling restart hands back runs and chunks rather than waiting for them.
                    "-Dgridpivot.jobs.shutdown-grace-seconds=1",
                    "-Dgridpivot.queue.plan-sweep-points-per-chunk=" + SWEEP_LPS_PER_CHUNK,
                    "-Dgridpivot.queue.monte-carlo-paths-per-chunk=" + MC_PATHS_PER_CHUNK,
                    "-jar", "target/quarkus-app/quarkus-run.jar");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            Map<String, String> env = pb.environment();
            env.put("GRIDPIVOT_DB_URL", PG + db);
            env.put("GRIDPIVOT_DB_USER", PG_USER);
            env.put("GRIDPIVOT_DB_PASSWORD", PG_PASSWORD);
            env.put("GRIDPIVOT_ADMIN_KEY", ADMIN);
            env.put("GRIDPIVOT_DEMO_DATA", "false");
            env.put("GRIDPIVOT_REPLICA_ID", id);
            env.remove("GRIDPIVOT_QUEUE");
            env.remove("GRIDPIVOT_ROLE");
            if (clustered) {
                env.put("GRIDPIVOT_QUEUE", "rabbitmq");
                env.put("RABBITMQ_HOST", RABBIT_HOST);
                env.put("RABBITMQ_PORT", "5672");
            }
            Files.writeString(log(), "---- start at " + Instant.now() + " on port " + port + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = pb.start();
        }

        /** Waits until /q/health/ready answers 200. */
        void awaitReady() throws Exception {
            Instant deadline = Instant.now().plusSeconds(180);
            while (true) {
                try {
                    if (send(this, "GET", "/q/health/ready", null, null).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                assertThat(process.isAlive()).as(id + " exited while starting (exit " + (process.isAlive() ? "" : process.exitValue()) + ")").isTrue();
                assertThat(Instant.now()).as(id + " not ready in 180 s").isBefore(deadline);
                Thread.sleep(250);
            }
            if (clustered) {
                assertThat(Files.readString(log())).as(id + " runs in cluster mode: the jar must be the PostgreSQL build (-Dquarkus.profile=pg)")
                        .contains("job runner " + id + ": cluster mode (RabbitMQ)");
            }
        }

        boolean alive() {
            return process != null && process.isAlive();
        }

        void kill9() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks
            process.waitFor();
        }

        /** SIGTERM; waits (with a deadline) until the process has exited. */
        void terminate() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as(id + " exits within 90 s of SIGTERM").isTrue();
        }
    }

    /** A request the test sends to both the reference and the cluster. */
    private record Request(String name, String path, String body) {
    }

    /** A run the test started: its request and id. */
    private record Started(Request request, long id) {
    }

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cluster-it-");
        began = Instant.now();
    }

    @AfterEach
    void tearDown() {
        for (Replica r : replicas) {
            if (r.process != null) {
                r.process.destroyForcibly();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the requests

    private static String scenario(double btcUsd) {
        return """
                {"btc": {"priceUsd": %s, "annualGrowth": 0.2, "startDifficulty": 1.2586e14, "difficultyGrowthPerMonth": 0.02,
                         "feesBtcPerBlock": 0.025}, "energy": {"flatPriceUsdPerMwh": 35}, "discountRate": 0.08}""".formatted(Double.toString(btcUsd));
    }

    /** A small plan problem (one fleet, one AI option): exact hour blocks (the default) a few hundred rows; hourly 6 to 12 months, 8,000 to 18,000 rows. */
    private static String problem(double btcUsd, int months, String hourModel) {
        return """
                {"scenario": %s, "site": {"name": "cluster-it", "interconnectMw": 20},
                 "asicFleets": [{"name": "S21", "units": 4000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500, "pue": 1.05}],
                 "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 130, "tenantPaysPower": false, "pue": 1.2, "maxItMw": 10,
                                "capexUsdPerMw": 2e6, "leadTimeMonths": 2}],
                 "startMonth": "2026-01", "months": %d, "hourModel": "%s"}""".formatted(scenario(btcUsd), months, hourModel);
    }

    /**
     * The sweep first (the longest: 200 plan LPs of ten years plus its tornado and base, 10 to 20 s on one
     * replica of this 2-core machine), the Monte Carlo (2,000 paths of ten years, three fixed plans and the optimized one:
     * about 3 s), then 20 plan runs (hourly, 6 to 12 months: 0.3 to 1 s each).
     */
    private static List<Request> requests() {
        List<Request> out = new ArrayList<>();
        out.add(new Request("sweep", "/api/v1/sweeps/runs", """
                {"plan": %s, "axes": [{"input": "BTC_PRICE_SCALE", "from": 0.5, "to": 2.0, "points": %d}],
                 "tornado": {"inputs": ["BTC_PRICE_SCALE", "ENERGY_PRICE_SCALE"], "deltaFraction": 0.5}}"""
                .formatted(problem(60_000, 120, "EXACT_BLOCKS"), SWEEP_POINTS)));
        out.add(new Request("montecarlo", "/api/v1/risk/montecarlo/runs", """
                {"problem": %s, "plans": [{"name": "convert 5", "aiStartsMw": [{"name": "flat", "month": "2026-02", "amount": 5}]},
                                          {"name": "convert 10", "aiStartsMw": [{"name": "flat", "month": "2026-06", "amount": 10}]},
                                          {"name": "stay", "aiStartsMw": []}],
                 "paths": %d, "seed": 11, "priceModel": "BOOTSTRAP", "includeOptimized": true}"""
                .formatted(problem(60_000, 120, "EXACT_BLOCKS"), MC_PATHS)));
        for (int k = 0; k < PLAN_RUNS; k++) {
            out.add(new Request("plan-" + k, "/api/v1/plans/runs", problem(40_000 + 5_000 * k, 6 + k % 7, "HOURLY")));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ the test

    @Test
    void threeReplicasShareTheWorkSurviveKillAndRollingRestartAndAnswerAsOne() throws Throwable {
        try {
            run();
        } catch (Throwable t) {
            printLogTails();
            throw t;
        }
    }

    private void run() throws Exception {
        freshDatabase(CLUSTER_DB);
        freshDatabase(REFERENCE_DB);
        purgeQueues();
        List<Request> requests = requests();

        // 1. The reference: one replica, runs in-process.
        Instant t0 = Instant.now();
        Replica reference = new Replica("reference", REFERENCE_DB, false);
        replicas.add(reference);
        reference.start();
        reference.awaitReady();
        createKeys(reference);
        List<Started> refRuns = submit(requests, List.of(reference));
        awaitEnded(refRuns, () -> reference, 420);
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        for (Started s : refRuns) {
            JsonNode view = view(reference, s.id());
            assertThat(view.path("status").asText()).as("reference " + s.request().name() + ": " + view).isEqualTo("OPTIMAL");
            expected.put(s.request().name(), result(reference, s.id()));
        }
        reference.terminate();
        long referenceMs = Duration.between(t0, Instant.now()).toMillis();

        // 2. Three replicas started together on the fresh database (the first start's admin-key bootstrap races).
        Instant t1 = Instant.now();
        List<Replica> cluster = List.of(new Replica("replica-1", CLUSTER_DB, true), new Replica("replica-2", CLUSTER_DB, true),
                new Replica("replica-3", CLUSTER_DB, true));
        replicas.addAll(cluster);
        for (Replica r : cluster) {
            r.start();
        }
        for (Replica r : cluster) {
            r.awaitReady();
        }
        keys.clear();
        createKeys(cluster.get(0));
        List<Started> runs = submit(requests, cluster);
        long sweep = runs.get(0).id();

        // Kill -9 the replica that holds the sweep while its chunks are being computed: split and queued, not all stored.
        // One query on one connection, every 50 ms: the chunks take seconds, so a slow look must not miss them.
        Replica victim;
        try (java.sql.Connection c = db(CLUSTER_DB); PreparedStatement ps = c.prepareStatement("SELECT r.status, r.worker, "
                + "(SELECT COUNT(*) FROM job_chunk k WHERE k.run_id = r.id AND k.status = 'DONE'), "
                + "(SELECT COUNT(*) FROM job_chunk k WHERE k.run_id = r.id) FROM job_run r WHERE r.id = ?")) {
            ps.setLong(1, sweep);
            Instant deadline = Instant.now().plusSeconds(300);
            String holder = null;
            while (holder == null) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    long done = rs.getLong(3);
                    long total = rs.getLong(4);
                    if ("RUNNING".equals(rs.getString(1)) && total > 0 && done < total) {
                        holder = rs.getString(2);
                    } else {
                        assertThat(rs.getString(1)).as("the sweep, before its holder is killed (" + done + " of " + total + " chunks)")
                                .isIn("QUEUED", "RUNNING");
                    }
                }
                if (holder == null) {
                    assertThat(Instant.now()).as("waited 300 s for the sweep's chunks").isBefore(deadline);
                    Thread.sleep(50);
                }
            }
            String id = holder;
            victim = cluster.stream().filter(r -> r.id.equals(id)).findFirst().orElseThrow();
        }
        victim.kill9();
        List<Long> heldByVictim = queryLongs("SELECT id FROM job_run WHERE status = 'RUNNING' AND worker = ?", victim.id);
        List<String> chunksOfVictim = queryStrings("SELECT run_id || ':' || chunk_index FROM job_chunk WHERE status = 'RUNNING' AND worker = ?", victim.id);
        System.out.printf("ClusterIT: killed %s (kill -9) holding runs %s and chunks %s%n", victim.id, heldByVictim, chunksOfVictim);
        assertThat(heldByVictim).contains(sweep);

        List<Replica> live = cluster.stream().filter(r -> r != victim).toList();
        awaitEnded(runs, () -> live.get(0), 420);
        long killPhaseMs = Duration.between(t1, Instant.now()).toMillis();
        assertAnswers(runs, expected, live.get(0));
        for (long id : heldByVictim) {
            JsonNode v = view(live.get(0), id);
            assertThat(v.path("attempts").asInt()).as("run " + id + " of the killed replica ran again: " + v).isGreaterThanOrEqualTo(2);
            assertThat(v.path("worker").asText()).as("run " + id + " finished elsewhere").isNotEqualTo(victim.id);
        }
        for (String chunk : chunksOfVictim) {
            String[] rc = chunk.split(":");
            List<String> row = query("SELECT status || ' ' || worker || ' ' || attempts FROM job_chunk WHERE run_id = " + Long.parseLong(rc[0])
                    + " AND chunk_index = " + Integer.parseInt(rc[1]), null);
            assertThat(row.get(0)).as("chunk " + chunk + " of the killed replica: computed again elsewhere (status worker attempts)")
                    .startsWith("DONE ").doesNotContain(" " + victim.id + " ").doesNotEndWith(" 1");
        }
        Set<String> runWorkers = new TreeSet<>();
        for (Started s : runs) {
            runWorkers.add(view(live.get(0), s.id()).path("worker").asText());
        }
        assertThat(runWorkers).as("the replicas that ran the runs (worker)").hasSizeGreaterThanOrEqualTo(2);
        Map<String, Long> chunkWorkers = chunkWorkers(runs.get(0).id(), runs.get(1).id());
        assertThat(chunkWorkers.keySet()).as("the replicas that computed the chunks").hasSizeGreaterThanOrEqualTo(2);
        assertDatabaseClean(runs);
        System.out.printf("ClusterIT: reference (1 replica, in-process) %d ms; 3 replicas with a kill -9: %d ms; runs by worker %s; chunks by worker %s%n",
                referenceMs, killPhaseMs, workSplit(runs, live.get(0)), chunkWorkers);

        // 3. The killed replica comes back; then a rolling restart (SIGTERM, start) of each replica while runs are in flight.
        victim.start();
        victim.awaitReady();
        Instant t2 = Instant.now();
        List<List<Request>> waves = List.of(List.of(requests.get(0), requests.get(2), requests.get(3), requests.get(4)),
                List.of(requests.get(1), requests.get(5), requests.get(6), requests.get(7)),
                List.of(requests.get(8), requests.get(9), requests.get(10), requests.get(11)));
        List<Started> rolling = new ArrayList<>();
        int restartsWithWorkInFlight = 0;
        for (int k = 0; k < cluster.size(); k++) {
            Replica restarted = cluster.get(k);
            Replica other = cluster.get((k + 1) % cluster.size());
            List<Started> wave = submit(waves.get(k), List.of(other));
            rolling.addAll(wave);
            awaitTrue("a run of the wave RUNNING or every one ended", 120, () -> wave.stream().map(s -> runRow(s.id()).get("status"))
                    .anyMatch("RUNNING"::equals) || wave.stream().noneMatch(s -> OPEN.contains((String) runRow(s.id()).get("status"))));
            Map<Long, Map<String, Object>> heldByOthers = new TreeMap<>();
            for (Started s : rolling) {
                Map<String, Object> row = runRow(s.id());
                if ("RUNNING".equals(row.get("status")) && !restarted.id.equals(row.get("worker"))) {
                    heldByOthers.put(s.id(), row);
                }
            }
            boolean inFlight = rolling.stream().anyMatch(s -> OPEN.contains((String) runRow(s.id()).get("status")));
            restarted.terminate();
            restarted.start();
            restarted.awaitReady(); // its start-up recovery has run
            if (inFlight) {
                restartsWithWorkInFlight++;
            }
            // Restarting a replica never fails (nor re-queues) a run that a live replica holds.
            for (Map.Entry<Long, Map<String, Object>> e : heldByOthers.entrySet()) {
                Map<String, Object> now = runRow(e.getKey());
                assertThat(now.get("status")).as("run " + e.getKey() + " held by " + e.getValue().get("worker") + " while " + restarted.id
                        + " restarted: " + now).isIn("RUNNING", "OPTIMAL");
                assertThat(now.get("worker")).as("run " + e.getKey() + "'s worker").isEqualTo(e.getValue().get("worker"));
                assertThat(now.get("attempts")).as("run " + e.getKey() + "'s attempts").isEqualTo(e.getValue().get("attempts"));
            }
            System.out.printf("ClusterIT: %s restarted (SIGTERM, start) with %d run(s) of other replicas in flight, untouched%n", restarted.id,
                    heldByOthers.size());
        }
        assertThat(restartsWithWorkInFlight).as("restarts while runs were in flight").isGreaterThanOrEqualTo(1);
        awaitEnded(rolling, () -> cluster.get(0), 420);
        long rollingMs = Duration.between(t2, Instant.now()).toMillis();
        assertAnswers(rolling, expected, cluster.get(0));
        List<Started> all = new ArrayList<>(runs);
        all.addAll(rolling);
        assertDatabaseClean(all);
        System.out.printf("ClusterIT: rolling restart with %d runs: %d ms; runs by worker %s; chunks by worker %s; whole IT %d s%n", rolling.size(),
                rollingMs, workSplit(rolling, cluster.get(0)), chunkWorkers(rolling.get(0).id(), rolling.get(4).id()),
                Duration.between(began, Instant.now()).toSeconds());
    }

    /** Every run OPTIMAL with the reference's answer (numbers to 1e-9 relative), none FAILED anywhere. */
    private void assertAnswers(List<Started> runs, Map<String, JsonNode> expected, Replica via) throws Exception {
        for (Started s : runs) {
            JsonNode v = view(via, s.id());
            assertThat(v.path("status").asText()).as(s.request().name() + " (run " + s.id() + "): " + v).isEqualTo("OPTIMAL");
            assertSame(result(via, s.id()), expected.get(s.request().name()), s.request().name());
        }
        JsonNode failed = json(send(via, "GET", "/api/v1/runs?status=FAILED&size=500", ADMIN, null));
        assertThat(failed.path("totalItems").asLong()).as("FAILED runs: " + failed).isZero();
    }

    /** Each chunk stored once (the unique key holds it too), every chunk of the runs DONE, as many as the requests cut. */
    private void assertDatabaseClean(List<Started> runs) throws SQLException {
        assertThat(queryStrings("SELECT run_id || ':' || chunk_index || ' x' || COUNT(*) FROM job_chunk GROUP BY run_id, chunk_index HAVING COUNT(*) > 1"))
                .as("chunks stored more than once").isEmpty();
        for (Started s : runs) {
            long total = chunkCount(s.id(), null);
            switch (s.request().name()) {
                case "montecarlo" -> assertThat(total).as("chunks of the Monte Carlo run").isEqualTo(MC_PATHS / MC_PATHS_PER_CHUNK);
                // the 200 grid points and the tornado's LPs, 5 to a chunk
                case "sweep" -> assertThat(total).as("chunks of the sweep").isGreaterThanOrEqualTo(SWEEP_POINTS / SWEEP_LPS_PER_CHUNK);
                default -> assertThat(total).as("chunks of " + s.request().name()).isZero();
            }
            assertThat(chunkCount(s.id(), "DONE")).as("chunks DONE of " + s.request().name()).isEqualTo(total);
        }
        assertThat(queryStrings("SELECT id || ' ' || status FROM job_run WHERE status NOT IN ('OPTIMAL')")).as("runs not OPTIMAL").isEmpty();
    }

    private String workSplit(List<Started> runs, Replica via) throws Exception {
        Map<String, Integer> split = new TreeMap<>();
        for (Started s : runs) {
            split.merge(view(via, s.id()).path("worker").asText(), 1, Integer::sum);
        }
        return split.toString();
    }

    /** The same tree; numbers equal to 1e-9 relative; fields that only say how it was computed are skipped. */
    static void assertSame(JsonNode got, JsonNode expected, String path) {
        assertThat(got == null).as(path + " present").isEqualTo(expected == null);
        if (expected == null) {
            return;
        }
        if (expected.isNumber()) {
            assertThat(got.isNumber()).as(path + " is a number: " + got).isTrue();
            double e = expected.asDouble();
            assertThat(got.asDouble()).as(path).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1.0, Math.abs(e))));
        } else if (expected.isArray()) {
            assertThat(got.size()).as(path + " size").isEqualTo(expected.size());
            for (int k = 0; k < expected.size(); k++) {
                assertSame(got.get(k), expected.get(k), path + "[" + k + "]");
            }
        } else if (expected.isObject()) {
            Set<String> fields = new TreeSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            got.fieldNames().forEachRemaining(fields::add);
            fields.removeAll(HOW_COMPUTED);
            for (String f : fields) {
                assertSame(got.get(f), expected.get(f), path + "." + f);
            }
        } else {
            assertThat(got).as(path).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    /**
     * One request; a 429 (the key's 20 requests a second, or its 10 queued runs) is sent again after its Retry-After, for
     * at most 120 s: the test's own polling must keep to the limits every client keeps to (a fast machine polls faster).
     */
    private HttpResponse<String> send(Replica r, String method, String path, String key, String body) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            HttpResponse<String> res = sendOnce(r, method, path, key, body);
            if (res.statusCode() != 429 || Instant.now().isAfter(deadline)) {
                return res;
            }
            Thread.sleep(1000L * Long.parseLong(res.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    private HttpResponse<String> sendOnce(Replica r, String method, String path, String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** Three planner keys beside the admin key: the runs are spread over four keys (at most 10 queued runs per key). */
    private void createKeys(Replica r) throws Exception {
        keys.clear();
        keys.add(ADMIN);
        for (int k = 1; k <= 3; k++) {
            HttpResponse<String> created = send(r, "POST", "/api/v1/keys", ADMIN, "{\"name\": \"cluster-it-" + k + "\", \"role\": \"planner\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            keys.add(json(created).path("key").asText());
        }
    }

    /** Posts each request (request i through replica i mod n and key i mod 4); a 429 is retried after its Retry-After. */
    private List<Started> submit(List<Request> requests, List<Replica> via) throws Exception {
        List<Started> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request q = requests.get(i);
            Replica r = via.get(i % via.size());
            String key = keys.get(i % keys.size());
            Instant deadline = Instant.now().plusSeconds(120);
            while (true) {
                HttpResponse<String> res = send(r, "POST", q.path(), key, q.body());
                if (res.statusCode() == 202) {
                    out.add(new Started(q, json(res).path("id").asLong()));
                    break;
                }
                assertThat(res.statusCode()).as(q.name() + ": " + res.body()).isEqualTo(429);
                assertThat(Instant.now()).as(q.name() + " still refused after 120 s: " + res.body()).isBefore(deadline);
                Thread.sleep(1000L * Long.parseLong(res.headers().firstValue("Retry-After").orElse("1")));
            }
        }
        return out;
    }

    private JsonNode view(Replica r, long id) throws Exception {
        HttpResponse<String> res = send(r, "GET", "/api/v1/runs/" + id, ADMIN, null);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return json(res);
    }

    private JsonNode result(Replica r, long id) throws Exception {
        HttpResponse<String> res = send(r, "GET", "/api/v1/runs/" + id + "/result", ADMIN, null);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return json(res);
    }

    /** Polls the runs' list until none of them is QUEUED or RUNNING. */
    private void awaitEnded(List<Started> runs, java.util.function.Supplier<Replica> via, int seconds) throws Exception {
        Set<Long> ids = runs.stream().map(Started::id).collect(Collectors.toSet());
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (true) {
            JsonNode page = json(send(via.get(), "GET", "/api/v1/runs?size=500", ADMIN, null));
            Map<Long, String> open = new TreeMap<>();
            for (JsonNode item : page.path("items")) {
                long id = item.path("id").asLong();
                if (ids.contains(id) && OPEN.contains(item.path("status").asText())) {
                    open.put(id, item.path("status").asText() + " on " + item.path("worker").asText() + " (" + item.path("progressPercent").asInt() + "%)");
                }
            }
            if (open.isEmpty()) {
                return;
            }
            assertThat(Instant.now()).as("runs still open after " + seconds + " s: " + open).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static void awaitTrue(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + seconds + " s for: " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    // ------------------------------------------------------------------------------------------------ PostgreSQL and RabbitMQ

    private static java.sql.Connection db(String name) throws SQLException {
        return DriverManager.getConnection(PG + name, PG_USER, PG_PASSWORD);
    }

    private static void freshDatabase(String name) throws SQLException {
        try (java.sql.Connection c = db("postgres"); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
    }

    private static void purgeQueues() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(RABBIT_HOST);
        try (Connection c = f.newConnection("cluster-it"); Channel ch = c.createChannel()) {
            for (String q : List.of("gridpivot.runs", "gridpivot.chunks")) {
                ch.queueDeclare(q, true, false, false, null);
                ch.queuePurge(q);
            }
        }
    }

    /** status, worker and attempts of a run, read from the database. */
    private static Map<String, Object> runRow(long id) {
        try (java.sql.Connection c = db(CLUSTER_DB); PreparedStatement ps = c.prepareStatement("SELECT status, worker, attempts FROM job_run WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("run " + id + " stored").isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("status", rs.getString(1));
                row.put("worker", rs.getString(2));
                row.put("attempts", rs.getInt(3));
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A run's chunks (with {@code status}: those in it). */
    private static long chunkCount(long runId, String status) {
        String sql = "SELECT COUNT(*) FROM job_chunk WHERE run_id = ?" + (status == null ? "" : " AND status = ?");
        try (java.sql.Connection c = db(CLUSTER_DB); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            if (status != null) {
                ps.setString(2, status);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chunks of these runs stored by each replica. */
    private static Map<String, Long> chunkWorkers(long... runIds) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (java.sql.Connection c = db(CLUSTER_DB);
                PreparedStatement ps = c.prepareStatement("SELECT worker, COUNT(*) FROM job_chunk WHERE status = 'DONE' AND run_id = ANY (?) GROUP BY worker")) {
            ps.setArray(1, c.createArrayOf("bigint", java.util.Arrays.stream(runIds).boxed().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static List<Long> queryLongs(String sql, String arg) throws SQLException {
        return query(sql, arg).stream().map(Long::parseLong).toList();
    }

    private static List<String> queryStrings(String sql) throws SQLException {
        return query(sql, null);
    }

    private static List<String> queryStrings(String sql, String arg) throws SQLException {
        return query(sql, arg);
    }

    private static List<String> query(String sql, String arg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = db(CLUSTER_DB); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private void printLogTails() {
        for (Replica r : replicas) {
            try {
                List<String> lines = Files.readAllLines(r.log());
                System.out.printf("%n===== %s (%s) log tail, %s =====%n", r.id, r.alive() ? "alive" : "stopped", r.log());
                lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
            } catch (IOException e) {
                System.out.println("no log for " + r.id + ": " + e);
            }
        }
    }
}
