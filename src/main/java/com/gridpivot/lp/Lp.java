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

    /**
     * A new, empty MIP solver (SCIP), natives loaded first: the model of a plan with whole blocks of AI (models/PLANS.md, Hall
     * blocks). {@link LpSolver#solve} sees {@code isMip()} and takes its MIP path. The caller owns it: {@code delete()} it.
     */
    public static MPSolver newMipSolver() {
        OrToolsNatives.ensureLoaded();
        MPSolver solver = MPSolver.createSolver(MIP_BACKEND);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no " + MIP_BACKEND + " backend in this build");
        }
        return solver;
    }

    /** The MIP backend's name as OR-Tools knows it (and as answers report it). */
    public static final String MIP_BACKEND = "SCIP";

    /** {@link #newMipSolver()} when the model will hold integer variables, else {@link #newSolver(SolverKind)}. */
    public static MPSolver newSolver(SolverKind kind, boolean integer) {
        return integer ? newMipSolver() : newSolver(kind);
    }

    /** A continuous variable lo ≤ v ≤ hi. */
    public static MPVariable var(MPSolver s, double lo, double hi, String name) {
        return s.makeNumVar(lo, hi, Objects.requireNonNull(name, "an LP variable needs a name"));
    }

    /** An integer variable lo ≤ n ≤ hi, n ∈ ℤ (only in a solver of {@link #newMipSolver()}; an LP backend would relax it). */
    public static MPVariable intVar(MPSolver s, double lo, double hi, String name) {
        if (!s.isMip()) {
            throw new IllegalStateException("integer variable " + name + " in an LP solver: build the model with Lp.newMipSolver()");
        }
        return s.makeIntVar(lo, hi, Objects.requireNonNull(name, "an LP variable needs a name"));
    }

    /** A row lo ≤ Σ a·v ≤ hi, coefficients set by the caller. */
    public static MPConstraint row(MPSolver s, double lo, double hi, String name) {
        return s.makeConstraint(lo, hi, Objects.requireNonNull(name, "an LP row needs a name"));
    }
}
