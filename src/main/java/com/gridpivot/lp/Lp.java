package com.gridpivot.lp;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.SolverKind;
import java.util.Objects;

/**
 * Creates solvers, variables and rows: the only door through which GridPivot's models add anything to an MPSolver (the row
 * groups of {@code com.gridpivot.lp.rows} call it). A null name crashes OR-Tools natively, so names are checked here.
 */
public final class Lp {
    private Lp() {
    }

    /** +∞ as OR-Tools reads it. */
    public static double inf() {
        return MPSolver.infinity();
    }

    /** A new, empty solver of this backend, natives loaded first. The caller owns it: {@code delete()} it. */
    public static MPSolver newSolver(SolverKind kind) {
        OrToolsNatives.ensureLoaded();
        MPSolver solver = MPSolver.createSolver(kind.name());
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + kind + " backend in this build");
        }
        return solver;
    }

    /** A continuous variable lo ≤ v ≤ hi. */
    public static MPVariable var(MPSolver s, double lo, double hi, String name) {
        return s.makeNumVar(lo, hi, Objects.requireNonNull(name, "an LP variable needs a name"));
    }

    /** A row lo ≤ Σ a·v ≤ hi, coefficients set by the caller. */
    public static MPConstraint row(MPSolver s, double lo, double hi, String name) {
        return s.makeConstraint(lo, hi, Objects.requireNonNull(name, "an LP row needs a name"));
    }
}
