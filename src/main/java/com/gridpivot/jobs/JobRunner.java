package com.gridpivot.jobs;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs jobs on a bounded pool ({@code gridpivot.jobs.workers}). The database is the queue of record, shared by every
 * replica on it: a job is written QUEUED, and a dispatcher thread takes QUEUED runs ({@link JobStore#claimNext}, fair
 * between keys) whenever a worker is free — at once when this replica queued one, otherwise every
 * {@code gridpivot.jobs.poll-ms} — so a second replica on the same database shares the work.
 *
 * <p>A run taken is held under a lease ({@code worker} = this replica, {@code lease_until}) that a heartbeat renews every
 * {@code heartbeat-seconds}. When a replica dies its leases pass, and any replica's {@link #recover} (at start-up and every
 * {@code lease-check-seconds}) re-queues its runs — never a run another live replica holds — until a run has been
 * started {@code max-attempts} times, when it ends FAILED with the reason. A graceful shutdown (SIGTERM) stops taking
 * work, lets running jobs finish for {@code shutdown-grace-seconds}, then hands back what it still holds.
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    /** After the grace: how long interrupted jobs may take to leave OR-Tools' native code before the service goes on. */
    static final int STOP_WAIT_SECONDS = 10;

    @Inject
    JobStore store;

    @Inject
    JobsConfig config;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    Instance<JobHandler> handlers;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    ClusterQueue queue;

    @Inject
    ChunkStore chunks;

    @Inject
    QueueConfig queueConfig;

    /** Cluster mode's chunks: computed on this pool (one thread per chunk slot), held under leases like runs. */
    private ExecutorService chunkPool;
    private final Map<String, long[]> runningChunks = new ConcurrentHashMap<>();
    /** What the chunks of a run need (its problem), built once per run on this replica; the last few runs kept. */
    private final Map<Long, Object> prepared = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Object> eldest) {
            return size() > 4;
        }
    });

    private volatile String workerId;
    private ExecutorService pool;
    private Semaphore slots;
    private Thread dispatcher;
    private ScheduledExecutorService heartbeat;
    private final Object wake = new Object();
    private boolean wakeRequested;
    /** True while the dispatcher takes work. */
    private volatile boolean taking;
    /** Set by {@link #holdQueue}: this replica claims no QUEUED run while it is set. */
    private volatile boolean queueHeld;
    private final Map<Long, Context> running = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent ev) {
        if (clustered()) {
            queue.connect();
        }
        recover();
        if (takesWork()) {
            start();
        }
    }

    /** True in cluster mode (GRIDPIVOT_QUEUE=rabbitmq on a shared database): runs and chunks travel through RabbitMQ. */
    boolean clustered() {
        return queue != null && queue.enabled();
    }

    /** Chunks this replica computes at once in cluster mode: {@code gridpivot.queue.chunk-slots}, or one per core. */
    int chunkSlots() {
        int n = queueConfig == null ? 0 : queueConfig.chunkSlots();
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }

    void onStop(@Observes ShutdownEvent ev) {
        stop();
    }

    /** This replica's name in the runs it holds: {@code gridpivot.jobs.replica-id}, or host name and process id. */
    public String workerId() {
        if (workerId == null) {
            workerId = config.replicaId().filter(s -> !s.isBlank()).map(String::trim).orElseGet(JobRunner::hostAndPid);
        }
        return workerId;
    }

    static String hostAndPid() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    /** True when this replica runs jobs ({@code gridpivot.jobs.role} all or worker). */
    boolean takesWork() {
        String role = config.role().trim().toLowerCase(Locale.ROOT);
        return switch (role) {
            case "all", "worker" -> true;
            case "api" -> false;
            default -> throw new IllegalStateException("gridpivot.jobs.role (GRIDPIVOT_ROLE) is '" + config.role() + "'; it must be all, api or worker");
        };
    }

    /** The workers of this replica: {@code gridpivot.jobs.workers}, or half the cores (at least 1) when it is 0. */
    int workers() {
        return config.workers() > 0 ? config.workers() : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * Holds the queue on this replica: while held it claims no QUEUED run (running ones go on; other replicas still
     * claim). For draining a replica by hand, and for tests that need a stored run to stay QUEUED until they act on it
     * (the dispatcher otherwise claims it within {@code poll-ms}). Releasing wakes the dispatcher.
     */
    public void holdQueue(boolean hold) {
        queueHeld = hold;
        if (!hold) {
            wake();
        }
    }

    /** True while this replica takes work (false once a shutdown began). */
    boolean taking() {
        return taking;
    }

    /** Starts the workers, the dispatcher that feeds them and the lease heartbeat. */
    synchronized void start() {
        if (taking) {
            return;
        }
        int n = workers();
        AtomicInteger k = new AtomicInteger();
        pool = Executors.newFixedThreadPool(n, r -> daemon(r, "gridpivot-job-" + k.incrementAndGet()));
        slots = new Semaphore(n);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "gridpivot-job-lease"));
        heartbeat.scheduleWithFixedDelay(this::renewLeases, config.heartbeatSeconds(), Math.max(1, config.heartbeatSeconds()), TimeUnit.SECONDS);
        taking = true;
        dispatcher = daemon(this::dispatch, "gridpivot-job-dispatcher");
        dispatcher.start();
        if (clustered()) {
            int c = chunkSlots();
            AtomicInteger kc = new AtomicInteger();
            chunkPool = Executors.newFixedThreadPool(c, r -> daemon(r, "gridpivot-chunk-" + kc.incrementAndGet()));
            queue.consume(n, this::onRunWaiting, c, this::onChunk);
            LOG.infof("job runner %s: cluster mode (RabbitMQ): %d worker(s), %d chunk slot(s), lease %d s renewed every %d s", workerId(), n, c,
                    config.leaseSeconds(), config.heartbeatSeconds());
            return;
        }
        LOG.infof("job runner %s: %d worker(s), lease %d s renewed every %d s", workerId(), n, config.leaseSeconds(), config.heartbeatSeconds());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * A graceful stop: takes no more work; lets running jobs finish for {@code shutdown-grace-seconds}; then hands back
     * (QUEUED) what is still held — {@code at-shutdown=FAIL} ends it FAILED instead — and interrupts those jobs' solvers,
     * waiting at most {@link #STOP_WAIT_SECONDS} so no job thread is still inside OR-Tools' native code when the
     * application's classes are released. A handed-back job's own answer is not recorded.
     */
    void stop() {
        Thread d;
        synchronized (this) {
            if (!taking) {
                return;
            }
            taking = false;
            d = dispatcher;
        }
        if (clustered()) {
            queue.stopConsuming();
        }
        // Woken, not interrupted: an interrupt inside H2's file I/O closes the database's file channel.
        wake();
        try {
            d.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdown();
        try {
            if (!running.isEmpty()) {
                LOG.infof("shutting down: %d job(s) running; waiting up to %d s for them to finish", running.size(), config.shutdownGraceSeconds());
            }
            if (!pool.awaitTermination(config.shutdownGraceSeconds(), TimeUnit.SECONDS)) {
                for (Context c : List.copyOf(running.values())) {
                    c.stoppedByShutdown = true;
                    boolean done = config.atShutdown() == JobsConfig.AtShutdown.FAIL ? store.failStopped(c.id, workerId())
                            : store.handBack(c.id, workerId());
                    if (done && config.atShutdown() != JobsConfig.AtShutdown.FAIL) {
                        announceRun();
                    }
                    LOG.infof("job %d %s at shutdown", c.id, !done ? "was no longer held" : config.atShutdown() == JobsConfig.AtShutdown.FAIL
                            ? "marked FAILED" : "handed back (QUEUED) for another replica");
                    c.cancel();
                }
                pool.shutdownNow();
                if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warnf("%d job(s) still running %d s after they were stopped", running.size(), STOP_WAIT_SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopChunks();
            heartbeat.shutdown();
            try {
                heartbeat.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The dispatcher: whenever a worker is free, takes the next QUEUED run; re-queues expired leases now and then. In
     * cluster mode runs come from RabbitMQ ({@link #onRunWaiting}) and the dispatcher only does the checks.
     */
    private void dispatch() {
        long nextLeaseCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.leaseCheckSeconds());
        while (taking) {
            try {
                if (System.nanoTime() - nextLeaseCheck >= 0) {
                    recover();
                    if (clustered()) {
                        requeueStale();
                    }
                    nextLeaseCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.leaseCheckSeconds());
                }
                if (clustered()) {
                    awaitWake(config.pollMs());
                    continue;
                }
                if (!slots.tryAcquire(config.pollMs(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
                Optional<Long> id = taking && !queueHeld ? store.claimNext(workerId(), config.leaseSeconds()) : Optional.empty();
                if (id.isEmpty()) {
                    slots.release();
                    awaitWake(config.pollMs());
                    continue;
                }
                launch(id.get());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "the job dispatcher could not read the queue; trying again in %d ms", config.pollMs());
                try {
                    Thread.sleep(config.pollMs());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void launch(long id) {
        launch(id, () -> {
        });
    }

    /** Runs a claimed run on a worker; {@code done} runs once it ended (cluster mode: acknowledges its message). */
    private void launch(long id, Runnable done) {
        Context ctx = new Context(id);
        running.put(id, ctx);
        try {
            pool.submit(() -> {
                try {
                    execute(ctx);
                } finally {
                    running.remove(id);
                    slots.release();
                    done.run();
                    wake();
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(id);
            slots.release();
            if (store.handBack(id, workerId())) {
                announceRun();
            }
            done.run();
        }
    }

    /**
     * Cluster mode: a message says a run waits. With a worker free (the prefetch keeps deliveries within the workers),
     * claims the next QUEUED run (fair between keys) and acknowledges the message when that run ends; the message is
     * dropped when there is nothing to claim (another replica took it), given back while the queue is held here.
     */
    void onRunWaiting(ClusterQueue.Delivery d) {
        try {
            if (!taking || queueHeld) {
                Thread.sleep(queueHeld ? config.pollMs() : 0);
                d.requeue();
                return;
            }
            if (!slots.tryAcquire(config.pollMs(), TimeUnit.MILLISECONDS)) {
                d.requeue();
                return;
            }
            Optional<Long> id = store.claimNext(workerId(), config.leaseSeconds());
            if (id.isEmpty()) {
                slots.release();
                d.ack();
                return;
            }
            launch(id.get(), d::ack);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            d.requeue();
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not take a run from the cluster queue; the message goes back");
            d.requeue();
        }
    }

    /**
     * Cluster mode's safety net, every lease check: when fewer messages wait than runs are QUEUED (a publish was lost),
     * the missing ones are published.
     */
    private void requeueStale() {
        long missing = store.queuedCount() - queue.depth(ClusterQueue.RUNS);
        for (long k = 0; k < missing; k++) {
            announceRun();
        }
    }

    /** Says that a run waits (cluster mode: a message on the runs queue; otherwise nothing: the dispatcher polls). */
    private void announceRun() {
        if (queue != null) {
            queue.runWaiting();
        }
    }

    /** Cluster mode: a chunk is delivered; computed on a chunk slot, acknowledged once stored (or found done or held). */
    void onChunk(long runId, int index, ClusterQueue.Delivery d) {
        try {
            chunkPool.submit(() -> computeChunk(runId, index, d));
        } catch (RejectedExecutionException e) {
            d.requeue();
        }
    }

    private void computeChunk(long runId, int index, ClusterQueue.Delivery d) {
        String key = runId + ":" + index;
        try {
            if (!taking) {
                d.requeue();
                return;
            }
            Optional<String> input = chunks.claim(runId, index, workerId(), config.leaseSeconds());
            if (input.isEmpty()) {
                d.ack();
                return;
            }
            runningChunks.put(key, new long[] {runId, index});
            try {
                Object ready = prepared.get(runId);
                JobView job = null;
                if (ready == null) {
                    job = store.get(runId, true).orElseThrow();
                }
                ChunkedJobHandler h = (ChunkedJobHandler) handler(job != null ? job.kind() : kindOf(runId));
                if (ready == null) {
                    ready = h.prepare(job.inputJson());
                    prepared.put(runId, ready);
                }
                String result = h.runChunk(ready, input.get());
                chunks.complete(runId, index, workerId(), result);
            } catch (Exception | Error e) {
                if (!taking) {
                    // A shutdown: the chunk goes back to the queue — stopChunks may have handed it back already and then
                    // interrupted this computation; an exception under that interrupt says nothing about the chunk.
                    if (chunks.release(runId, index, workerId())) {
                        queue.chunk(runId, index);
                    }
                } else {
                    String ref = java.util.UUID.randomUUID().toString();
                    LOG.errorf(e, "chunk %d of run %d failed (error id %s)", index, runId, ref);
                    chunks.fail(runId, index, workerId(), "the chunk failed; quote error id " + ref);
                }
            } finally {
                runningChunks.remove(key);
            }
            d.ack();
        } catch (RuntimeException e) {
            LOG.errorf(e, "chunk %d of run %d could not be taken or recorded; the message goes back", index, runId);
            d.requeue();
        }
    }

    /** The kind of the runs whose chunks came here lately (a run's kind never changes); the last 64 kept, not every run ever. */
    private final Map<Long, String> kinds = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > 64;
        }
    });

    private String kindOf(long runId) {
        String kind = kinds.get(runId);
        if (kind == null) {
            kind = store.get(runId, false).orElseThrow().kind();
            kinds.put(runId, kind);
        }
        return kind;
    }

    /** Shutdown of the chunk slots: chunks finish within the grace; those still going are handed back and queued again. */
    private void stopChunks() {
        if (chunkPool == null) {
            return;
        }
        chunkPool.shutdown();
        try {
            if (!chunkPool.awaitTermination(config.shutdownGraceSeconds(), TimeUnit.SECONDS)) {
                for (long[] c : List.copyOf(runningChunks.values())) {
                    if (chunks.release(c[0], (int) c[1], workerId())) {
                        queue.chunk(c[0], (int) c[1]);
                        LOG.infof("chunk %d of run %d handed back at shutdown", c[1], c[0]);
                    }
                }
                chunkPool.shutdownNow();
                chunkPool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.close();
    }

    private void awaitWake(long ms) throws InterruptedException {
        synchronized (wake) {
            if (!wakeRequested) {
                wake.wait(ms);
            }
            wakeRequested = false;
        }
    }

    /** Tells the dispatcher to look at the queue now. */
    private void wake() {
        synchronized (wake) {
            wakeRequested = true;
            wake.notifyAll();
        }
    }

    /** The heartbeat: renews the leases held; stops a job another replica took over or a cancel reached. */
    private void renewLeases() {
        try {
            if (!runningChunks.isEmpty()) {
                chunks.renew(workerId(), List.copyOf(runningChunks.values()), config.leaseSeconds());
            }
            JobStore.Renewal r = store.renew(workerId(), List.copyOf(running.keySet()), config.leaseSeconds());
            for (long id : r.lost()) {
                Context c = running.get(id);
                // A run this replica handed back at shutdown is no longer held either: that is not a lost lease.
                if (c != null && !c.finished && !c.stoppedByShutdown) {
                    LOG.warnf("job %d: this replica's lease had passed and the run was re-queued; stopping it here", id);
                    c.cancel();
                }
            }
            for (long id : r.cancelRequested()) {
                Context c = running.get(id);
                if (c != null) {
                    c.cancel();
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not renew the leases of %d job(s); retrying in %d s", running.size(), config.heartbeatSeconds());
        }
    }

    /**
     * Re-queues the runs of replicas that died (their lease passed), or ends them FAILED after
     * {@code gridpivot.jobs.max-attempts} starts; never touches a run under a live lease. Runs at start-up and every
     * {@code lease-check-seconds}.
     */
    public void recover() {
        JobStore.Recovery r = store.recoverExpired(config.maxAttempts());
        if (r.total() > 0) {
            LOG.warnf("runs of replicas that stopped (lease passed): %d re-queued, %d FAILED after %d attempts, %d CANCELLED", r.requeued(),
                    r.failed(), config.maxAttempts(), r.cancelled());
        }
        for (int k = 0; k < r.requeued(); k++) {
            announceRun();
        }
        wake();
    }

    /**
     * Stores a QUEUED job of this kind with its complete input (written as JSON, the snapshot a retry or a restart runs
     * again) and wakes the dispatcher. Returns the job as stored, read before a worker can have started it, so a 202
     * always shows QUEUED.
     */
    public JobView enqueue(String kind, Object input) {
        return enqueue(kind, input, RunTags.NONE);
    }

    /** {@link #enqueue(String, Object)} with the run's site name and label, stored beside it for lists. */
    public JobView enqueue(String kind, Object input, RunTags tags) {
        long id = store.create(kind, toJson(input), tags);
        JobView queued = store.get(id, false).orElseThrow();
        submit(id);
        return queued;
    }

    /** A job's input or result as stored: JSON by the application's ObjectMapper. */
    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A stored QUEUED job is waiting: the dispatcher looks at the queue now (any replica may take it). */
    public void submit(long id) {
        announceRun();
        wake();
    }

    /** Cancels a job; a running one is interrupted (here at once, on another replica at its next heartbeat). */
    public Optional<JobView> cancel(long id) {
        var view = store.cancel(id);
        Context c = running.get(id);
        if (c != null && view.isPresent() && view.get().cancelRequested()) {
            c.cancel();
        }
        return view;
    }

    /** FAILED/CANCELLED/TIMED_OUT → QUEUED and the dispatcher woken; false for other states. */
    public boolean retry(long id) {
        if (!store.requeue(id)) {
            return false;
        }
        submit(id);
        return true;
    }

    private void execute(Context ctx) {
        long id = ctx.id;
        try {
            JobView job = store.get(id, true).orElseThrow();
            JobHandler handler = handler(job.kind());
            JobOutcome outcome;
            if (handler == null) {
                outcome = new JobOutcome(JobStatus.FAILED, null, "no handler for jobs of kind " + job.kind());
            } else {
                try {
                    outcome = clustered() && handler instanceof ChunkedJobHandler chunked ? coordinate(chunked, job, ctx)
                            : handler.run(job.inputJson(), ctx);
                } catch (java.util.concurrent.CancellationException e) {
                    outcome = new JobOutcome(JobStatus.CANCELLED, null, "cancelled while running");
                } catch (Exception | Error e) {
                    if (ctx.stoppedByShutdown) {
                        return;
                    }
                    String ref = java.util.UUID.randomUUID().toString();
                    LOG.errorf(e, "job %d failed (error id %s)", id, ref);
                    outcome = new JobOutcome(JobStatus.FAILED, null, "the job failed; quote error id " + ref);
                }
            }
            ctx.finished = true;
            if (ctx.stoppedByShutdown) {
                LOG.infof("job %d was stopped by the shutdown; its answer is not recorded", id);
                return;
            }
            JobStatus recorded = store.finish(id, workerId(), outcome);
            metrics.counter("gridpivot.jobs.finished", "kind", job.kind(), "status", recorded.name()).increment();
            metrics.timer("gridpivot.jobs.duration", "kind", job.kind())
                    .record(java.time.Duration.between(job.startedAt() == null ? job.createdAt() : job.startedAt(), java.time.Instant.now()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %d could not be recorded", id);
        }
    }

    /**
     * Cluster mode: the run's holder splits it, stores and queues its chunks (any replica computes them, this one too), waits
     * while they land — re-queueing those whose replica died, failing the run when a chunk failed or used its attempts —
     * and assembles the answer from the results once the last one is stored. A holder that takes over a run keeps the
     * chunks already done.
     */
    private JobOutcome coordinate(ChunkedJobHandler h, JobView job, Context ctx) throws Exception {
        long id = job.id();
        ChunkedJobHandler.Split split = h.split(job.inputJson(), ctx);
        List<Integer> open = chunks.plan(id, split.chunkInputs());
        open.forEach(k -> queue.chunk(id, k));
        int total = split.chunkInputs().size();
        long nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.leaseCheckSeconds());
        int lastDone = -1;
        long lastMove = System.nanoTime();
        while (true) {
            ChunkStore.Progress p = chunks.progress(id);
            if (p.failure() != null) {
                return new JobOutcome(JobStatus.FAILED, null, "a chunk of the run failed: " + p.failure());
            }
            if (p.complete()) {
                break;
            }
            if (ctx.cancelled()) {
                return new JobOutcome(JobStatus.CANCELLED, null, "cancelled after " + p.done() + " of " + total + " chunks");
            }
            if (p.done() != lastDone) {
                lastDone = p.done();
                lastMove = System.nanoTime();
                ctx.progress(10 + (int) (85L * p.done() / total));
            }
            if (System.nanoTime() - nextCheck >= 0) {
                chunks.reclaimExpired(id, config.maxAttempts()).forEach(k -> queue.chunk(id, k));
                // Nothing moved for a while: queue the PENDING chunks again (a message lost is found; duplicates are dropped).
                if (System.nanoTime() - lastMove > TimeUnit.SECONDS.toNanos(2L * config.leaseCheckSeconds())) {
                    chunks.pending(id).forEach(k -> queue.chunk(id, k));
                    lastMove = System.nanoTime();
                }
                nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.leaseCheckSeconds());
            }
            Thread.sleep(100);
        }
        return h.assemble(job.inputJson(), split, chunks.results(id), ctx);
    }

    /** The handler of a kind of job; null when there is none. */
    JobHandler handler(String kind) {
        Map<String, JobHandler> byKind = new HashMap<>();
        for (JobHandler h : handlers) {
            byKind.put(h.kind(), h);
        }
        return byKind.get(kind);
    }

    private final class Context implements JobContext {
        private final long id;
        private volatile boolean cancelled;
        /** Set when the shutdown handed the run back (or failed it): the job's own answer is not recorded. */
        volatile boolean stoppedByShutdown;
        /** Set once the handler answered. */
        volatile boolean finished;
        private Runnable interrupt;

        Context(long id) {
            this.id = id;
        }

        @Override
        public long jobId() {
            return id;
        }

        @Override
        public void progress(int percent) {
            store.progress(id, percent);
        }

        @Override
        public boolean cancelled() {
            return cancelled || store.cancelRequested(id);
        }

        @Override
        public synchronized void onCancel(Runnable interrupt) {
            this.interrupt = interrupt;
        }

        synchronized void cancel() {
            cancelled = true;
            if (interrupt != null) {
                interrupt.run();
                interrupt = null;
            }
        }
    }
}
