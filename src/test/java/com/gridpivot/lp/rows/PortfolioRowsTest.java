package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PortfolioProblem;
import com.gridpivot.planning.input.PortfolioProblem.Site;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared rows of a portfolio: treasuryLimit, cashBalance[m] (consolidated), capexBudget[y], conversionCrews[m]. Two
 * sites "a" and "b", both the fixture's plan (H100: capex 1,000,000 USD/MW spread over its 2-month lead time; Jan and Feb
 * 2026, BTC 50,000 in Jan). Company: starting cash 2,000,000 USD, credit line 1,000,000, treasury 5 BTC, capex budget
 * 3,000,000 USD in plan year 1, crews 3 MW a month.
 */
class PortfolioRowsTest {

    static PortfolioProblem portfolio() {
        PlanProblem p = RowFixtures.plan();
        return new PortfolioProblem(List.of(new Site("a", p), new Site("b", p)), 2_000_000.0, -1_000_000.0, 5.0, List.of(3_000_000.0), 3.0);
    }

    /*
     * Fixed: S[a,H100,Jan] = 2, S[b,H100,Jan] = 1, no Feb starts, nothing online yet (lead time 2), W = 2 and 1 both months;
     * 1 BTC sold in Jan.
     * crews Jan: 2 + 1 = 3 ≤ 3; Feb: 0.
     * capex paid (spread, half a month): Jan (2 + 1)·500,000 = 1,500,000; Feb again 1,500,000 → year 1: 3,000,000 ≤ 3,000,000
     * (row in millions: 3.0 ≤ 3.0).
     * cash Jan = 2,000,000 − 1,500,000 + 1·50,000 = 550,000; Feb = 550,000 − 1,500,000 = −950,000 ≥ −1,000,000.
     * cashBalance[Jan]: 1e-6 (550,000 − (−1,450,000)) = 2.0 = 1e-6 S₀; cashBalance[Feb]: 1e-6 (−950,000 − 550,000 + 1,500,000) = 0.
     * treasuryLimit: 1 ≤ 5.
     */
    @Test
    void sharedRowsHoldTheHandFigures() {
        PortfolioProblem pp = portfolio();
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            List<List<List<CashRows.Term>>> siteTerms = new ArrayList<>();
            List<MPVariable[][]> starts = new ArrayList<>();
            List<List<CashRows.Term>> all = CashRows.newTerms(2);
            double[] mw = {2.0, 1.0};
            for (int x = 0; x < 2; x++) {
                Site site = pp.sites().get(x);
                AiBuildRows.Ai ai = AiBuildRows.add(s, site.plan(), site.name(), null);
                for (int m = 0; m < 2; m++) {
                    fix(ai.start()[0][m], m == 0 ? mw[x] : 0.0);
                    fix(ai.reserved()[0][m], mw[x]);
                    fix(ai.online()[0][m], 0.0);
                }
                List<List<CashRows.Term>> terms = CashRows.newTerms(2);
                CashRows.addAiCash(site.plan(), ai, null, terms);
                siteTerms.add(terms);
                starts.add(ai.start());
                all.get(0).addAll(terms.get(0));
                all.get(1).addAll(terms.get(1));
            }
            assertThat(starts.get(1)[0][0].name()).isEqualTo("aiStart[b,H100,2026-01]");
            MPVariable[] sold = PortfolioRows.addTreasury(s, pp);
            fix(sold[0], 1.0);
            fix(sold[1], 0.0);
            List<List<CashRows.Term>> treasury = CashRows.newTerms(2);
            CashRows.addTreasuryCash(pp.calendar(), sold, treasury);
            all.get(0).addAll(treasury.get(0));
            CashRows.Balance cash = PortfolioRows.addConsolidatedCash(s, pp, all);
            assertThat(cash.cash()[1].lb()).isEqualTo(-1_000_000.0);
            fix(cash.cash()[0], 550_000.0);
            fix(cash.cash()[1], -950_000.0);
            PortfolioRows.addCapexBudget(s, pp, siteTerms);
            PortfolioRows.addCrews(s, pp, starts);

            assertRow(s, "conversionCrews[2026-01]", 3.0, Double.NEGATIVE_INFINITY, 3.0);
            assertRow(s, "conversionCrews[2026-02]", 0.0, Double.NEGATIVE_INFINITY, 3.0);
            assertRow(s, "capexBudget[2026-01]", 3.0, Double.NEGATIVE_INFINITY, 3.0);
            assertRow(s, "cashBalance[2026-01]", 2.0, 2.0, 2.0);
            assertRow(s, "cashBalance[2026-02]", 0.0, 0.0, 0.0);
            assertRow(s, "treasuryLimit", 1.0, Double.NEGATIVE_INFINITY, 5.0);
            assertThat(cash.cash()[1].name()).isEqualTo("cash[2026-02]");
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }

    /** No treasury, no budget, no crews: no treasury variables, no budget rows, no crew rows. */
    @Test
    void nothingSharedButCash() {
        PlanProblem p = RowFixtures.plan();
        PortfolioProblem pp = new PortfolioProblem(List.of(new Site("a", p)), 0.0, 0.0, 0.0, null, Double.POSITIVE_INFINITY);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            assertThat(PortfolioRows.addTreasury(s, pp)).isNull();
            assertThat(PortfolioRows.addCapexBudget(s, pp, List.of(CashRows.newTerms(2)))).containsOnlyNulls();
            assertThat(PortfolioRows.addCrews(s, pp, List.of())).isNull();
            assertThat(s.numConstraints()).isZero();
        } finally {
            s.delete();
        }
    }
}
