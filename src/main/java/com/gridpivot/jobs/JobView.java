package com.gridpivot.jobs;

import java.time.Instant;

/**
 * A job as services and resources see it (never the entity). {@code resultJson} only when asked for.
 *
 * @param attempts times a worker started it (a run handed back at a graceful shutdown does not count)
 * @param worker   the replica that holds or last held it (GRIDPIVOT_REPLICA_ID, or host and process id); null while
 *                 it never started
 * @param siteName the run's site name when it was stored; null when none (or stored before V18)
 * @param label    the caller's label; null when none
 * @param caller   the API key (name) that queued it; "anonymous" without keys
 */
public record JobView(long id, String kind, JobStatus status, int progressPercent, String reason, int attempts, String worker,
                      boolean cancelRequested, Instant createdAt, Instant startedAt, Instant finishedAt, String siteName, String label, String inputJson,
                      String resultJson, String caller) {

    static JobView of(JobRunEntity e, boolean withTexts) {
        return new JobView(e.id, e.kind, JobStatus.valueOf(e.status), e.progressPercent, e.reason, e.attempts, e.worker, e.cancelRequested,
                e.createdAt, e.startedAt, e.finishedAt, e.siteName, e.label, withTexts ? e.inputJson : null, withTexts ? e.resultJson : null, e.caller);
    }
}
