package com.gridpivot.jobs;

import java.util.Set;

/**
 * The runs one set of endpoints answers for, and the words its answers use: {@code /api/v1/runs} covers every kind;
 * {@code /api/v1/plans/runs} only plan runs ("no plan run with id 7"), {@code /api/v1/sweeps/runs} what-if and plan
 * sweeps ("sweep run 7 is already OPTIMAL").
 *
 * @param kinds         the job kinds covered; empty: every kind
 * @param noun          how a run is named in a conflict, e.g. "run" or "sweep run"
 * @param missingPrefix the not-found detail before the id, e.g. "no plan run with id "
 */
public record RunScope(Set<String> kinds, String noun, String missingPrefix) {
    /** Every kind of run, as {@code /api/v1/runs} sees them. */
    public static final RunScope ANY = new RunScope(Set.of(), "run", "no run with id ");

    public RunScope {
        kinds = Set.copyOf(kinds);
    }

    public boolean covers(String kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    String missing(long id) {
        return missingPrefix + id;
    }
}
