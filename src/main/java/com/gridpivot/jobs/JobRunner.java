package com.gridpivot.jobs;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs jobs on a bounded pool ({@code gridpivot.jobs.workers}). The database is the queue of record: a job is written
 * QUEUED before it is submitted here, claimed with a guarded update, and finished with one. At start-up, jobs left RUNNING
 * by a previous process are marked FAILED ("interrupted by a restart", retry re-runs them) and QUEUED ones are submitted.
 */
@ApplicationScoped
public class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class);

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

    private ExecutorService pool;
    /** Set at shutdown: running jobs are stopped and left RUNNING for the next start to mark FAILED ("interrupted by a restart"). */
    private volatile boolean stopping;
    private final Map<Long, Context> running = new ConcurrentHashMap<>();

    synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(Math.max(1, config.workers()), r -> {
                Thread t = new Thread(r, "gridpivot-job-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    void onStart(@Observes StartupEvent ev) {
        recover();
    }

    /**
     * Stops running jobs before the service goes: their solvers are interrupted and the workers are awaited (at most
     * {@link #STOP_WAIT_SECONDS}), so no job thread is still inside OR-Tools' native code when the application's classes
     * are released. A stopped job is not recorded: it stays RUNNING, and the next start marks it FAILED, as after a crash.
     */
    void onStop(@Observes ShutdownEvent ev) {
        stopping = true;
        running.values().forEach(Context::cancel);
        ExecutorService p;
        synchronized (this) {
            p = pool;
        }
        if (p != null) {
            p.shutdownNow();
            try {
                if (!p.awaitTermination(STOP_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                    LOG.warnf("%d job(s) still running %d s after shutdown began", running.size(), STOP_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final int STOP_WAIT_SECONDS = 10;

    /** Marks jobs interrupted by a restart and re-submits queued ones. */
    public void recover() {
        int failed = store.failInterrupted();
        if (failed > 0) {
            LOG.warnf("%d job(s) were RUNNING when the service stopped; marked FAILED (retry re-runs them)", failed);
        }
        for (long id : store.queued()) {
            submit(id);
        }
    }

    /**
     * Stores a QUEUED job of this kind with its complete input (written as JSON, the snapshot a retry or a restart runs
     * again) and hands it to a worker. Returns the job as stored, read before a worker can have started it, so a 202
     * always shows QUEUED.
     */
    public JobView enqueue(String kind, Object input) {
        long id = store.create(kind, toJson(input));
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

    /** Queues a stored QUEUED job for a worker. */
    public void submit(long id) {
        try {
            pool().submit(() -> execute(id));
        } catch (RejectedExecutionException e) {
            LOG.warnf("job %d stays QUEUED: the pool is shut down", id);
        }
    }

    /** Cancels a job; a running one is interrupted. Empty when there is no such job. */
    public java.util.Optional<JobView> cancel(long id) {
        var view = store.cancel(id);
        Context c = running.get(id);
        if (c != null && view.isPresent() && view.get().cancelRequested()) {
            c.cancel();
        }
        return view;
    }

    /** FAILED/CANCELLED/TIMED_OUT → QUEUED and submitted; false for other states. */
    public boolean retry(long id) {
        if (!store.requeue(id)) {
            return false;
        }
        submit(id);
        return true;
    }

    private void execute(long id) {
        if (stopping || !store.claim(id)) {
            return; // cancelled while queued, or already taken
        }
        Context ctx = new Context(id);
        running.put(id, ctx);
        try {
            JobView job = store.get(id, true).orElseThrow();
            JobHandler handler = handler(job.kind());
            JobOutcome outcome;
            if (handler == null) {
                outcome = new JobOutcome(JobStatus.FAILED, null, "no handler for jobs of kind " + job.kind());
            } else {
                try {
                    outcome = handler.run(job.inputJson(), ctx);
                } catch (java.util.concurrent.CancellationException e) {
                    outcome = new JobOutcome(JobStatus.CANCELLED, null, "cancelled while running");
                } catch (Exception | Error e) {
                    String ref = java.util.UUID.randomUUID().toString();
                    LOG.errorf(e, "job %d failed (error id %s)", id, ref);
                    outcome = new JobOutcome(JobStatus.FAILED, null, "the job failed; quote error id " + ref);
                }
            }
            if (stopping) {
                LOG.infof("job %d stopped by the shutdown; the next start marks it FAILED (retry re-runs it)", id);
                return;
            }
            JobStatus recorded = store.finish(id, outcome);
            metrics.counter("gridpivot.jobs.finished", "kind", job.kind(), "status", recorded.name()).increment();
            metrics.timer("gridpivot.jobs.duration", "kind", job.kind())
                    .record(java.time.Duration.between(job.startedAt() == null ? job.createdAt() : job.startedAt(), java.time.Instant.now()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %d could not be recorded", id);
        } finally {
            running.remove(id);
        }
    }

    private JobHandler handler(String kind) {
        Map<String, JobHandler> byKind = new HashMap<>();
        for (JobHandler h : handlers) {
            byKind.put(h.kind(), h);
        }
        return byKind.get(kind);
    }

    private final class Context implements JobContext {
        private final long id;
        private volatile boolean cancelled;
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
