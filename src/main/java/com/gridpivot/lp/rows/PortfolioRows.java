package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.lp.rows.CashRows.Term;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PortfolioProblem;
import java.util.List;
import java.util.Map;

/**
 * What the sites of a portfolio share (models/PLANS.md, Portfolios): the company's treasury, its consolidated cash, a capex
 * budget per plan year and the conversion crews. The sites' own rows are the plan's groups with a site tag. Symbols: sites
 * s, months m of the shared calendar, plan years y (months 12y … 12y+11), CFₘˢ site s's cash flow of month m.
 */
public final class PortfolioRows {
    private PortfolioRows() {
    }

    /**
     * treasuryLimit: Σₘ T[m] ≤ N (the company's BTC, sold for any site's cash); T[m] treasurySold ≥ 0. No variables (null)
     * without a treasury. Cash: {@link CashRows#addTreasuryCash} on the calendar.
     */
    public static MPVariable[] addTreasury(MPSolver s, PortfolioProblem pp) {
        if (pp.treasuryBtc() <= 0.0) {
            return null;
        }
        PlanProblem cal = pp.calendar();
        MPVariable[] sold = new MPVariable[cal.monthCount()];
        MPConstraint limit = Lp.row(s, -Lp.inf(), pp.treasuryBtc(), "treasuryLimit");
        for (int m = 0; m < sold.length; m++) {
            sold[m] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("treasurySold", Months.label(cal, m)));
            limit.setCoefficient(sold[m], 1.0);
        }
        return sold;
    }

    /**
     * cashBalance[m]: 1e-6 (cash[m] − cash[m−1] − Σₛ CFₘˢ − CFₘ^treasury) = 1e-6 S₀ at m = 0, else 0 (in millions of USD,
     * {@link CashRows#CASH_ROW_SCALE}); cash[m] ≥ −creditLine: one consolidated cash for the company.
     *
     * @param terms every site's and the treasury's terms of each month, together
     */
    public static CashRows.Balance addConsolidatedCash(MPSolver s, PortfolioProblem pp, List<List<Term>> terms) {
        PlanProblem cal = pp.calendar();
        MPVariable[] cash = new MPVariable[cal.monthCount()];
        MPConstraint[] rows = new MPConstraint[cal.monthCount()];
        double lb = Double.isFinite(pp.cashFloorUsd()) ? pp.cashFloorUsd() : -Lp.inf();
        for (int m = 0; m < cash.length; m++) {
            String mn = Months.label(cal, m);
            cash[m] = Lp.var(s, lb, Lp.inf(), LpNames.of("cash", mn));
            double rhs = m == 0 ? pp.startingCashUsd() * CashRows.CASH_ROW_SCALE : 0.0;
            MPConstraint row = Lp.row(s, rhs, rhs, LpNames.of("cashBalance", mn));
            row.setCoefficient(cash[m], CashRows.CASH_ROW_SCALE);
            if (m > 0) {
                row.setCoefficient(cash[m - 1], -CashRows.CASH_ROW_SCALE);
            }
            rows[m] = row;
        }
        CashRows.setBalance(rows, CashRows.flows(terms, t -> 1.0));
        return new CashRows.Balance(cash, rows);
    }

    /**
     * capexBudget[y]: 1e-6 Σₛ Σ_{m∈y} Σ_{capex terms c of s,m} (−c) ≤ 1e-6 Bᵧ, the capex terms being AI fit-out
     * ({@link CashCategory#AI_CAPEX}) and ASIC purchases ({@link CashCategory#ASIC_PURCHASE}) as paid in month m (a spread
     * fit-out counts in the months it is paid). Only the years with a budget get a row (in millions of USD, as the cash rows).
     *
     * @param siteTerms each site's terms of each month
     * @return the row of each plan year, null for a year without a budget
     */
    public static MPConstraint[] addCapexBudget(MPSolver s, PortfolioProblem pp, List<List<List<Term>>> siteTerms) {
        PlanProblem cal = pp.calendar();
        int years = (cal.monthCount() + 11) / 12;
        MPConstraint[] rows = new MPConstraint[years];
        for (int y = 0; y < years; y++) {
            double budget = pp.capexBudgetUsd(y);
            if (!Double.isFinite(budget)) {
                continue;
            }
            MPConstraint row = Lp.row(s, -Lp.inf(), budget * CashRows.CASH_ROW_SCALE, LpNames.of("capexBudget", Months.label(cal, 12 * y)));
            for (List<List<Term>> terms : siteTerms) {
                for (int m = 12 * y; m < Math.min(12 * y + 12, cal.monthCount()); m++) {
                    for (Map.Entry<MPVariable, Double> e : capex(terms.get(m)).entrySet()) {
                        row.setCoefficient(e.getKey(), row.getCoefficient(e.getKey()) + e.getValue() * CashRows.CASH_ROW_SCALE);
                    }
                }
            }
            rows[y] = row;
        }
        return rows;
    }

    /** Capex paid per variable in one month's terms, USD per unit (positive). */
    private static Map<MPVariable, Double> capex(List<Term> month) {
        Map<MPVariable, Double> out = new java.util.IdentityHashMap<>();
        for (Term t : month) {
            if (t.category() == CashCategory.AI_CAPEX || t.category() == CashCategory.ASIC_PURCHASE) {
                out.merge(t.variable(), -t.coefficientUsd(), Double::sum);
            }
        }
        return out;
    }

    /**
     * conversionCrews[m]: Σₛ Σⱼ S[s,j,m] ≤ crews (AI IT MW whose construction starts in month m, company-wide; no rows
     * without a crew limit).
     *
     * @param siteStarts S[j][m] of each site
     */
    public static MPConstraint[] addCrews(MPSolver s, PortfolioProblem pp, List<MPVariable[][]> siteStarts) {
        if (!Double.isFinite(pp.crewMwPerMonth())) {
            return null;
        }
        PlanProblem cal = pp.calendar();
        MPConstraint[] rows = new MPConstraint[cal.monthCount()];
        for (int m = 0; m < rows.length; m++) {
            rows[m] = Lp.row(s, -Lp.inf(), pp.crewMwPerMonth(), LpNames.of("conversionCrews", Months.label(cal, m)));
            for (MPVariable[][] starts : siteStarts) {
                for (MPVariable[] sj : starts) {
                    rows[m].setCoefficient(sj[m], 1.0);
                }
            }
        }
        return rows;
    }
}
