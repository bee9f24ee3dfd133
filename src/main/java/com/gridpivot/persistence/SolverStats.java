package com.gridpivot.persistence;

/**
 * How the solver did on one allocation run.
 *
 * @param solverName  GLOP, CLP, PDLP, ...
 * @param wallMs      wall-clock time of the solve, ms
 * @param variables   LP columns
 * @param constraints LP rows
 */
public record SolverStats(String solverName, Long wallMs, Integer variables, Integer constraints) {
    public static final SolverStats NONE = new SolverStats(null, null, null, null);
}
