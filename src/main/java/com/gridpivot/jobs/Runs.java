package com.gridpivot.jobs;

import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.persistence.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one implementation of what every kind of durable run (plan, what-if sweep, plan sweep, Monte Carlo, stochastic
 * plan) offers after it was started: find, list, result, cancel, retry. The generic {@code /api/v1/runs} endpoints and
 * the kind-specific ones ({@code /api/v1/plans/runs/…}, {@code /api/v1/sweeps/runs/…}, {@code /api/v1/risk/…/runs/…})
 * call it with their {@link RunScope}; a run of another kind is "not found" under a kind-specific path.
 */
@ApplicationScoped
public class Runs {
    @Inject
    JobStore store;

    @Inject
    JobRunner runner;

    @Inject
    Instance<JobHandler> handlers;

    /** The run, or {@link NotFoundException} when there is none of the scope's kinds. */
    public JobView find(long id, RunScope scope) {
        return find(id, scope, false);
    }

    private JobView find(long id, RunScope scope, boolean withTexts) {
        return store.get(id, withTexts).filter(j -> scope.covers(j.kind())).orElseThrow(() -> new NotFoundException(scope.missing(id)));
    }

    /** The stored result (JSON); {@link ConflictException} when the run is not finished or finished without one. */
    public String result(long id, RunScope scope) {
        JobView job = find(id, scope, true);
        if (job.resultJson() == null) {
            throw new ConflictException("status", scope.noun() + " " + id + " is " + job.status()
                    + (job.reason() == null ? "" : " (" + job.reason() + ")") + "; it has no result" + (job.status().terminal() ? "" : " yet"));
        }
        return job.resultJson();
    }

    /**
     * Cancels a QUEUED or RUNNING run (a queued one never starts; a running one is interrupted and its result discarded).
     * {@link ConflictException} when it is already finished.
     */
    public JobView cancel(long id, RunScope scope) {
        JobView before = find(id, scope);
        if (before.status().terminal()) {
            throw new ConflictException("status", scope.noun() + " " + id + " is already " + before.status());
        }
        return runner.cancel(id).orElseThrow(() -> new NotFoundException(scope.missing(id)));
    }

    /**
     * Queues a FAILED, CANCELLED or TIMED_OUT run of any kind again with its stored input snapshot; returns it as
     * queued. {@link ConflictException} in any other status.
     */
    public JobView retry(long id, RunScope scope) {
        JobView before = find(id, scope);
        if (!runner.retry(id)) {
            throw new ConflictException("status", scope.noun() + " " + id + " is " + before.status()
                    + "; only FAILED, CANCELLED or TIMED_OUT runs can be retried");
        }
        return find(id, scope);
    }

    /** The kinds of run this service runs (one per job handler), sorted. */
    public List<String> kinds() {
        TreeSet<String> kinds = new TreeSet<>();
        handlers.forEach(h -> kinds.add(h.kind()));
        return List.copyOf(kinds);
    }

    /**
     * One page of runs, newest first, without input and result. {@code kind} and {@code status} (either may be null: no
     * filter) are checked: an unknown one is an {@link InvalidRequestException} naming the parameter.
     */
    @Transactional
    public Page<JobView> list(String kind, String status, int page, int size) {
        return list(kind, status, null, null, page, size);
    }

    /**
     * As {@link #list(String, String, int, int)}, also filtered by site name and label: a run matches when its stored
     * site name (label) contains {@code site} ({@code label}), ignoring case; null or blank: no filter.
     */
    @Transactional
    public Page<JobView> list(String kind, String status, String site, String label, int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        StringBuilder query = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (kind != null && !kind.isBlank()) {
            String k = kind.trim().toUpperCase(Locale.ROOT);
            if (!kinds().contains(k)) {
                errors.add(FieldError.of("kind", "must be one of " + kinds() + "; got '" + shorten(kind) + "'"));
            }
            query.append("kind = :kind");
            params.put("kind", k);
        }
        if (status != null && !status.isBlank()) {
            String s = status.trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(JobStatus.values()).noneMatch(v -> v.name().equals(s))) {
                errors.add(FieldError.of("status", "must be one of " + Arrays.toString(JobStatus.values()) + "; got '" + shorten(status) + "'"));
            }
            query.append(query.isEmpty() ? "" : " and ").append("status = :status");
            params.put("status", s);
        }
        contains(query, params, "siteName", "site", site, errors);
        contains(query, params, "label", "label", label, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        var found = query.isEmpty() ? JobRunEntity.<JobRunEntity>findAll(Sort.descending("id"))
                : JobRunEntity.<JobRunEntity>find(query.toString(), Sort.descending("id"), params);
        long total = found.count();
        List<JobView> items = found.page(page, size).list().stream().map(e -> JobView.of(e, false)).toList();
        return new Page<>(page, size, total, items);
    }

    /** Adds "lower(column) contains the value" (LIKE with its wildcards escaped) for a non-blank filter parameter. */
    static void contains(StringBuilder query, Map<String, Object> params, String column, String parameter, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.length() > RunTags.MAX_LABEL) {
            errors.add(FieldError.of(parameter, "must be at most " + RunTags.MAX_LABEL + " characters; got " + value.length()));
            return;
        }
        String escaped = value.trim().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        query.append(query.isEmpty() ? "" : " and ").append("lower(").append(column).append(") like :").append(parameter).append(" escape '!'");
        params.put(parameter, "%" + escaped + "%");
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
