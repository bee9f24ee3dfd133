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

    /** As the method below, without a site name or label. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long record(String caller, Long siteId, String requestJson, String resolvedRequestJson, String resultJson, String status,
                       Double objectiveUsd, SolverStats solver) {
        return record(caller, siteId, com.gridpivot.jobs.RunTags.NONE, requestJson, resolvedRequestJson, resultJson, status, objectiveUsd, solver);
    }

    /**
     * As {@link #record(String, String, String, String, Double, SolverStats)}, for a request by reference: the stored
     * site it named, the site's name and the request's label, and the request resolved to inline numbers (null when the
     * request was inline).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long record(String caller, Long siteId, com.gridpivot.jobs.RunTags tags, String requestJson, String resolvedRequestJson, String resultJson, String status,
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
        e.siteName = tags.siteName();
        e.label = tags.label();
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

    /** Where a list of runs stands: the last run read, in the list's order (newest first: created_at, then id). */
    public record Position(java.time.Instant createdAt, long id) {
    }

    /**
     * One slice of the runs after a position (keyset paging).
     *
     * @param totalItems runs in the whole list
     * @param items      up to the asked number of runs, newest first
     * @param next       the position after the last item, or null when no run follows it
     */
    public record Slice(long totalItems, List<AllocationRunRecord> items, Position next) {
    }

    private static final String LIST_COLUMNS = "SELECT r.id, r.createdAt, r.caller, r.siteId, r.status, r.objectiveUsd, r.solverName, "
            + "r.wallMs, r.variables, r.constraints, r.siteName, r.label FROM AllocationRunEntity r ";
    /** The list's order; the index ix_allocation_run_created_id (V8) holds it, so neither query sorts. */
    private static final String NEWEST_FIRST = " ORDER BY r.createdAt DESC, r.id DESC";

    /** Runs, newest first, without their JSON texts (which can be megabytes each). Deep pages skip page × size rows. */
    @Transactional
    public Page<AllocationRunRecord> list(int page, int size) {
        List<AllocationRunRecord> items = AllocationRunEntity.getEntityManager().createQuery(LIST_COLUMNS + NEWEST_FIRST, Tuple.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(AllocationRunService::listed)
                .toList();
        return new Page<>(page, size, AllocationRunEntity.count(), items);
    }

    /**
     * Up to {@code size} runs after {@code after} (null: from the newest), newest first: a seek on the list's index, so a
     * deep page costs what the first does.
     */
    @Transactional
    public Slice listAfter(Position after, int size) {
        var q = AllocationRunEntity.getEntityManager().createQuery(LIST_COLUMNS
                // (created_at, id) < (t, id0): the first conjunct is the index range, the second the tie on created_at
                + (after == null ? "" : "WHERE r.createdAt <= :t AND (r.createdAt < :t OR r.id < :id) ") + NEWEST_FIRST, Tuple.class);
        if (after != null) {
            q.setParameter("t", after.createdAt()).setParameter("id", after.id());
        }
        List<AllocationRunRecord> rows = q.setMaxResults(size + 1).getResultStream().map(AllocationRunService::listed).toList();
        List<AllocationRunRecord> items = rows.size() > size ? rows.subList(0, size) : rows;
        return new Slice(AllocationRunEntity.count(), items, rows.size() > size ? positionOf(items.get(items.size() - 1)) : null);
    }

    /** The position of a listed run, to continue the list after it. */
    public static Position positionOf(AllocationRunRecord r) {
        return new Position(r.createdAt(), r.id());
    }

    private static AllocationRunRecord listed(Tuple t) {
        return new AllocationRunRecord(t.get(0, Long.class), t.get(1, java.time.Instant.class), t.get(2, String.class),
                t.get(3, Long.class), t.get(10, String.class), t.get(11, String.class), t.get(4, String.class), t.get(5, Double.class),
                new SolverStats(t.get(6, String.class), t.get(7, Long.class), t.get(8, Integer.class), t.get(9, Integer.class)),
                null, null, null);
    }
}
