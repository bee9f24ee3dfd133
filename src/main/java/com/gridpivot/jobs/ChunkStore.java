package com.gridpivot.jobs;

import com.gridpivot.persistence.Persistence;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The chunks of runs split for the cluster (table {@code job_chunk}), PENDING → RUNNING (held by a replica under a lease)
 * → DONE (result stored) or FAILED. Every write is guarded, so a chunk delivered twice (at-least-once) is stored once:
 * only the first DONE write lands, and a replica whose lease passed writes nothing over another's result.
 */
@ApplicationScoped
public class ChunkStore {
    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    /**
     * Stores the chunks of a run that are not stored yet (a replica resuming a run keeps those already there, done or
     * not). Returns the indexes of the chunks not DONE, to queue.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Integer> plan(long runId, List<String> inputs) {
        Set<Integer> have = new HashSet<>(JobChunkEntity.getEntityManager()
                .createQuery("SELECT c.chunkIndex FROM JobChunkEntity c WHERE c.runId = :r", Integer.class).setParameter("r", runId).getResultList());
        for (int k = 0; k < inputs.size(); k++) {
            if (!have.contains(k)) {
                JobChunkEntity e = new JobChunkEntity();
                e.runId = runId;
                e.chunkIndex = k;
                e.status = PENDING;
                e.inputJson = inputs.get(k);
                e.persist();
            }
        }
        JobChunkEntity.flush();
        return JobChunkEntity.getEntityManager()
                .createQuery("SELECT c.chunkIndex FROM JobChunkEntity c WHERE c.runId = :r AND c.status <> :d ORDER BY c.chunkIndex", Integer.class)
                .setParameter("r", runId).setParameter("d", DONE).getResultList();
    }

    /**
     * Takes a chunk for {@code worker}: PENDING (or RUNNING under a lease that passed) → RUNNING, attempts + 1, while its
     * run is RUNNING and no cancel was asked. Empty when the chunk is done, held by a live replica, or its run is over:
     * the delivery is then dropped.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> claim(long runId, int index, String worker, int leaseSeconds) {
        Instant now = Persistence.now();
        int taken = JobChunkEntity.update("status = :running, worker = :w, leaseUntil = :until, attempts = attempts + 1 "
                        + "where runId = :r and chunkIndex = :i and (status = :pending or (status = :running and leaseUntil < :now)) "
                        + "and exists (select j.id from JobRunEntity j where j.id = :r and j.status = :runRunning and j.cancelRequested = false)",
                Parameters.with("running", RUNNING).and("w", worker).and("until", now.plusSeconds(leaseSeconds)).and("r", runId).and("i", index)
                        .and("pending", PENDING).and("now", now).and("runRunning", JobStatus.RUNNING.name()));
        if (taken == 0) {
            return Optional.empty();
        }
        return JobChunkEntity.<JobChunkEntity>find("runId = ?1 and chunkIndex = ?2", runId, index).firstResultOptional().map(c -> c.inputJson);
    }

    /** Stores a chunk's result: true when this write landed (the first DONE write of the chunk); false when it was already done. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean complete(long runId, int index, String worker, String resultJson) {
        return JobChunkEntity.update("status = :done, resultJson = :res, worker = :w, leaseUntil = null, finishedAt = :now "
                        + "where runId = :r and chunkIndex = :i and status <> :done and status <> :failed",
                Parameters.with("done", DONE).and("res", resultJson).and("w", worker).and("now", Persistence.now()).and("r", runId).and("i", index)
                        .and("failed", FAILED)) == 1;
    }

    /**
     * A chunk whose computation threw: FAILED with the reason (its run then ends FAILED) — only by the replica that holds
     * it. A replica that handed the chunk back (a shutdown) or whose lease passed must not fail a chunk that is PENDING
     * again or that another replica computes: that would fail the whole run. False when {@code worker} did not hold it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean fail(long runId, int index, String worker, String reason) {
        return JobChunkEntity.update("status = :failed, reason = :why, leaseUntil = null, finishedAt = :now "
                        + "where runId = :r and chunkIndex = :i and status = :running and worker = :w",
                Parameters.with("failed", FAILED).and("why", reason.length() <= 4000 ? reason : reason.substring(0, 4000)).and("w", worker)
                        .and("now", Persistence.now()).and("r", runId).and("i", index).and("running", RUNNING)) == 1;
    }

    /** A graceful shutdown hands a chunk back: PENDING again, the start not counted. False when {@code worker} no longer holds it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(long runId, int index, String worker) {
        return JobChunkEntity.update("status = :pending, worker = null, leaseUntil = null, attempts = case when attempts > 0 then attempts - 1 else 0 end "
                        + "where runId = :r and chunkIndex = :i and status = :running and worker = :w",
                Parameters.with("pending", PENDING).and("r", runId).and("i", index).and("running", RUNNING).and("w", worker)) == 1;
    }

    /** The heartbeat: extends the leases of the chunks {@code worker} holds. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void renew(String worker, List<long[]> chunks, int leaseSeconds) {
        Instant until = Persistence.now().plusSeconds(leaseSeconds);
        for (long[] c : chunks) {
            JobChunkEntity.update("leaseUntil = ?1 where runId = ?2 and chunkIndex = ?3 and worker = ?4 and status = ?5", until, c[0], (int) c[1], worker,
                    RUNNING);
        }
    }

    /**
     * How a run's chunks stand.
     *
     * @param total   chunks stored
     * @param done    chunks DONE
     * @param failure why a chunk FAILED (the first), or null
     */
    public record Progress(int total, int done, String failure) {
        public boolean complete() {
            return total > 0 && done == total;
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Progress progress(long runId) {
        List<Object[]> rows = JobChunkEntity.getEntityManager()
                .createQuery("SELECT c.status, c.chunkIndex, c.reason FROM JobChunkEntity c WHERE c.runId = :r ORDER BY c.chunkIndex", Object[].class)
                .setParameter("r", runId).getResultList();
        int done = 0;
        String failure = null;
        for (Object[] r : rows) {
            if (DONE.equals(r[0])) {
                done++;
            } else if (FAILED.equals(r[0]) && failure == null) {
                failure = "chunk " + r[1] + ": " + r[2];
            }
        }
        return new Progress(rows.size(), done, failure);
    }

    /**
     * Chunks whose holder died (RUNNING, lease passed): PENDING again, to queue again — or, once started
     * {@code maxAttempts} times, FAILED with the reason (a poison chunk). Returns the indexes to queue again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Integer> reclaimExpired(long runId, int maxAttempts) {
        Instant now = Persistence.now();
        List<JobChunkEntity> expired = JobChunkEntity.list("runId = ?1 and status = ?2 and leaseUntil < ?3", runId, RUNNING, now);
        List<Integer> again = new ArrayList<>();
        for (JobChunkEntity c : expired) {
            if (c.attempts >= maxAttempts) {
                c.status = FAILED;
                c.reason = "its replica (" + c.worker + ") stopped while computing it, on attempt " + c.attempts + " of at most " + maxAttempts
                        + " (gridpivot.jobs.max-attempts)";
                c.finishedAt = now;
            } else {
                c.status = PENDING;
                c.worker = null;
                again.add(c.chunkIndex);
            }
            c.leaseUntil = null;
        }
        return again;
    }

    /** Indexes of the chunks not DONE (to queue again when nothing moved for a while). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Integer> pending(long runId) {
        return JobChunkEntity.getEntityManager()
                .createQuery("SELECT c.chunkIndex FROM JobChunkEntity c WHERE c.runId = :r AND c.status = :p ORDER BY c.chunkIndex", Integer.class)
                .setParameter("r", runId).setParameter("p", PENDING).getResultList();
    }

    /** The results of a run's chunks, in chunk order (all DONE). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> results(long runId) {
        return JobChunkEntity.getEntityManager()
                .createQuery("SELECT c.resultJson FROM JobChunkEntity c WHERE c.runId = :r ORDER BY c.chunkIndex", String.class).setParameter("r", runId)
                .getResultList();
    }

    /** The replicas that computed a run's chunks (DONE), each with how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Map<String, Long> workers(long runId) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        JobChunkEntity.getEntityManager()
                .createQuery("SELECT c.worker, COUNT(c) FROM JobChunkEntity c WHERE c.runId = :r AND c.status = :d GROUP BY c.worker", Object[].class)
                .setParameter("r", runId).setParameter("d", DONE).getResultList().forEach(r -> out.put((String) r[0], (Long) r[1]));
        return out;
    }
}
