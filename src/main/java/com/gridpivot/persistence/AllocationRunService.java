package com.gridpivot.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The audit trail of allocation runs: what was asked, what was answered, by whom, and how the solver did. */
@ApplicationScoped
public class AllocationRunService {

    /**
     * Records one run in its own transaction, so the audit row survives whatever the caller does next.
     *
     * @param caller      who asked (user name, API key id, "anonymous")
     * @param requestJson the request body exactly as sent (required)
     * @param resultJson  the answer as returned, or null when there is none
     * @param status      OPTIMAL, FEASIBLE, INFEASIBLE, TIME_LIMIT, ERROR, ...
     * @param objectiveUsd the objective value, USD, or null
     * @param solver      solver statistics ({@link SolverStats#NONE} when the solver did not run)
     * @return the run's id
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long record(String caller, String requestJson, String resultJson, String status, Double objectiveUsd, SolverStats solver) {
        return record(caller, null, requestJson, null, resultJson, status, objectiveUsd, solver);
    }

    /**
     * As {@link #record(String, String, String, String, Double, SolverStats)}, for a request by reference: the stored
     * site it named and the request resolved to inline numbers (null when the request was inline).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long record(String caller, Long siteId, String requestJson, String resolvedRequestJson, String resultJson, String status,
                       Double objectiveUsd, SolverStats solver) {
        if (requestJson == null) {
            throw new IllegalArgumentException("requestJson is required");
        }
        if (status == null || status.isBlank() || status.length() > 32) {
            throw new IllegalArgumentException("status must be 1 to 32 characters");
        }
        SolverStats s = solver == null ? SolverStats.NONE : solver;
        AllocationRunEntity e = new AllocationRunEntity();
        e.createdAt = Persistence.now();
        e.caller = caller == null || caller.length() <= 200 ? caller : caller.substring(0, 200);
        e.siteId = siteId;
        e.requestJson = requestJson;
        e.resolvedRequestJson = resolvedRequestJson;
        e.resultJson = resultJson;
        e.status = status;
        e.objectiveUsd = objectiveUsd;
        e.solverName = s.solverName();
        e.wallMs = s.wallMs();
        e.variables = s.variables();
        e.constraints = s.constraints();
        e.persist();
        return e.id;
    }

    /** The run with its request and result. */
    @Transactional
    public Optional<AllocationRunRecord> get(long id) {
        return AllocationRunEntity.<AllocationRunEntity>findByIdOptional(id).map(e -> AllocationRunRecord.of(e, true));
    }

    /** Runs, newest first, without their JSON texts (which can be megabytes each). */
    @Transactional
    public Page<AllocationRunRecord> list(int page, int size) {
        List<AllocationRunRecord> items = AllocationRunEntity.getEntityManager().createQuery(
                        "SELECT r.id, r.createdAt, r.caller, r.siteId, r.status, r.objectiveUsd, r.solverName, r.wallMs, "
                                + "r.variables, r.constraints FROM AllocationRunEntity r ORDER BY r.createdAt DESC, r.id DESC",
                        Tuple.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(t -> new AllocationRunRecord(t.get(0, Long.class), t.get(1, java.time.Instant.class), t.get(2, String.class),
                        t.get(3, Long.class), t.get(4, String.class), t.get(5, Double.class),
                        new SolverStats(t.get(6, String.class), t.get(7, Long.class), t.get(8, Integer.class), t.get(9, Integer.class)),
                        null, null, null))
                .toList();
        return new Page<>(page, size, AllocationRunEntity.count(), items);
    }
}
