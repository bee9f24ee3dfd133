package com.gridpivot.jobs;

import com.gridpivot.errors.TooManyRunsException;
import com.gridpivot.persistence.Persistence;
import com.gridpivot.security.CurrentCaller;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.Set;

/**
 * The job table, which is also the queue every replica shares. Every state change is one short transaction with a
 * guarded UPDATE (… WHERE status = expected, and for a held run … AND worker = me), so a cancel and a worker, or two
 * replicas, never both win.
 *
 * <p>A replica takes a QUEUED run with {@link #claimNext}: RUNNING, {@code worker} = the replica, {@code lease_until} =
 * now + the lease, attempts + 1. It renews the lease while the run goes ({@link #renew}); a run whose lease has passed
 * belongs to a replica that died, and {@link #recoverExpired} puts it back in the queue (or ends it FAILED once it has
 * used its attempts). A run held under a live lease is never touched by anyone but its holder.
 */
@ApplicationScoped
public class JobStore {
    static final String SHUTDOWN_REASON = "stopped by a shutdown of the service; POST …/retry to run it again";

    @Inject
    Instance<CurrentCaller> callers;

    @ConfigProperty(name = "gridpivot.limits.queued-runs-per-key", defaultValue = "10")
    int maxQueuedPerCaller;

    /**
     * Writes a QUEUED job; committed before the caller acknowledges it. A key that already has
     * {@code gridpivot.limits.queued-runs-per-key} runs queued or running is refused (429 + Retry-After).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long create(String kind, String inputJson) {
        return create(kind, inputJson, RunTags.NONE);
    }

    /** {@link #create(String, String)} with the run's site name and label. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long create(String kind, String inputJson, RunTags tags) {
        String caller = Arc.container().requestContext().isActive() ? callers.get().name() : "system";
        return create(kind, inputJson, caller, tags);
    }

    /** {@link #create(String, String)} for a caller named here (tests of the fair order between keys). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    long create(String kind, String inputJson, String caller) {
        return create(kind, inputJson, caller, RunTags.NONE);
    }

    private long create(String kind, String inputJson, String caller, RunTags tags) {
        long open = JobRunEntity.count("caller = ?1 and (status = ?2 or status = ?3)", caller, JobStatus.QUEUED.name(), JobStatus.RUNNING.name());
        if (open >= maxQueuedPerCaller) {
            throw new TooManyRunsException("'" + caller + "' has " + open + " runs queued or running; at most " + maxQueuedPerCaller
                    + " are allowed at once. Wait for one to finish, or cancel one (DELETE …/runs/{id}).");
        }
        JobRunEntity e = new JobRunEntity();
        e.caller = caller;
        e.kind = kind;
        e.status = JobStatus.QUEUED.name();
        e.inputJson = inputJson;
        e.siteName = tags.siteName();
        e.label = tags.label();
        e.createdAt = Persistence.now();
        e.persist();
        return e.id;
    }

    @Transactional
    public Optional<JobView> get(long id, boolean withTexts) {
        return JobRunEntity.<JobRunEntity>findByIdOptional(id).map(e -> JobView.of(e, withTexts));
    }

    /**
     * Takes the next QUEUED run for {@code worker}: QUEUED → RUNNING with a lease of {@code leaseSeconds}. Fair between
     * keys: the candidates are each key's oldest QUEUED run, and the key whose last run started longest ago (or never)
     * goes first, so two keys' runs alternate whatever order they were queued in. Each candidate is taken with a guarded
     * update; one that another replica took meanwhile is skipped. Empty when nothing is queued.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> claimNext(String worker, int leaseSeconds) {
        var em = JobRunEntity.getEntityManager();
        List<Object[]> heads = em.createQuery("SELECT j.caller, MIN(j.id) FROM JobRunEntity j WHERE j.status = :q GROUP BY j.caller", Object[].class)
                .setParameter("q", JobStatus.QUEUED.name()).getResultList();
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        Set<String> named = new HashSet<>();
        heads.forEach(h -> {
            if (h[0] != null) {
                named.add((String) h[0]);
            }
        });
        Map<String, Instant> lastStart = new HashMap<>();
        if (!named.isEmpty()) {
            em.createQuery("SELECT j.caller, MAX(j.startedAt) FROM JobRunEntity j WHERE j.caller IN :c AND j.startedAt IS NOT NULL GROUP BY j.caller",
                            Object[].class).setParameter("c", named).getResultList()
                    .forEach(r -> lastStart.put((String) r[0], (Instant) r[1]));
        }
        List<Object[]> order = new ArrayList<>(heads);
        order.sort(Comparator.<Object[], Instant>comparing(h -> h[0] == null ? null : lastStart.get((String) h[0]),
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(h -> (Long) h[1]));
        Instant now = Persistence.now();
        for (Object[] h : order) {
            long id = (Long) h[1];
            int taken = JobRunEntity.update("status = ?1, worker = ?2, leaseUntil = ?3, startedAt = ?4, attempts = attempts + 1, progressPercent = 0 "
                    + "where id = ?5 and status = ?6", JobStatus.RUNNING.name(), worker, now.plusSeconds(leaseSeconds), now, id, JobStatus.QUEUED.name());
            if (taken == 1) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** What a heartbeat learnt about the runs a replica holds. */
    public record Renewal(Set<Long> lost, Set<Long> cancelRequested) {
    }

    /**
     * The heartbeat: extends the lease of the runs {@code worker} still holds; reports those it no longer holds (another
     * replica re-queued them after its lease had passed) and those a cancel reached (from any replica).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Renewal renew(String worker, Collection<Long> ids, int leaseSeconds) {
        if (ids.isEmpty()) {
            return new Renewal(Set.of(), Set.of());
        }
        JobRunEntity.update("leaseUntil = ?1 where id in ?2 and worker = ?3 and status = ?4", Persistence.now().plusSeconds(leaseSeconds), ids,
                worker, JobStatus.RUNNING.name());
        List<Object[]> held = JobRunEntity.getEntityManager()
                .createQuery("SELECT j.id, j.cancelRequested FROM JobRunEntity j WHERE j.id IN :ids AND j.worker = :w AND j.status = :s", Object[].class)
                .setParameter("ids", ids).setParameter("w", worker).setParameter("s", JobStatus.RUNNING.name()).getResultList();
        Set<Long> lost = new HashSet<>(ids);
        Set<Long> cancels = new HashSet<>();
        for (Object[] r : held) {
            lost.remove((Long) r[0]);
            if ((Boolean) r[1]) {
                cancels.add((Long) r[0]);
            }
        }
        return new Renewal(lost, cancels);
    }

    /** How many runs a pass of {@link #recoverExpired} re-queued, failed and cancelled. */
    public record Recovery(int requeued, int failed, int cancelled) {
        public int total() {
            return requeued + failed + cancelled;
        }
    }

    /**
     * Runs left RUNNING by a replica that died (its lease passed, or a row from before leases, which has none): a cancel
     * requested meanwhile ends it CANCELLED; one that has been started {@code maxAttempts} times ends FAILED with the
     * reason (a poison run, which takes its replica down with it, must not take down the next); any other goes back to
     * QUEUED and runs again (attempts counts each start). Runs under a live lease are not touched.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recovery recoverExpired(int maxAttempts) {
        Instant now = Persistence.now();
        String expired = "status = :running and (leaseUntil is null or leaseUntil < :now)";
        int cancelled = JobRunEntity.update("status = :cancelled, reason = :why, finishedAt = :now, leaseUntil = null where " + expired
                        + " and cancelRequested = true",
                io.quarkus.panache.common.Parameters.with("cancelled", JobStatus.CANCELLED.name()).and("why", "cancelled while running; its replica stopped before it ended")
                        .and("now", now).and("running", JobStatus.RUNNING.name()));
        int failed = 0;
        List<JobRunEntity> poison = JobRunEntity.list(expired + " and attempts >= :max",
                io.quarkus.panache.common.Parameters.with("running", JobStatus.RUNNING.name()).and("now", now).and("max", maxAttempts));
        for (JobRunEntity e : poison) {
            e.status = JobStatus.FAILED.name();
            e.reason = "its replica (" + e.worker + ") stopped while running it, on attempt " + e.attempts + " of at most " + maxAttempts
                    + " (gridpivot.jobs.max-attempts); not re-queued again. POST …/retry to run it again";
            e.finishedAt = now;
            e.leaseUntil = null;
            failed++;
        }
        JobRunEntity.flush();
        int requeued = JobRunEntity.update("status = :queued, worker = null, leaseUntil = null, startedAt = null, progressPercent = 0 where " + expired,
                io.quarkus.panache.common.Parameters.with("queued", JobStatus.QUEUED.name()).and("running", JobStatus.RUNNING.name()).and("now", now));
        return new Recovery(requeued, failed, cancelled);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(long id, int percent) {
        JobRunEntity.update("progressPercent = ?1 where id = ?2 and status = ?3", Math.max(0, Math.min(100, percent)), id,
                JobStatus.RUNNING.name());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean cancelRequested(long id) {
        return JobRunEntity.<JobRunEntity>findByIdOptional(id).map(e -> e.cancelRequested).orElse(true);
    }

    /**
     * RUNNING → the outcome's status, or CANCELLED (result discarded) when a cancel was requested meanwhile. Only by the
     * run's holder: a replica whose lease passed (the run was re-queued and maybe taken by another) writes nothing.
     *
     * @return the status stored after the call
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public JobStatus finish(long id, String worker, JobOutcome outcome) {
        JobRunEntity e = JobRunEntity.findById(id);
        if (e == null || !JobStatus.RUNNING.name().equals(e.status) || !worker.equals(e.worker)) {
            return e == null ? JobStatus.FAILED : JobStatus.valueOf(e.status);
        }
        e.finishedAt = Persistence.now();
        e.leaseUntil = null;
        if (e.cancelRequested) {
            e.status = JobStatus.CANCELLED.name();
            e.reason = "cancelled while running; its result was discarded";
            e.resultJson = null;
        } else {
            e.status = outcome.status().name();
            e.resultJson = outcome.resultJson();
            e.reason = outcome.reason() == null || outcome.reason().length() <= 4000 ? outcome.reason() : outcome.reason().substring(0, 4000);
            e.progressPercent = 100;
        }
        return JobStatus.valueOf(e.status);
    }

    /**
     * A graceful shutdown gives a run it holds back: QUEUED for another replica (or the next start), the start not counted
     * as an attempt; CANCELLED instead when a cancel was requested. False when {@code worker} no longer holds it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean handBack(long id, String worker) {
        Instant now = Persistence.now();
        if (JobRunEntity.update("status = ?1, reason = ?2, finishedAt = ?3, leaseUntil = null where id = ?4 and worker = ?5 and status = ?6 "
                        + "and cancelRequested = true", JobStatus.CANCELLED.name(), "cancelled while running; its replica stopped before it ended", now, id,
                worker, JobStatus.RUNNING.name()) == 1) {
            return true;
        }
        return JobRunEntity.update("status = ?1, worker = null, leaseUntil = null, startedAt = null, progressPercent = 0, "
                        + "attempts = case when attempts > 0 then attempts - 1 else 0 end where id = ?2 and worker = ?3 and status = ?4",
                JobStatus.QUEUED.name(), id, worker, JobStatus.RUNNING.name()) == 1;
    }

    /** The test suite's shutdown ({@code gridpivot.jobs.at-shutdown=FAIL}): a held run ends FAILED with the reason. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failStopped(long id, String worker) {
        return JobRunEntity.update("status = ?1, reason = ?2, finishedAt = ?3, leaseUntil = null where id = ?4 and worker = ?5 and status = ?6",
                JobStatus.FAILED.name(), SHUTDOWN_REASON, Persistence.now(), id, worker, JobStatus.RUNNING.name()) == 1;
    }

    /**
     * A cancel: QUEUED → CANCELLED at once (it never starts); RUNNING → cancel requested (its holder, on whichever replica,
     * stops and writes CANCELLED). Returns the job after the change; empty when there is no such job.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<JobView> cancel(long id) {
        JobRunEntity e = JobRunEntity.findById(id);
        if (e == null) {
            return Optional.empty();
        }
        if (JobStatus.QUEUED.name().equals(e.status)) {
            e.status = JobStatus.CANCELLED.name();
            e.reason = "cancelled before it started";
            e.finishedAt = Persistence.now();
        } else if (JobStatus.RUNNING.name().equals(e.status)) {
            e.cancelRequested = true;
        }
        return Optional.of(JobView.of(e, false));
    }

    /**
     * FAILED, CANCELLED or TIMED_OUT → QUEUED again; false for any other status. In the same transaction (before any
     * replica can take the run again) a cluster run's chunks that are not DONE start afresh: PENDING, no attempts, no
     * holder. Without that a run FAILED by a chunk (one that threw, or used its attempts on replicas that died) failed
     * again at once on every retry, its FAILED chunk kept; DONE chunks are kept (same input, same answer).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean requeue(long id) {
        boolean queued = JobRunEntity.update("status = ?1, progressPercent = 0, resultJson = null, reason = null, cancelRequested = false, "
                        + "startedAt = null, finishedAt = null, worker = null, leaseUntil = null where id = ?2 and status in (?3, ?4, ?5)",
                JobStatus.QUEUED.name(), id, JobStatus.FAILED.name(), JobStatus.CANCELLED.name(), JobStatus.TIMED_OUT.name()) == 1;
        if (queued) {
            JobChunkEntity.update("status = ?1, attempts = 0, worker = null, leaseUntil = null, reason = null, finishedAt = null "
                    + "where runId = ?2 and status <> ?3", ChunkStore.PENDING, id, ChunkStore.DONE);
        }
        return queued;
    }

    /** How many runs are QUEUED. */
    @Transactional
    public long queuedCount() {
        return JobRunEntity.count("status", JobStatus.QUEUED.name());
    }

    /** Ids of QUEUED jobs, oldest first. */
    @Transactional
    public List<Long> queued() {
        return JobRunEntity.getEntityManager().createQuery("SELECT j.id FROM JobRunEntity j WHERE j.status = :s ORDER BY j.id", Long.class)
                .setParameter("s", JobStatus.QUEUED.name()).getResultList();
    }

    /**
     * For tests of the recovery: a job left RUNNING as a killed process leaves it, held by a replica that is gone and
     * whose lease has passed, after one attempt.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long insertRunning(String kind, String inputJson) {
        return insertRunning(kind, inputJson, "a replica that died", Persistence.now().minusSeconds(1), 1);
    }

    /** For tests of leases: a RUNNING job held by {@code worker} until {@code leaseUntil}, started {@code attempts} times. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long insertRunning(String kind, String inputJson, String worker, Instant leaseUntil, int attempts) {
        long id = create(kind, inputJson);
        JobRunEntity.update("status = ?1, worker = ?2, leaseUntil = ?3, attempts = ?4, startedAt = ?5 where id = ?6", JobStatus.RUNNING.name(), worker,
                leaseUntil, attempts, Persistence.now(), id);
        return id;
    }
}
