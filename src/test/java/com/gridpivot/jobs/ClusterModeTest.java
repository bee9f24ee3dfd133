package com.gridpivot.jobs;

import static com.gridpivot.jobs.JobPolling.poll;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.persistence.Persistence;
import com.gridpivot.api.PlanSweepResourceTest;
import com.gridpivot.risk.PlanSweepService;
import com.gridpivot.risk.SweepRequest;
import com.gridpivot.risk.SweepService;
import com.gridpivot.risk.montecarlo.MonteCarloEngine;
import com.gridpivot.risk.runs.RiskRunService;
import com.gridpivot.lp.RunControl;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Cluster mode (GRIDPIVOT_QUEUE=rabbitmq) on the RabbitMQ at 127.0.0.1:5672, two replicas on the test's database: the
 * application's own runner and a second {@link JobRunner} with its own replica id, queue connection and chunk slot.
 * A Monte Carlo run cut into chunks gives the numbers of one replica bit for bit, with chunks computed by both; plan
 * runs travel through the runs queue; a chunk written twice is stored once; a chunk whose replica died is queued again,
 * and after its attempts it fails the run with the reason.
 *
 * <p>Needs the broker: skipped only outside CI when none listens (CI starts it; with CI=true a missing broker fails).
 */
@QuarkusTest
@TestProfile(ClusterModeTest.Cluster.class)
@EnabledIf("brokerOrCi")
class ClusterModeTest {
    public static class Cluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gridpivot.queue.kind", "rabbitmq", "gridpivot.queue.h2-allowed", "true", "gridpivot.queue.chunk-slots", "1",
                    "gridpivot.queue.monte-carlo-paths-per-chunk", "25", "gridpivot.jobs.workers", "1", "gridpivot.jobs.replica-id", "replica-a",
                    "gridpivot.jobs.lease-check-seconds", "1", "rabbitmq-host", "127.0.0.1",
                    "gridpivot.queue.sweep-points-per-chunk", "10", "gridpivot.queue.plan-sweep-points-per-chunk", "2");
        }
    }

    static boolean brokerOrCi() {
        if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("gridpivot.rabbitmq.required")) {
            return true;
        }
        try (Socket s = new Socket("127.0.0.1", 5672)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Inject
    JobStore store;

    @Inject
    ChunkStore chunks;

    @Inject
    JobRunner app;

    @Inject
    QueueConfig queueConfig;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<JobHandler> handlers;

    @Inject
    RiskRunService risk;

    @Inject
    SweepService sweeps;

    @Inject
    PlanSweepService planSweeps;

    private final List<JobRunner> replicas = new ArrayList<>();

    @BeforeEach
    void freshQueues() throws Exception {
        closeOpenRuns();
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        try (Connection c = f.newConnection(); Channel ch = c.createChannel()) {
            ch.queuePurge(ClusterQueue.RUNS);
            ch.queuePurge(ClusterQueue.CHUNKS);
        }
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(JobRunner::stop);
        replicas.clear();
        closeOpenRuns();
    }

    private static void closeOpenRuns() {
        QuarkusTransaction.requiringNew().run(() -> JobRunEntity.update("status = ?1, reason = ?2, leaseUntil = null where status in (?3, ?4)",
                JobStatus.CANCELLED.name(), "closed by ClusterModeTest", JobStatus.QUEUED.name(), JobStatus.RUNNING.name()));
    }

    /** A second replica: the application's handlers, its own name, queue connection, one worker and one chunk slot. */
    private JobRunner replica(String name) {
        return replica(TestRunners.Settings.of(name, 1), kind -> {
            for (JobHandler h : handlers) {
                if (h.kind().equals(kind)) {
                    return h;
                }
            }
            return null;
        });
    }

    /** A second replica with these settings and handlers, its own queue connection and one chunk slot, started. */
    private JobRunner replica(TestRunners.Settings settings, java.util.function.Function<String, JobHandler> byKind) {
        JobRunner r = TestRunners.runner(store, metrics, json, settings, byKind);
        ClusterQueue q = new ClusterQueue();
        q.config = queueConfig;
        q.dbKind = "h2";
        q.host = "127.0.0.1";
        q.port = 5672;
        q.username = "guest";
        q.password = "guest";
        r.queue = q;
        r.chunks = chunks;
        r.queueConfig = queueConfig;
        replicas.add(r);
        r.start();
        return r;
    }

    static String scenario(double btc) {
        return """
                {"btc": {"priceUsd": %s, "annualGrowth": 0.2, "startDifficulty": 1.2586e14, "difficultyGrowthPerMonth": 0.02,
                         "feesBtcPerBlock": 0.025}, "energy": {"flatPriceUsdPerMwh": 35}, "discountRate": 0.08}""".formatted(Double.toString(btc));
    }

    static String problem(int months) {
        return """
                {"scenario": %s, "site": {"name": "cluster", "interconnectMw": 20},
                 "asicFleets": [{"name": "S21", "units": 4000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500, "pue": 1.05}],
                 "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 130, "tenantPaysPower": false, "pue": 1.2, "maxItMw": 10,
                                "capexUsdPerMw": 2e6, "leadTimeMonths": 2}],
                 "startMonth": "2026-01", "months": %d}""".formatted(scenario(60_000), months);
    }

    @Test
    void aMonteCarloRunInChunksOnTwoReplicasEqualsOneReplicaBitForBit() throws Exception {
        assertThat(app.clustered()).isTrue();
        replica("replica-b");
        Response started = given().contentType(ContentType.JSON).body("""
                {"problem": %s, "plans": [{"name": "convert 5", "aiStartsMw": [{"name": "flat", "month": "2026-02", "amount": 5}]}],
                 "paths": 200, "seed": 11, "priceModel": "BOOTSTRAP", "includeOptimized": true}""".formatted(problem(24)))
                .post("/api/v1/risk/montecarlo/runs");
        started.then().statusCode(202);
        String location = started.header("Location");
        Response done = poll(location);
        assertThat(done.jsonPath().getString("status")).isEqualTo("OPTIMAL");
        long id = done.jsonPath().getLong("id");
        // 200 paths in chunks of 25: 8 chunks, each stored once, computed by both replicas.
        Map<String, Long> byWorker = chunks.workers(id);
        assertThat(byWorker.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8);
        assertThat(byWorker.keySet()).containsExactlyInAnyOrder("replica-a", "replica-b");
        assertThat(QuarkusTransaction.requiringNew().call(() -> JobChunkEntity.count("runId", id))).isEqualTo(8);

        // One replica, unchunked: the same stored input through MonteCarloEngine.run.
        var job = risk.job(risk.read(store.get(id, true).orElseThrow().inputJson(), RiskRunService.MonteCarloInput.class));
        var alone = MonteCarloEngine.run(job.problem(), job.plans(), job.includeOptimized(), job.settings(), RunControl.NONE);
        JsonNode expected = json.readTree(risk.write(alone));
        JsonNode got = json.readTree(given().get(location + "/result").asString());
        ((ObjectNode) expected).remove("computeMs");
        ((ObjectNode) got).remove("computeMs");
        assertThat(got.get("plans").size()).isEqualTo(3);
        assertThat(got).isEqualTo(expected);
    }

    /**
     * A what-if sweep of 60 BTC prices in chunks of 10 points: 6 chunks, each stored once, computed by both replicas; the
     * answer equals the same stored input solved in-process on one thread (points, the frontier — hand-solved in
     * SweepServiceTest: below BTC $100,800 all 10 MW go to AI — and the default tornado).
     */
    @Test
    void aWhatIfSweepInChunksOnTwoReplicasEqualsOneReplica() throws Exception {
        replica("replica-b");
        Response started = given().contentType(ContentType.JSON).body("""
                {"allocation": {"site": {"interconnectMw": 10},
                                "asicFleets": [{"name": "S21", "units": 4000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                                "aiOptions": [{"name": "AI", "revenueUsdPerMwh": 120}],
                                "market": {"energyPriceUsdPerMwh": 30, "hours": 24, "hashpriceUsdPerPhDay": 45}},
                 "baseBtcPriceUsd": 90000, "tornado": {},
                 "axes": [{"input": "BTC_PRICE_USD", "from": 60000, "to": 150000, "points": 60}]}""").post("/api/v1/sweeps/runs");
        started.then().statusCode(202);
        String location = started.header("Location");
        Response done = poll(location);
        assertThat(done.jsonPath().getString("status")).isEqualTo("OPTIMAL");
        long id = done.jsonPath().getLong("id");
        Map<String, Long> byWorker = chunks.workers(id);
        assertThat(byWorker.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
        assertThat(byWorker.keySet()).containsExactlyInAnyOrder("replica-a", "replica-b");

        JsonNode got = json.readTree(given().get(location + "/result").asString());
        var alone = sweeps.run(sweeps.validate(json.readValue(store.get(id, true).orElseThrow().inputJson(), SweepRequest.class)), 1, k -> {
        }, () -> false);
        JsonNode expected = json.readTree(json.writeValueAsString(alone));
        assertThat(got.get("points").size()).isEqualTo(60);
        assertThat(got.get("stats").get("threads").asInt()).isEqualTo(6); // one thread per chunk
        assertSameNumbers(got.get("points"), expected.get("points"), "points");
        assertSameNumbers(got.get("base"), expected.get("base"), "base");
        assertSameNumbers(got.get("frontier"), expected.get("frontier"), "frontier");
        assertSameNumbers(got.get("tornado"), expected.get("tornado"), "tornado");
        assertThat(got.get("frontier").get(0).get("value").asDouble()).isCloseTo(100_800.0, org.assertj.core.data.Offset.offset(0.02));
    }

    /**
     * A plan sweep (PlanSweepResourceTest's hand-solved tiny plan: 4 grid points, 2 tornado inputs, the base: 9 plan LPs)
     * in chunks of 2 LPs: 5 chunks on both replicas; equal to the in-process sweep, and to the hand values.
     */
    @Test
    void aPlanSweepInChunksOnTwoReplicasEqualsOneReplica() throws Exception {
        replica("replica-b");
        Response started = given().contentType(ContentType.JSON).body(PlanSweepResourceTest.SWEEP).post("/api/v1/sweeps/runs");
        started.then().statusCode(202);
        String location = started.header("Location");
        Response done = poll(location);
        assertThat(done.jsonPath().getString("status")).isEqualTo("OPTIMAL");
        long id = done.jsonPath().getLong("id");
        Map<String, Long> byWorker = chunks.workers(id);
        assertThat(byWorker.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
        assertThat(byWorker.keySet()).containsExactlyInAnyOrder("replica-a", "replica-b");

        JsonNode got = json.readTree(given().get(location + "/result").asString());
        var alone = planSweeps.run(planSweeps.validate(json.readValue(store.get(id, true).orElseThrow().inputJson(), PlanSweepService.Snapshot.class)),
                1, k -> {
                }, () -> false);
        JsonNode expected = json.readTree(json.writeValueAsString(alone));
        for (String field : List.of("base", "points", "frontier", "tornado", "frontierNote")) {
            assertSameNumbers(got.get(field), expected.get(field), field);
        }
        assertThat(got.get("points").get(2).get("npvUsd").asDouble()).isCloseTo(2_484_000.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(got.get("frontier").get(0).get("value").asDouble()).isCloseTo(1.2, org.assertj.core.data.Offset.offset(2e-5));
        assertThat(got.get("tornado").get(0).get("netUsdLow").asDouble()).isCloseTo(2_376_000.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    /** The same tree, numbers equal to 1e-9 relative (LP optima solved from other starting bases), everything else exactly. */
    static void assertSameNumbers(JsonNode got, JsonNode expected, String path) {
        assertThat(got == null).as(path + " present").isEqualTo(expected == null);
        if (expected == null) {
            return;
        }
        if (expected.isNumber()) {
            assertThat(got.isNumber()).as(path).isTrue();
            double e = expected.asDouble();
            assertThat(got.asDouble()).as(path).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1.0, Math.abs(e))));
        } else if (expected.isContainerNode()) {
            assertThat(got.size()).as(path + " size").isEqualTo(expected.size());
            if (expected.isArray()) {
                for (int k = 0; k < expected.size(); k++) {
                    assertSameNumbers(got.get(k), expected.get(k), path + "[" + k + "]");
                }
            } else {
                expected.fieldNames().forEachRemaining(f -> assertSameNumbers(got.get(f), expected.get(f), path + "." + f));
            }
        } else {
            assertThat(got).as(path).isEqualTo(expected);
        }
    }

    @Test
    void planRunsTravelThroughTheRunsQueueAndEndOnce() throws Exception {
        replica("replica-b");
        List<String> locations = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            Response r = given().contentType(ContentType.JSON).body(problem(12 + k)).post("/api/v1/plans/runs");
            r.then().statusCode(202);
            locations.add(r.header("Location"));
        }
        Set<String> workers = new HashSet<>();
        for (String l : locations) {
            Response done = poll(l);
            assertThat(done.jsonPath().getString("status")).isEqualTo("OPTIMAL");
            assertThat(done.jsonPath().getInt("attempts")).isEqualTo(1);
            workers.add(done.jsonPath().getString("worker"));
        }
        assertThat(workers).isSubsetOf("replica-a", "replica-b");
    }

    @Test
    void aChunkWrittenTwiceIsStoredOnce() {
        long run = store.insertRunning("CLUSTER_TEST", "{}", "replica-a", Persistence.now().plusSeconds(60), 1);
        assertThat(chunks.plan(run, List.of("{\"k\":0}", "{\"k\":1}"))).containsExactly(0, 1);
        assertThat(chunks.plan(run, List.of("{\"k\":0}", "{\"k\":1}"))).containsExactly(0, 1); // a second split adds nothing
        assertThat(chunks.claim(run, 0, "replica-a", 60)).contains("{\"k\":0}");
        assertThat(chunks.claim(run, 0, "replica-b", 60)).isEmpty(); // held under a live lease: the redelivery is dropped
        assertThat(chunks.complete(run, 0, "replica-a", "\"first\"")).isTrue();
        assertThat(chunks.complete(run, 0, "replica-b", "\"second\"")).isFalse(); // computed again after a redelivery: not stored
        assertThat(chunks.claim(run, 0, "replica-b", 60)).isEmpty();
        assertThat(chunks.plan(run, List.of("{\"k\":0}", "{\"k\":1}"))).containsExactly(1); // a resumed run queues only what is open
        ChunkStore.Progress p = chunks.progress(run);
        assertThat(p.total()).isEqualTo(2);
        assertThat(p.done()).isEqualTo(1);
        assertThat(chunks.workers(run)).containsExactly(Map.entry("replica-a", 1L));
        assertThat(QuarkusTransaction.requiringNew().call(() -> JobChunkEntity.<JobChunkEntity>find("runId = ?1 and chunkIndex = 0", run)
                .firstResult().resultJson)).isEqualTo("\"first\"");
    }

    /**
     * A run FAILED by a chunk — here chunk 2 of a what-if sweep, as if it had used its 3 attempts on replicas that died —
     * runs again on retry: the chunk starts afresh (PENDING, attempts 0), the DONE chunks are kept, and the answer is the
     * first one. (Before, the retry kept the FAILED chunk and the run FAILED again at once, "a chunk of the run failed".)
     */
    @Test
    void aRunFailedByAChunkRunsAgainOnRetry() throws Exception {
        Response started = given().contentType(ContentType.JSON).body("""
                {"allocation": {"site": {"interconnectMw": 10},
                                "asicFleets": [{"name": "S21", "units": 4000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                                "aiOptions": [{"name": "AI", "revenueUsdPerMwh": 120}],
                                "market": {"energyPriceUsdPerMwh": 30, "hours": 24, "hashpriceUsdPerPhDay": 45}},
                 "baseBtcPriceUsd": 90000, "axes": [{"input": "BTC_PRICE_USD", "from": 60000, "to": 150000, "points": 40}]}""")
                .post("/api/v1/sweeps/runs");
        started.then().statusCode(202);
        String location = started.header("Location");
        Response done = poll(location);
        assertThat(done.jsonPath().getString("status")).isEqualTo("OPTIMAL");
        long id = done.jsonPath().getLong("id");
        JsonNode first = json.readTree(given().get(location + "/result").asString());
        assertThat(chunks.progress(id).total()).isEqualTo(4); // 40 points, 10 to a chunk

        QuarkusTransaction.requiringNew().run(() -> {
            JobChunkEntity.update("status = ?1, resultJson = null, worker = ?2, attempts = 3, reason = ?3 where runId = ?4 and chunkIndex = 2",
                    ChunkStore.FAILED, "gone-3", "its replica (gone-3) stopped while computing it, on attempt 3 of at most 3", id);
            JobRunEntity.update("status = ?1, resultJson = null, reason = ?2 where id = ?3", JobStatus.FAILED.name(),
                    "a chunk of the run failed: chunk 2: its replica (gone-3) stopped while computing it", id);
        });
        given().post("/api/v1/runs/" + id + "/retry").then().statusCode(202);
        Response again = poll(location);
        assertThat(again.jsonPath().getString("status")).as(again.asString()).isEqualTo("OPTIMAL");
        JobChunkEntity chunk2 = QuarkusTransaction.requiringNew().call(() -> JobChunkEntity.<JobChunkEntity>find("runId = ?1 and chunkIndex = 2", id)
                .firstResult());
        assertThat(chunk2.status).isEqualTo(ChunkStore.DONE);
        assertThat(chunk2.attempts).isEqualTo(1);
        assertThat(chunk2.worker).isEqualTo("replica-a");
        assertSameNumbers(json.readTree(given().get(location + "/result").asString()).get("points"), first.get("points"), "points");
    }

    /** A delivery settled by hand (the test calls the replica's chunk listener itself). */
    private static final ClusterQueue.Delivery NO_MESSAGE = new ClusterQueue.Delivery() {
        @Override
        public void ack() {
        }

        @Override
        public void requeue() {
        }
    };

    /**
     * SIGTERM while a chunk outlasts the grace: the stopping replica hands the chunk back (PENDING, queued again), then
     * interrupts its computation. The exception that interrupt raises is no failure of the chunk: it stays PENDING for
     * another replica. (It was marked FAILED by the replica that had just handed it back — failing the whole run, and
     * overwriting the chunk while another replica computed it.) And only the replica that holds a chunk can fail it.
     */
    @Test
    void aChunkHandedBackAtShutdownIsNeverFailedByTheReplicaThatStops() throws Exception {
        java.util.concurrent.CountDownLatch computing = new java.util.concurrent.CountDownLatch(1);
        ChunkedJobHandler slow = new ChunkedJobHandler() {
            @Override
            public String kind() {
                return "CLUSTER_TEST_SLOW";
            }

            @Override
            public JobOutcome run(String inputJson, JobContext ctx) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Split split(String inputJson, JobContext ctx) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Object prepare(String inputJson) {
                return inputJson;
            }

            @Override
            public String runChunk(Object prepared, String chunkInputJson) throws Exception {
                computing.countDown();
                Thread.sleep(120_000); // longer than the grace: the shutdown's interrupt ends it with InterruptedException
                return "\"late\"";
            }

            @Override
            public JobOutcome assemble(String inputJson, Split split, List<String> chunkResults, JobContext ctx) {
                throw new UnsupportedOperationException();
            }
        };
        long run = store.insertRunning("CLUSTER_TEST_SLOW", "{}", "holder-x", Persistence.now().plusSeconds(60), 1);
        chunks.plan(run, List.of("{}"));
        JobRunner b = replica(TestRunners.Settings.of("replica-b", 1).withGrace(1), kind -> slow);
        b.onChunk(run, 0, NO_MESSAGE);
        assertThat(computing.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // The run's cancel keeps the handed-back chunk from this application's own replica (it has no such handler).
        store.cancel(run);
        b.stop();   // grace 1 s: the chunk is handed back, then its computation interrupted
        JobChunkEntity chunk = QuarkusTransaction.requiringNew().call(() -> JobChunkEntity.<JobChunkEntity>find("runId = ?1 and chunkIndex = 0", run)
                .firstResult());
        assertThat(chunk.status).isEqualTo(ChunkStore.PENDING);
        assertThat(chunk.worker).isNull();
        assertThat(chunk.attempts).isZero(); // the start handed back is not counted
        assertThat(chunks.progress(run).failure()).isNull();

        // A replica whose lease passed cannot fail the chunk another replica now holds.
        long other = store.insertRunning("CLUSTER_TEST", "{}", "holder-x", Persistence.now().plusSeconds(60), 1);
        chunks.plan(other, List.of("{}"));
        assertThat(chunks.claim(other, 0, "late-1", 0)).isPresent();
        assertThat(chunks.reclaimExpired(other, 3)).containsExactly(0);
        assertThat(chunks.claim(other, 0, "replica-c", 60)).isPresent();
        assertThat(chunks.fail(other, 0, "late-1", "thrown after its lease passed")).isFalse();
        assertThat(chunks.progress(other).failure()).isNull();
        assertThat(chunks.fail(other, 0, "replica-c", "thrown by its holder")).isTrue();
        assertThat(chunks.progress(other).failure()).isEqualTo("chunk 0: thrown by its holder");
    }

    @Test
    void aChunkWhoseReplicaDiedIsQueuedAgainUntilItsAttemptsAreUsed() {
        long run = store.insertRunning("CLUSTER_TEST", "{}", "replica-a", Persistence.now().plusSeconds(60), 1);
        chunks.plan(run, List.of("{}"));
        // Taken by a replica that then died: a lease of 0 s has passed at once.
        assertThat(chunks.claim(run, 0, "dead-1", 0)).isPresent();
        assertThat(chunks.reclaimExpired(run, 2)).containsExactly(0);
        assertThat(chunks.pending(run)).containsExactly(0);
        assertThat(chunks.claim(run, 0, "dead-2", 0)).isPresent(); // attempt 2 of 2, and that replica dies too
        assertThat(chunks.reclaimExpired(run, 2)).isEmpty();
        ChunkStore.Progress p = chunks.progress(run);
        assertThat(p.failure()).isEqualTo("chunk 0: its replica (dead-2) stopped while computing it, on attempt 2 of at most 2 "
                + "(gridpivot.jobs.max-attempts)");
        // A cancelled run's chunks are not taken.
        long cancelled = store.insertRunning("CLUSTER_TEST", "{}", "replica-a", Persistence.now().plusSeconds(60), 1);
        chunks.plan(cancelled, List.of("{}"));
        store.cancel(cancelled);
        assertThat(chunks.claim(cancelled, 0, "replica-b", 60)).isEmpty();
    }
}
