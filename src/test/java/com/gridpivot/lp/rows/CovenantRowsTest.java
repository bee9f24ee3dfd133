package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanFinancing;
import com.gridpivot.planning.input.PlanFinancing.Covenants;
import com.gridpivot.planning.input.PlanFinancing.RevolvingCredit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * covenantMinCash[m]: cash[m] ≥ minCash; covenantDebtToEbitda[m]: debtₘ − k 12/nₘ Σ_{trailing} EBITDA ≤ 0 (both × 1e-6).
 */
class CovenantRowsTest {

    /*
     * A credit line (debt = Q[m]) and one operating variable e worth 100 USD of mining revenue per unit in each month, e = 1,000
     * → EBITDA 100,000 USD a month. k = 2: Jan's trailing EBITDA 12/1 × 100,000 = 1,200,000 → 2,400,000 allowed, Q = 1,000,000:
     * activity 1 − 2.4 = −1.4 (millions). Feb: 12/2 × 200,000 = 1,200,000 → 2,400,000 allowed, Q = 2,400,000: activity 0
     * (binding). A capital-expense term (AI_CAPEX) is not EBITDA and stays out of the row. minCash 50,000 with cash 50,000
     * in Jan: activity 0.05 ≥ 0.05.
     */
    @Test
    void minimumCashAndDebtToTrailingEbitda() {
        PlanFinancing f = new PlanFinancing(new RevolvingCredit(5_000_000, 0.1, 0.0), null, null, new Covenants(50_000.0, 2.0), null);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            var p = RowFixtures.plan(f);
            List<List<CashRows.Term>> terms = CashRows.newTerms(2);
            MPVariable e = Lp.var(s, 0, Lp.inf(), "e");
            MPVariable capex = Lp.var(s, 0, Lp.inf(), "capex");
            for (int m = 0; m < 2; m++) {
                terms.get(m).add(new CashRows.Term(e, 100.0, CashCategory.MINING_REVENUE));
                terms.get(m).add(new CashRows.Term(capex, -1.0, CashCategory.AI_CAPEX));
            }
            RevolvingCreditRows.Revolver r = RevolvingCreditRows.add(s, p, terms);
            MPVariable[] cash = {Lp.var(s, -Lp.inf(), Lp.inf(), "cash0"), Lp.var(s, -Lp.inf(), Lp.inf(), "cash1")};
            List<Map<MPVariable, Double>> debt = CovenantRows.debt(p, r, new MPVariable[0], new MPVariable[0]);
            CovenantRows.Covenants c = CovenantRows.add(s, p, terms, cash, debt);
            fix(e, 1_000);
            fix(capex, 7_000_000);
            fix(r.balanceUsd()[0], 1_000_000);
            fix(r.balanceUsd()[1], 2_400_000);
            fix(cash[0], 50_000);
            fix(cash[1], 60_000);
            assertRow(s, "covenantDebtToEbitda[2026-01]", -1.4, Double.NEGATIVE_INFINITY, 0.0);
            assertRow(s, "covenantDebtToEbitda[2026-02]", 0.0, Double.NEGATIVE_INFINITY, 0.0);
            assertRow(s, "covenantMinCash[2026-01]", 0.05, 50_000 * CashRows.CASH_ROW_SCALE, Double.POSITIVE_INFINITY);
            assertThat(c.maxDebtToEbitda()[0].getCoefficient(capex)).isEqualTo(0.0);
            assertFeasible(s);
            fix(r.balanceUsd()[1], 2_400_001);
            assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.INFEASIBLE);
        } finally {
            s.delete();
        }
    }
}
