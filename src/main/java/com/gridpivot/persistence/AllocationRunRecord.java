package com.gridpivot.persistence;

import java.time.Instant;

/**
 * A stored allocation run. {@code requestJson} is the body exactly as sent; the JSON texts are null in list views.
 */
public record AllocationRunRecord(long id, Instant createdAt, String caller, Long siteId, String siteName, String label, String status,
                                  Double objectiveUsd, SolverStats solver, String requestJson, String resultJson, String resolvedRequestJson) {
    static AllocationRunRecord of(AllocationRunEntity e, boolean withJson) {
        return new AllocationRunRecord(e.id, e.createdAt, e.caller, e.siteId, e.siteName, e.label, e.status, e.objectiveUsd,
                new SolverStats(e.solverName, e.wallMs, e.variables, e.constraints),
                withJson ? e.requestJson : null, withJson ? e.resultJson : null, withJson ? e.resolvedRequestJson : null);
    }
}
