package com.gridpivot.jobs;

import java.time.Instant;

/** A job as services and resources see it (never the entity). {@code resultJson} only when asked for. */
public record JobView(long id, String kind, JobStatus status, int progressPercent, String reason, int attempts, boolean cancelRequested,
                      Instant createdAt, Instant startedAt, Instant finishedAt, String inputJson, String resultJson) {

    static JobView of(JobRunEntity e, boolean withTexts) {
        return new JobView(e.id, e.kind, JobStatus.valueOf(e.status), e.progressPercent, e.reason, e.attempts, e.cancelRequested,
                e.createdAt, e.startedAt, e.finishedAt, withTexts ? e.inputJson : null, withTexts ? e.resultJson : null);
    }
}
