package com.gridpivot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.persistence.Persistence;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several replicas on one database, each a {@link JobRunner} with its own replica id (the application's own runner only
 * queues here: role api). Leases: a run another live replica holds is never touched, a dead replica's run runs again,
 * a poison run stops after its attempts; two replicas take disjoint runs; a graceful stop hands back what it holds;
 * keys take turns.
 */
@QuarkusTest
@TestProfile(JobLeaseTest.ApiRole.class)
class JobLeaseTest {
    public static class ApiRole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gridpivot.jobs.role", "api");
        }
    }

    static final String KIND = "LEASE_TEST";

    @Inject
    JobStore store;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    private final List<JobRunner> started = new ArrayList<>();

    /** Runs of earlier test classes on this in-memory database must not be taken by these runners, nor these by later ones. */
    @BeforeEach
    @AfterEach
    void closeOpenRuns() {
        started.forEach(JobRunner::stop);
        started.clear();
        QuarkusTransaction.requiringNew().run(() -> JobRunEntity.update("status = ?1, reason = ?2, leaseUntil = null where status in (?3, ?4)",
                JobStatus.CANCELLED.name(), "closed by JobLeaseTest", JobStatus.QUEUED.name(), JobStatus.RUNNING.name()));
    }

    /** A handler that answers OPTIMAL with the replica's name, after {@code body} (given the input and the context). */
    static JobHandler handler(String replica, Body body) {
        return new JobHandler() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public JobOutcome run(String inputJson, JobContext context) throws Exception {
                body.run(inputJson, context);
                return new JobOutcome(JobStatus.OPTIMAL, "{\"ranBy\": \"" + replica + "\"}", null);
            }
        };
    }

    interface Body {
        void run(String inputJson, JobContext context) throws Exception;
    }

    private JobRunner runner(TestRunners.Settings settings, Body body) {
        JobHandler h = handler(settings.name(), body);
        Function<String, JobHandler> byKind = k -> KIND.equals(k) ? h : null;
        return TestRunners.runner(store, metrics, json, settings, byKind);
    }

    private JobRunner start(JobRunner r) {
        started.add(r);
        r.start();
        return r;
    }

    private JobView awaitEnd(long id) throws InterruptedException {
        for (int k = 0; k < 1200; k++) {
            JobView v = store.get(id, true).orElseThrow();
            if (v.status().terminal()) {
                return v;
            }
            Thread.sleep(50);
        }
        return store.get(id, true).orElseThrow();
    }

    private Instant leaseOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> JobRunEntity.<JobRunEntity>findById(id).leaseUntil);
    }

    @Test
    void aLiveReplicasRunIsNotTouchedAndADeadReplicasRunRunsAgain() throws Exception {
        java.time.Instant liveLease = Persistence.now().plusSeconds(60);
        long live = store.insertRunning(KIND, "{}", "replica-B", liveLease, 1);
        long dead = store.insertRunning(KIND, "{}", "replica-dead", Persistence.now().minusSeconds(1), 1);
        JobRunner a = runner(TestRunners.Settings.of("replica-A", 1), (in, ctx) -> {
        });

        a.recover(); // replica A starts while B is computing 'live'

        JobView l = store.get(live, false).orElseThrow();
        assertThat(l.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(l.worker()).isEqualTo("replica-B");
        assertThat(l.attempts()).isEqualTo(1);
        assertThat(leaseOf(live)).isEqualTo(liveLease);
        JobView d = store.get(dead, false).orElseThrow();
        assertThat(d.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(d.worker()).isNull();
        assertThat(d.attempts()).isEqualTo(1);

        start(a);
        JobView done = awaitEnd(dead);
        assertThat(done.status()).isEqualTo(JobStatus.OPTIMAL);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.worker()).isEqualTo("replica-A");
        assertThat(done.resultJson()).isEqualTo("{\"ranBy\": \"replica-A\"}");
        assertThat(store.get(live, false).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(store.get(live, false).orElseThrow().worker()).isEqualTo("replica-B");
    }

    @Test
    void aRunWhoseReplicaDiedOnEveryAttemptEndsFailedWithTheReason() {
        long poison = store.insertRunning(KIND, "{}", "replica-dead", Persistence.now().minusSeconds(1), 3);
        long second = store.insertRunning(KIND, "{}", "replica-dead", Persistence.now().minusSeconds(1), 2);
        JobRunner a = runner(TestRunners.Settings.of("replica-A", 1), (in, ctx) -> {
        });

        a.recover();

        JobView p = store.get(poison, false).orElseThrow();
        assertThat(p.status()).isEqualTo(JobStatus.FAILED);
        assertThat(p.reason()).isEqualTo("its replica (replica-dead) stopped while running it, on attempt 3 of at most 3 "
                + "(gridpivot.jobs.max-attempts); not re-queued again. POST …/retry to run it again");
        assertThat(p.finishedAt()).isNotNull();
        assertThat(p.attempts()).isEqualTo(3);
        assertThat(store.get(second, false).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void twoReplicasOnOneDatabaseTakeDisjointRuns() throws Exception {
        String caller = "disjoint " + UUID.randomUUID();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(store.create(KIND, "{}", caller));
        }
        Map<Long, List<String>> ranBy = new ConcurrentHashMap<>();
        CountDownLatch fourAtOnce = new CountDownLatch(4);
        List<String> problems = new CopyOnWriteArrayList<>();
        Function<String, Body> body = replica -> (in, ctx) -> {
            ranBy.computeIfAbsent(ctx.jobId(), k -> new CopyOnWriteArrayList<>()).add(replica);
            fourAtOnce.countDown();
            if (!fourAtOnce.await(60, TimeUnit.SECONDS)) {
                problems.add("four runs were never running at once");
            }
        };
        start(runner(TestRunners.Settings.of("replica-A", 2), body.apply("replica-A")));
        start(runner(TestRunners.Settings.of("replica-B", 2), body.apply("replica-B")));

        List<String> workers = new ArrayList<>();
        for (long id : ids) {
            JobView v = awaitEnd(id);
            assertThat(v.status()).isEqualTo(JobStatus.OPTIMAL);
            assertThat(v.attempts()).isEqualTo(1);
            assertThat(ranBy.get(id)).containsExactly(v.worker()); // run once, by the replica the row names
            workers.add(v.worker());
        }
        assertThat(problems).isEmpty();
        // Each replica has two workers and four runs were running at once: both took work.
        assertThat(Collections.frequency(workers, "replica-A")).isGreaterThanOrEqualTo(2);
        assertThat(Collections.frequency(workers, "replica-B")).isGreaterThanOrEqualTo(2);
        assertThat(workers).hasSize(6);
    }

    @Test
    void aGracefulStopFinishesWhatItCanAndHandsBackTheRest() throws Exception {
        String caller = "stop " + UUID.randomUUID();
        long first = store.create(KIND, "{}", caller);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobRunner a = start(runner(TestRunners.Settings.of("replica-A", 1).withGrace(60), (in, ctx) -> {
            entered.countDown();
            release.await(60, TimeUnit.SECONDS);
        }));
        assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
        long second = store.create(KIND, "{}", caller);

        // SIGTERM: A stops taking work; its running job may finish within the grace.
        Thread stopping = new Thread(a::stop);
        stopping.start();
        while (a.taking()) {
            Thread.sleep(10);
        }
        release.countDown();
        stopping.join();
        JobView f = store.get(first, false).orElseThrow();
        assertThat(f.status()).isEqualTo(JobStatus.OPTIMAL);
        assertThat(f.worker()).isEqualTo("replica-A");
        assertThat(store.get(second, false).orElseThrow().status()).isEqualTo(JobStatus.QUEUED); // A took no more

        // B takes the second run and is stopped with no grace while its job goes on: the run is handed back.
        CountDownLatch bEntered = new CountDownLatch(1);
        JobRunner b = start(runner(TestRunners.Settings.of("replica-B", 1).withGrace(0), (in, ctx) -> {
            bEntered.countDown();
            while (!ctx.cancelled()) {
                Thread.sleep(10);
            }
            throw new java.util.concurrent.CancellationException();
        }));
        assertThat(bEntered.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(store.get(second, false).orElseThrow().worker()).isEqualTo("replica-B");
        b.stop();
        JobView back = store.get(second, false).orElseThrow();
        assertThat(back.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(back.worker()).isNull();
        assertThat(back.attempts()).isZero(); // a hand-back is not an attempt
        assertThat(back.cancelRequested()).isFalse();

        // C, a live replica, runs it to the end.
        start(runner(TestRunners.Settings.of("replica-C", 1), (in, ctx) -> {
        }));
        JobView done = awaitEnd(second);
        assertThat(done.status()).isEqualTo(JobStatus.OPTIMAL);
        assertThat(done.worker()).isEqualTo("replica-C");
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.resultJson()).isEqualTo("{\"ranBy\": \"replica-C\"}");
    }

    @Test
    void twoKeysTakeTurnsWhateverOrderTheyQueuedIn() throws Exception {
        String a = "fair a " + UUID.randomUUID();
        String b = "fair b " + UUID.randomUUID();
        List<Long> ids = new ArrayList<>();
        for (String name : List.of("a1", "a2", "a3")) {
            ids.add(store.create(KIND, "\"" + name + "\"", a));
        }
        for (String name : List.of("b1", "b2", "b3")) {
            ids.add(store.create(KIND, "\"" + name + "\"", b));
        }
        List<String> order = new CopyOnWriteArrayList<>();
        start(runner(TestRunners.Settings.of("replica-A", 1), (in, ctx) -> order.add(in.replace("\"", ""))));
        for (long id : ids) {
            assertThat(awaitEnd(id).status()).isEqualTo(JobStatus.OPTIMAL);
        }
        assertThat(order).containsExactly("a1", "b1", "a2", "b2", "a3", "b3");
    }
}
