package com.gridpivot.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.SolverKind;
import org.junit.jupiter.api.Test;

/**
 * The kernel's MIP path ({@link LpSolver#solve} on a solver of {@link Lp#newMipSolver()}): the LP relaxation on the LP
 * backend, then SCIP, with the best bound, the gap and the relaxation's optimum in the outcome.
 */
class LpSolverMipTest {

    /**
     * max 5x + 4y s.t. 6x + 4y ≤ 24, x + 2y ≤ 6, x, y ∈ ℤ ≥ 0.
     * Relaxation: both rows tight → 6x + 4y = 24 and x + 2y = 6 → 4x = 12, x = 3, y = 1.5, objective 15 + 6 = 21.
     * Integers: x = 4, y = 0 gives 20 (24 ≤ 24, 4 ≤ 6); x = 3, y = 1 gives 19; x = 2, y = 2 gives 18; 5x + 4y = 21 would need
     * (x, y) = (1, 4) (x + 2y = 9 > 6) or (5, −1): none, so 20 is the optimum.
     */
    static MPSolver knapsack(MPSolver s, boolean integer) {
        MPVariable x = integer ? Lp.intVar(s, 0, Lp.inf(), "x") : Lp.var(s, 0, Lp.inf(), "x");
        MPVariable y = integer ? Lp.intVar(s, 0, Lp.inf(), "y") : Lp.var(s, 0, Lp.inf(), "y");
        MPConstraint a = Lp.row(s, -Lp.inf(), 24, "a");
        a.setCoefficient(x, 6);
        a.setCoefficient(y, 4);
        MPConstraint b = Lp.row(s, -Lp.inf(), 6, "b");
        b.setCoefficient(x, 1);
        b.setCoefficient(y, 2);
        s.objective().setCoefficient(x, 5);
        s.objective().setCoefficient(y, 4);
        s.objective().setMaximization();
        return s;
    }

    @Test
    void aMipReportsItsOptimumTheRelaxationAndAZeroGap() {
        MPSolver s = knapsack(Lp.newMipSolver(), true);
        try {
            SolveOutcome o = LpSolver.solve(s, SolverKind.GLOP, 10.0, 1e-9);
            assertThat(o.status()).isEqualTo(LpStatus.OPTIMAL);
            assertThat(o.solverName()).isEqualTo("SCIP");
            assertThat(o.objective()).isCloseTo(20.0, within(1e-9));
            assertThat(s.lookupVariableOrNull("x").solutionValue()).isCloseTo(4.0, within(1e-9));
            assertThat(s.lookupVariableOrNull("y").solutionValue()).isCloseTo(0.0, within(1e-9));
            assertThat(o.mip().relaxationObjective()).isCloseTo(21.0, within(1e-9));
            assertThat(o.mip().relaxationSolver()).isEqualTo("GLOP");
            // proven: the bound is the optimum within SCIP's relative gap 1e-6 (20 × 1e-6 = 2e-5)
            assertThat(o.bestBound()).isBetween(20.0 - 1e-9, 20.0 + 2e-5);
            assertThat(o.relativeGap()).isLessThanOrEqualTo(LpSolver.MIP_RELATIVE_GAP);
            assertThat(o.note()).contains("MIP solved with SCIP").contains("LP relaxation (GLOP) OPTIMAL at 21");
        } finally {
            s.delete();
        }
    }

    /** The same rows on GLOP without integers: the LP path, no bound and no MIP figures. */
    @Test
    void anLpKeepsTheLpPath() {
        MPSolver s = knapsack(Lp.newSolver(SolverKind.GLOP), false);
        try {
            SolveOutcome o = LpSolver.solve(s, SolverKind.GLOP, 10.0, 1e-9);
            assertThat(o.status()).isEqualTo(LpStatus.OPTIMAL);
            assertThat(o.objective()).isCloseTo(21.0, within(1e-9));
            assertThat(o.mip()).isNull();
            assertThat(o.bestBound()).isNaN();
            assertThat(o.relativeGap()).isNaN();
        } finally {
            s.delete();
        }
    }

    /** 2x = 3 has no integer x: the relaxation (x = 1.5) is feasible, SCIP proves the MIP infeasible. */
    @Test
    void anIntegerInfeasibleMipIsInfeasible() {
        MPSolver s = Lp.newMipSolver();
        try {
            MPVariable x = Lp.intVar(s, 0, 10, "x");
            Lp.row(s, 3, 3, "odd").setCoefficient(x, 2);
            s.objective().setCoefficient(x, 1);
            s.objective().setMaximization();
            SolveOutcome o = LpSolver.solve(s, SolverKind.CLP, 10.0, 1e-9);
            assertThat(o.status()).isEqualTo(LpStatus.INFEASIBLE);
            assertThat(o.mip().relaxationObjective()).isCloseTo(1.5, within(1e-9));
            assertThat(o.mip().relaxationSolver()).isEqualTo("CLP");
        } finally {
            s.delete();
        }
    }

    /** An integer variable in an LP backend would be relaxed without a word: the kernel refuses it. */
    @Test
    void anIntegerVariableNeedsAMipSolver() {
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            assertThatThrownBy(() -> Lp.intVar(s, 0, 1, "n")).isInstanceOf(IllegalStateException.class).hasMessageContaining("newMipSolver");
        } finally {
            s.delete();
        }
    }
}
