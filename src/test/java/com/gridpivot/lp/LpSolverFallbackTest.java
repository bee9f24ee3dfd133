package com.gridpivot.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.SolverKind;
import org.junit.jupiter.api.Test;

/**
 * A backend that ends in a numerical failure is followed by the next backend, and its answer is read through the caller's
 * own solver. The failing model is the shape that broke ten-year plans: a chain of balance rows in dollars,
 * cash[k] − cash[k−1] − aₖ y + bₖ w = S₀ [k = 0], over 120 months with aₖ, bₖ ≈ 10⁹: GLOP's final unscaled check needs a
 * right-hand-side perturbation above its tolerance and answers ABNORMAL; CLP solves it.
 */
class LpSolverFallbackTest {
    private static final int MONTHS = 120;
    private static final double USD = 1e9;
    private static final double TOLERANCE = 1e-4;

    static double a(int k) {
        return USD * Math.sqrt(2 + k) / 7;
    }

    static double b(int k) {
        return USD * Math.sqrt(3 + k) / 11;
    }

    /**
     * max Σₖ cash[k]/(1+k) s.t. balance[k] as above, S₀ = 10⁹/3, y, w ∈ [0, 1], y + w ≤ 1.5, cash free. Raising y raises
     * every cash[k] and w lowers them, so y = 1, w = 0, cash[k] = S₀ + Σ_{i≤k} aᵢ.
     */
    static MPSolver cashChain(String backend) {
        OrToolsNatives.ensureLoaded();
        MPSolver s = MPSolver.createSolver(backend);
        MPVariable y = s.makeNumVar(0, 1, "y");
        MPVariable w = s.makeNumVar(0, 1, "w");
        MPConstraint both = s.makeConstraint(-MPSolver.infinity(), 1.5, "both");
        both.setCoefficient(y, 1);
        both.setCoefficient(w, 1);
        MPVariable previous = null;
        for (int k = 0; k < MONTHS; k++) {
            MPVariable cash = s.makeNumVar(-MPSolver.infinity(), MPSolver.infinity(), "cash[" + k + "]");
            double rhs = k == 0 ? USD / 3 : 0.0;
            MPConstraint row = s.makeConstraint(rhs, rhs, "balance[" + k + "]");
            row.setCoefficient(cash, 1);
            if (previous != null) {
                row.setCoefficient(previous, -1);
            }
            row.setCoefficient(y, -a(k));
            row.setCoefficient(w, b(k));
            s.objective().setCoefficient(cash, 1.0 / (1 + k));
            previous = cash;
        }
        s.objective().setMaximization();
        return s;
    }

    @Test
    void glopFailsOnTheDollarChainAndClpAnswersThroughTheSameSolver() {
        MPSolver alone = cashChain("GLOP");
        try {
            assertThat(alone.solve()).as("the failure this fallback is for").isEqualTo(MPSolver.ResultStatus.ABNORMAL);
        } finally {
            alone.delete();
        }
        // the optimum by hand: y = 1, w = 0, cash[k] = S₀ + Σ_{i≤k} aᵢ, objective Σₖ cash[k]/(1+k)
        double objective = 0.0;
        double cash = USD / 3;
        double[] expectedCash = new double[MONTHS];
        for (int k = 0; k < MONTHS; k++) {
            cash += a(k);
            expectedCash[k] = cash;
            objective += cash / (1 + k);
        }
        MPSolver s = cashChain("GLOP");
        try {
            SolveOutcome o = LpSolver.solve(s, SolverKind.GLOP, 60, TOLERANCE);
            assertThat(o.status()).isEqualTo(LpStatus.OPTIMAL);
            assertThat(o.solverName()).isEqualTo("CLP");
            assertThat(o.note()).isEqualTo("GLOP ended in ABNORMAL (a numerical failure); solved again with CLP");
            assertThat(o.objective()).isCloseTo(objective, within(1e-9 * objective));
            // the answer is loaded into the caller's GLOP solver: values, duals and reduced costs
            assertThat(s.objective().value()).isCloseTo(objective, within(1e-9 * objective));
            assertThat(s.lookupVariableOrNull("y").solutionValue()).isCloseTo(1.0, within(1e-9));
            assertThat(s.lookupVariableOrNull("w").solutionValue()).isCloseTo(0.0, within(1e-9));
            assertThat(s.lookupVariableOrNull("cash[119]").solutionValue()).isCloseTo(expectedCash[119], within(1e-3));
            // d objective / d rhs of balance[k]: one more dollar in month k stays in cash[k..119], worth Σ_{j≥k} 1/(1+j)
            double tail = 0.0;
            for (int j = MONTHS - 1; j >= 0; j--) {
                tail += 1.0 / (1 + j);
                if (j == 0 || j == 60 || j == MONTHS - 1) {
                    assertThat(s.lookupConstraintOrNull("balance[" + j + "]").dualValue()).as("dual of balance[" + j + "]")
                            .isCloseTo(tail, within(1e-9));
                }
            }
            // d objective / d w = −Σₖ (1/(1+k)) Σ_{i≤k} bᵢ < 0: w rests at its lower bound with that reduced cost
            double wCost = 0.0;
            double bSum = 0.0;
            for (int k = 0; k < MONTHS; k++) {
                bSum += b(k);
                wCost -= bSum / (1 + k);
            }
            assertThat(s.lookupVariableOrNull("w").reducedCost()).isCloseTo(wCost, within(1e-9 * Math.abs(wCost)));
        } finally {
            s.delete();
        }
    }

    @Test
    void whenEveryBackendFailsTheNoteSaysHowEachFailed() {
        MPSolver s = cashChain("CLP");
        try {
            // a tolerance of 1e-300 refuses every answer with any rounding in a row of 10⁹ dollars: each backend is tried
            SolveOutcome o = LpSolver.solve(s, SolverKind.CLP, 60, 1e-300);
            assertThat(o.status()).isEqualTo(LpStatus.ERROR);
            assertThat(o.solverName()).isEqualTo("CLP");
            assertThat(o.hasSolution()).isFalse();
            assertThat(o.note()).isEqualTo("CLP answered OPTIMAL, but its answer breaks a bound or row by more than 1.0E-300; not reported; "
                    + "GLOP ended in ABNORMAL (a numerical failure); "
                    + "PDLP answered OPTIMAL, but its answer breaks a bound or row by more than 1.0E-300; not reported");
        } finally {
            s.delete();
        }
    }

    /** A NaN coefficient: GLOP ends in ABNORMAL, and the other backends refuse the model with the reason, which the note keeps. */
    @Test
    void anInvalidModelIsRefusedByTheOtherBackendsWithTheirReason() {
        OrToolsNatives.ensureLoaded();
        MPSolver s = MPSolver.createSolver("GLOP");
        try {
            MPVariable x = s.makeNumVar(0, 1, "x");
            MPConstraint row = s.makeConstraint(-MPSolver.infinity(), 1, "row");
            row.setCoefficient(x, Double.NaN);
            s.objective().setCoefficient(x, 1);
            s.objective().setMaximization();
            SolveOutcome o = LpSolver.solve(s, SolverKind.GLOP, 60, TOLERANCE);
            assertThat(o.status()).isEqualTo(LpStatus.ERROR);
            assertThat(o.solverName()).isEqualTo("GLOP");
            assertThat(o.note()).startsWith("GLOP ended in ABNORMAL (a numerical failure); "
                            + "CLP could not load the model: In constraint #0: coefficient(0)=nan is invalid.")
                    .contains("; PDLP could not load the model: In constraint #0: coefficient(0)=nan is invalid.");
        } finally {
            s.delete();
        }
    }

    @Test
    void fallbackOrder() {
        assertThat(LpSolver.fallbacks(SolverKind.GLOP)).containsExactly(SolverKind.CLP, SolverKind.PDLP);
        assertThat(LpSolver.fallbacks(SolverKind.CLP)).containsExactly(SolverKind.GLOP, SolverKind.PDLP);
        assertThat(LpSolver.fallbacks(SolverKind.PDLP)).containsExactly(SolverKind.GLOP, SolverKind.CLP);
    }
}
