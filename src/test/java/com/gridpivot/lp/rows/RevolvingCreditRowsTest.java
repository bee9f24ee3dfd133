package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.FinancingRowsTestSupport.sum;
import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanFinancing;
import com.gridpivot.planning.input.PlanFinancing.RevolvingCredit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * revolverBalance[m]: Q[m] − Q[m−1] − U[m] + V[m] = 0 and revolverLimit[m]: Q[m] + Z[m] = L (both × 1e-6); cash terms + U − V
 * (principal), − i/12 Q (interest), − f/12 Z (commitment fee).
 */
class RevolvingCreditRowsTest {

    /*
     * L = 1,000,000 USD, i = 12 %/year, f = 0.6 %/year. Jan: draw 400,000 → Q = 400,000, Z = 600,000; Feb: repay 150,000 →
     * Q = 250,000, Z = 750,000. Rows: balance 0 and 0, limit 1.0 (millions). Cash: Jan + 400,000 principal, − 4,000
     * interest (0.01 × 400,000), − 300 fee (0.0005 × 600,000); Feb − 150,000, − 2,500, − 375.
     */
    @Test
    void drawRepayInterestAndFee() {
        PlanFinancing f = new PlanFinancing(new RevolvingCredit(1_000_000, 0.12, 0.006), null, null, null, null);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<CashRows.Term>> terms = CashRows.newTerms(2);
            RevolvingCreditRows.Revolver r = RevolvingCreditRows.add(s, RowFixtures.plan(f), terms);
            assertThat(r.drawUsd()[0].name()).isEqualTo("revolverDrawUsd[2026-01]");
            assertThat(r.balanceUsd()[1].name()).isEqualTo("revolverBalanceUsd[2026-02]");
            fix(r.drawUsd()[0], 400_000);
            fix(r.repayUsd()[0], 0);
            fix(r.balanceUsd()[0], 400_000);
            fix(r.undrawnUsd()[0], 600_000);
            fix(r.drawUsd()[1], 0);
            fix(r.repayUsd()[1], 150_000);
            fix(r.balanceUsd()[1], 250_000);
            fix(r.undrawnUsd()[1], 750_000);
            assertRow(s, "revolverBalance[2026-01]", 0.0, 0.0, 0.0);
            assertRow(s, "revolverBalance[2026-02]", 0.0, 0.0, 0.0);
            assertRow(s, "revolverLimit[2026-02]", 1.0, 1.0, 1.0);
            assertFeasible(s);
            assertThat(sum(terms, 0, CashCategory.DEBT_PRINCIPAL)).isCloseTo(400_000, within(1e-6));
            assertThat(sum(terms, 0, CashCategory.FINANCING_INTEREST)).isCloseTo(-4_000, within(1e-6));
            assertThat(sum(terms, 0, CashCategory.FINANCING_FEE)).isCloseTo(-300, within(1e-6));
            assertThat(sum(terms, 1, CashCategory.DEBT_PRINCIPAL)).isCloseTo(-150_000, within(1e-6));
            assertThat(sum(terms, 1, CashCategory.FINANCING_INTEREST)).isCloseTo(-2_500, within(1e-6));
            assertThat(sum(terms, 1, CashCategory.FINANCING_FEE)).isCloseTo(-375, within(1e-6));
        } finally {
            s.delete();
        }
    }

    /** Drawing beyond the limit: Q = 1,200,000 needs Z = −200,000 < 0, so the fixed point is infeasible; no line, no variables. */
    @Test
    void theLimitHoldsAndNoLineAddsNothing() {
        PlanFinancing f = new PlanFinancing(new RevolvingCredit(1_000_000, 0.12, 0.0), null, null, null, null);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            RevolvingCreditRows.Revolver r = RevolvingCreditRows.add(s, RowFixtures.plan(f), CashRows.newTerms(2));
            fix(r.balanceUsd()[0], 1_200_000);
            assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.INFEASIBLE);
            assertThat(RevolvingCreditRows.add(s, RowFixtures.plan(PlanFinancing.NONE), CashRows.newTerms(2))).isNull();
        } finally {
            s.delete();
        }
    }
}
