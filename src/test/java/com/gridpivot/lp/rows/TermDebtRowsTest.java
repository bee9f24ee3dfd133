package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.FinancingRowsTestSupport.sum;
import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanFinancing;
import com.gridpivot.planning.input.PlanFinancing.Amortization;
import com.gridpivot.planning.input.PlanFinancing.TermLoan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Term loans: x[k] ≤ amount; cash + x [m = a] − q(m) x (principal), − i/12 o(m) x (interest), − φ x [m = a] (fee). */
class TermDebtRowsTest {

    /*
     * "A": 1,000,000 USD from Jan, 12 %/year, 2 months STRAIGHT, fee 2 %; x = 800,000. Jan: principal + 800,000 − 400,000 =
     * 400,000, interest − 0.01 × 800,000 = − 8,000, fee − 16,000; Feb: principal − 400,000, interest − 0.01 × 0.5 × 800,000 =
     * − 4,000. "B": 500,000 from Feb, 6 %/year, 3 months BULLET; x = 500,000: Feb + 500,000, interest − 2,500; its repayment
     * (May) is past the two months, so the 500,000 is still owed at the end (endBalanceShare 1).
     */
    @Test
    void straightAndBulletSchedules() {
        PlanFinancing f = new PlanFinancing(null, List.of(new TermLoan("A", 1_000_000, 0, 0.12, 2, Amortization.STRAIGHT, 0.02),
                new TermLoan("B", 500_000, 1, 0.06, 3, Amortization.BULLET, 0.0)), null, null, null);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<CashRows.Term>> terms = CashRows.newTerms(2);
            MPVariable[] x = TermDebtRows.add(s, RowFixtures.plan(f), terms);
            assertThat(x[0].name()).isEqualTo("termLoanDrawnUsd[A]");
            assertThat(x[1].ub()).isEqualTo(500_000.0);
            fix(x[0], 800_000);
            fix(x[1], 500_000);
            assertFeasible(s);
            assertThat(sum(terms, 0, CashCategory.DEBT_PRINCIPAL)).isCloseTo(400_000, within(1e-6));
            assertThat(sum(terms, 0, CashCategory.FINANCING_INTEREST)).isCloseTo(-8_000, within(1e-6));
            assertThat(sum(terms, 0, CashCategory.FINANCING_FEE)).isCloseTo(-16_000, within(1e-6));
            assertThat(sum(terms, 1, CashCategory.DEBT_PRINCIPAL)).isCloseTo(-400_000 + 500_000, within(1e-6));
            assertThat(sum(terms, 1, CashCategory.FINANCING_INTEREST)).isCloseTo(-4_000 - 2_500, within(1e-6));
            assertThat(f.termLoans().get(0).endBalanceShare(1)).isEqualTo(0.0);
            assertThat(f.termLoans().get(1).endBalanceShare(1)).isEqualTo(1.0);
            assertThat(f.termLoans().get(1).repaidShare(3)).isEqualTo(1.0);
        } finally {
            s.delete();
        }
    }

    /** The amount bounds the draw: maximising x gives 1,000,000. */
    @Test
    void theAmountBoundsTheDraw() {
        PlanFinancing f = new PlanFinancing(null, List.of(new TermLoan("A", 1_000_000, 0, 0.12, 2, Amortization.STRAIGHT, 0.0)), null, null,
                null);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            MPVariable[] x = TermDebtRows.add(s, RowFixtures.plan(f), CashRows.newTerms(2));
            s.objective().setCoefficient(x[0], 1.0);
            s.objective().setMaximization();
            assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            assertThat(x[0].solutionValue()).isEqualTo(1_000_000.0);
        } finally {
            s.delete();
        }
    }
}
