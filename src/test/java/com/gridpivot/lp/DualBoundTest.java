package com.gridpivot.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.SolverKind;
import org.junit.jupiter.api.Test;

/**
 * The Lagrangian bound of {@link DualBound} by hand, and on answers a limit stopped: the bound is never below the optimum
 * and equals it with optimal duals.
 */
class DualBoundTest {

    /**
     * max 3x + 2y s.t. r1: x + y ≤ 4, r2: x + 3y ≤ 6, 0 ≤ x ≤ 3, y ≥ 0 (no upper bound). Optimum x = 3, y = 1: 11. Optimal
     * duals (2, 0): 2y = y₁ + 3y₂ with r2 slack → y₁ = 2; reduced costs d_x = 3 − 2 = 1 (x at its upper bound 3),
     * d_y = 2 − 2 = 0.
     */
    private static MPSolver small() {
        OrToolsNatives.ensureLoaded();
        MPSolver s = MPSolver.createSolver("GLOP");
        MPVariable x = s.makeNumVar(0, 3, "x");
        MPVariable y = s.makeNumVar(0, MPSolver.infinity(), "y");
        MPConstraint r1 = s.makeConstraint(-MPSolver.infinity(), 4, "r1");
        r1.setCoefficient(x, 1);
        r1.setCoefficient(y, 1);
        MPConstraint r2 = s.makeConstraint(-MPSolver.infinity(), 6, "r2");
        r2.setCoefficient(x, 1);
        r2.setCoefficient(y, 3);
        s.objective().setCoefficient(x, 3);
        s.objective().setCoefficient(y, 2);
        s.objective().setMaximization();
        return s;
    }

    @Test
    void optimalDualsGiveTheOptimum() {
        MPSolver s = small();
        try {
            // 2·4 (r1's upper side) + 0·6 + d_x·3 = 8 + 3 = 11
            assertThat(DualBound.of(s.exportModelToProto(), new double[] {2, 0})).isCloseTo(11.0, within(1e-9));
            assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            assertThat(s.objective().value()).isCloseTo(11.0, within(1e-9));
            assertThat(DualBound.of(s)).as("the duals GLOP holds").isCloseTo(11.0, within(1e-9));
        } finally {
            s.delete();
        }
    }

    @Test
    void anyMultipliersGiveAValidLooserBound() {
        MPSolver s = small();
        try {
            // y = (1, 1): rows 1·4 + 1·6 = 10; d_x = 3 − 1 − 1 = 1 → x at 3: +3; d_y = 2 − 1 − 3 = −2 → y at 0: +0; total 13.
            // −y = (−1, −1) needs the rows' lower sides, which are open: multipliers 0, d = c: 3·3 + 2·ȳ with ȳ = 4 implied by r1
            // (x ≥ 0) = 17. The tighter of the two is 13, above the optimum 11.
            assertThat(DualBound.of(s.exportModelToProto(), new double[] {1, 1})).isCloseTo(13.0, within(1e-9));
            // y = 0: the same 17 as −y: the bound of the box alone, with y's implied bound 4 from r1
            assertThat(DualBound.of(s.exportModelToProto(), new double[] {0, 0})).isCloseTo(17.0, within(1e-7)); // ȳ widened by 1e-9·(4 + 1)
        } finally {
            s.delete();
        }
    }

    @Test
    void impliedBoundsFollowAChainOfFreeBalances() {
        // cash[k] free, cash[k] − cash[k−1] − aₖ y + bₖ w = S₀[k = 0] over 120 months, y, w ∈ [0, 1]: every cash[k] gets finite
        // bounds from the chain, so the optimal duals of CLP give the optimum (strong duality)
        MPSolver s = LpSolverFallbackTest.cashChain("CLP");
        try {
            double[][] box = DualBound.impliedBounds(s.exportModelToProto());
            // cash[0] = S₀ + a₀ y − b₀ w ∈ [S₀ − b₀, S₀ + a₀] (widened by the 1e-9 relative margin)
            double s0 = 1e9 / 3;
            assertThat(box[1][2]).isCloseTo(s0 + LpSolverFallbackTest.a(0), within(1e-9 * (s0 + LpSolverFallbackTest.a(0)) + 1));
            assertThat(box[0][2]).isCloseTo(s0 - LpSolverFallbackTest.b(0), within(1e-9 * s0 + 1));
            for (int j = 0; j < box[0].length; j++) {
                assertThat(Double.isFinite(box[0][j]) && Double.isFinite(box[1][j])).as("variable " + j + " bounded").isTrue();
            }
            assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            double optimum = s.objective().value();
            assertThat(DualBound.of(s)).isCloseTo(optimum, within(1e-7 * optimum));
        } finally {
            s.delete();
        }
    }

    @Test
    void aFreeVariableWithoutImpliedBoundsGivesNoBound() {
        // max x with x − z = 0, x and z free: no finite box, so no bound for any multiplier
        OrToolsNatives.ensureLoaded();
        MPSolver s = MPSolver.createSolver("GLOP");
        try {
            MPVariable x = s.makeNumVar(-MPSolver.infinity(), MPSolver.infinity(), "x");
            MPVariable z = s.makeNumVar(-MPSolver.infinity(), MPSolver.infinity(), "z");
            MPConstraint eq = s.makeConstraint(0, 0, "eq");
            eq.setCoefficient(x, 1);
            eq.setCoefficient(z, -1);
            s.objective().setCoefficient(x, 1);
            s.objective().setMaximization();
            assertThat(DualBound.of(s.exportModelToProto(), new double[] {1})).isNaN();
            assertThat(DualBound.of(s.exportModelToProto(), new double[] {0})).isNaN();
        } finally {
            s.delete();
        }
    }

    /**
     * max Σ pᵢⱼ xᵢⱼ over a 30 × 30 transport (supply i ≤ sᵢ, demand j ≤ dⱼ, xᵢⱼ ≥ 0) with deterministic irregular data.
     */
    private static MPSolver transport(int n) {
        OrToolsNatives.ensureLoaded();
        MPSolver s = MPSolver.createSolver("GLOP");
        MPVariable[][] x = new MPVariable[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = s.makeNumVar(0, MPSolver.infinity(), "x[" + i + "," + j + "]");
                s.objective().setCoefficient(x[i][j], 1.0 + ((i * 37 + j * 11) % 23) + 0.1 * ((i * j) % 7));
            }
        }
        for (int i = 0; i < n; i++) {
            MPConstraint supply = s.makeConstraint(-MPSolver.infinity(), 10 + (i * 13) % 17, "supply[" + i + "]");
            for (int j = 0; j < n; j++) {
                supply.setCoefficient(x[i][j], 1);
            }
        }
        for (int j = 0; j < n; j++) {
            MPConstraint demand = s.makeConstraint(-MPSolver.infinity(), 8 + (j * 7) % 19, "demand[" + j + "]");
            for (int i = 0; i < n; i++) {
                demand.setCoefficient(x[i][j], 1);
            }
        }
        s.objective().setMaximization();
        return s;
    }

    @Test
    void anAnswerStoppedEarlyCarriesABoundAboveTheOptimum() {
        MPSolver full = transport(30);
        double optimum;
        try {
            assertThat(full.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            optimum = full.objective().value();
        } finally {
            full.delete();
        }
        MPSolver s = transport(30);
        try {
            // GLOP stopped after a few iterations of its primal simplex: a feasible, not optimal, answer (as at a time limit)
            s.setSolverSpecificParametersAsString("max_number_of_iterations: 40 use_preprocessing: false");
            SolveOutcome o = LpSolver.solve(s, SolverKind.GLOP, 60, 1e-6);
            assertThat(o.status()).isEqualTo(LpStatus.FEASIBLE);
            assertThat(o.objective()).isLessThan(optimum - 1.0);
            assertThat(o.bestBound()).as("a proven bound: never below the optimum").isGreaterThanOrEqualTo(optimum - 1e-6);
            assertThat(o.relativeGap()).isCloseTo((o.bestBound() - o.objective()) / o.objective(), within(1e-12));
            assertThat(o.note()).contains("the optimum is at most").contains("better than this answer");
        } finally {
            s.delete();
        }
    }
}
