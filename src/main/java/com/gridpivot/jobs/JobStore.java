package com.gridpivot.jobs;

import com.gridpivot.errors.TooManyRunsException;
import com.gridpivot.persistence.Persistence;
import com.gridpivot.security.CurrentCaller;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The job table. Every state change is one short transaction with a guarded UPDATE (… WHERE status = expected), so a
 * cancel and a worker never both win.
 */
@ApplicationScoped
public class JobStore {
    static final String RESTART_REASON = "interrupted by a restart of the service; POST …/retry to run it again";

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
        String caller = Arc.container().requestContext().isActive() ? callers.get().name() : "system";
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
        e.createdAt = Persistence.now();
        e.persist();
        return e.id;
    }

    @Transactional
    public Optional<JobView> get(long id, boolean withTexts) {
        return JobRunEntity.<JobRunEntity>findByIdOptional(id).map(e -> JobView.of(e, withTexts));
    }

    /** QUEUED → RUNNING; false when the job is no longer queued (cancelled, or taken). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(long id) {
        return JobRunEntity.update("status = ?1, startedAt = ?2, attempts = attempts + 1, progressPercent = 0 where id = ?3 and status = ?4",
                JobStatus.RUNNING.name(), Persistence.now(), id, JobStatus.QUEUED.name()) == 1;
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
     * RUNNING → the outcome's status, or CANCELLED (result discarded) when a cancel was requested meanwhile.
     *
     * @return the status written
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public JobStatus finish(long id, JobOutcome outcome) {
        JobRunEntity e = JobRunEntity.findById(id);
        if (e == null || !JobStatus.RUNNING.name().equals(e.status)) {
            return e == null ? JobStatus.FAILED : JobStatus.valueOf(e.status);
        }
        e.finishedAt = Persistence.now();
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
     * A cancel: QUEUED → CANCELLED at once (it never starts); RUNNING → cancel requested (the worker stops and writes
     * CANCELLED). Returns the job after the change; empty when there is no such job.
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

    /** FAILED, CANCELLED or TIMED_OUT → QUEUED again; false for any other status. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean requeue(long id) {
        return JobRunEntity.update("status = ?1, progressPercent = 0, resultJson = null, reason = null, cancelRequested = false, "
                        + "startedAt = null, finishedAt = null where id = ?2 and status in (?3, ?4, ?5)",
                JobStatus.QUEUED.name(), id, JobStatus.FAILED.name(), JobStatus.CANCELLED.name(), JobStatus.TIMED_OUT.name()) == 1;
    }

    /** At start-up: every RUNNING job was interrupted by the restart → FAILED with a reason. Returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int failInterrupted() {
        return JobRunEntity.update("status = ?1, reason = ?2, finishedAt = ?3 where status = ?4", JobStatus.FAILED.name(), RESTART_REASON,
                Persistence.now(), JobStatus.RUNNING.name());
    }

    /** Ids of QUEUED jobs, oldest first (re-submitted at start-up). */
    @Transactional
    public List<Long> queued() {
        return JobRunEntity.getEntityManager().createQuery("SELECT j.id FROM JobRunEntity j WHERE j.status = :s ORDER BY j.id", Long.class)
                .setParameter("s", JobStatus.QUEUED.name()).getResultList();
    }

    /** For tests of the restart recovery: a job left RUNNING as a killed process would leave it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long insertRunning(String kind, String inputJson) {
        long id = create(kind, inputJson);
        claim(id);
        return id;
    }
}
