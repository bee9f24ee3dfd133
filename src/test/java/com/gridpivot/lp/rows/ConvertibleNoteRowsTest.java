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
import com.gridpivot.planning.input.PlanFinancing.ConvertibleNote;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Convertible notes: y[n] ≤ principal; cash + y [m = e] − y [m = μ] (principal), − c/12 y for e ≤ m ≤ μ (coupon). */
class ConvertibleNoteRowsTest {

    /*
     * 500,000 USD, coupon 6 %/year, issued in Jan, maturing in Feb; y = 500,000: Jan + 500,000 and − 2,500 coupon; Feb
     * − 500,000 repaid and − 2,500 coupon; nothing owed at the end.
     */
    @Test
    void issueCouponAndRepayment() {
        PlanFinancing f = new PlanFinancing(null, null, List.of(new ConvertibleNote("CN", 500_000, 0.06, 20.0, 0, 1)), null, null);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<CashRows.Term>> terms = CashRows.newTerms(2);
            MPVariable[] y = ConvertibleNoteRows.add(s, RowFixtures.plan(f), terms);
            assertThat(y[0].name()).isEqualTo("convertibleIssuedUsd[CN]");
            assertThat(y[0].ub()).isEqualTo(500_000.0);
            fix(y[0], 500_000);
            assertFeasible(s);
            assertThat(sum(terms, 0, CashCategory.DEBT_PRINCIPAL)).isCloseTo(500_000, within(1e-6));
            assertThat(sum(terms, 0, CashCategory.FINANCING_INTEREST)).isCloseTo(-2_500, within(1e-6));
            assertThat(sum(terms, 1, CashCategory.DEBT_PRINCIPAL)).isCloseTo(-500_000, within(1e-6));
            assertThat(sum(terms, 1, CashCategory.FINANCING_INTEREST)).isCloseTo(-2_500, within(1e-6));
            assertThat(f.convertibleNotes().get(0).endBalanceShare(1)).isEqualTo(0.0);
            assertThat(f.convertibleNotes().get(0).endBalanceShare(0)).isEqualTo(1.0);
        } finally {
            s.delete();
        }
    }
}
