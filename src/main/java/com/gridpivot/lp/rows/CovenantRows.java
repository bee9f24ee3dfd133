package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.PlanFinancing;
import com.gridpivot.planning.input.PlanFinancing.ConvertibleNote;
import com.gridpivot.planning.input.PlanFinancing.TermLoan;
import com.gridpivot.planning.input.PlanProblem;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Covenants (models/PLANS.md, "Covenants"), each optional, and the debt they measure:
 * <pre>
 *   debtₘ = Q[m] + Σₖ (oₖ(m) − qₖ(m)) x[k] + Σₙ [eₙ ≤ m &lt; μₙ] y[n]      owed at the end of month m (USD)
 *   EBITDAₘ = Σ of month m's cash terms of mining and AI revenue, energy and opex (no capex, trades, treasury, financing)
 *   EBITDA¹²ₘ = 12 / nₘ Σ_{q = m−nₘ+1..m} EBITDA_q,  nₘ = min(m + 1, 12)   (the trailing 12 months, annualised in the first year)
 * </pre>
 * Rows in millions of USD, as the cash balance ({@link CashRows#CASH_ROW_SCALE}).
 */
public final class CovenantRows {
    private CovenantRows() {
    }

    /** The covenant rows by month (null where a covenant is absent or, for debt, no debt may be owed that month). */
    public record Covenants(MPConstraint[] minCash, MPConstraint[] maxDebtToEbitda) {
    }

    /**
     * debtₘ as coefficients per variable (USD per unit of each variable).
     *
     * @param revolver the credit line, or null
     * @param loans    x[k]
     * @param notes    y[n]
     */
    public static List<Map<MPVariable, Double>> debt(PlanProblem p, RevolvingCreditRows.Revolver revolver, MPVariable[] loans,
                                                     MPVariable[] notes) {
        PlanFinancing f = p.financing();
        List<Map<MPVariable, Double>> out = new ArrayList<>(p.monthCount());
        for (int m = 0; m < p.monthCount(); m++) {
            Map<MPVariable, Double> d = new IdentityHashMap<>();
            if (revolver != null) {
                d.put(revolver.balanceUsd()[m], 1.0);
            }
            for (int k = 0; k < loans.length; k++) {
                TermLoan l = f.termLoans().get(k);
                if (l.endBalanceShare(m) > 0.0) {
                    d.put(loans[k], l.endBalanceShare(m));
                }
            }
            for (int n = 0; n < notes.length; n++) {
                ConvertibleNote note = f.convertibleNotes().get(n);
                if (note.endBalanceShare(m) > 0.0) {
                    d.put(notes[n], note.endBalanceShare(m));
                }
            }
            out.add(d);
        }
        return out;
    }

    /** nₘ = min(m + 1, 12): the months of the trailing window inside the horizon. */
    public static int trailingMonths(int m) {
        return Math.min(m + 1, 12);
    }

    /**
     * @param cash the cumulative cash cash[m]
     * @param debt debtₘ ({@link #debt})
     */
    public static Covenants add(MPSolver s, PlanProblem p, List<List<CashRows.Term>> terms, MPVariable[] cash,
                                List<Map<MPVariable, Double>> debt) {
        PlanFinancing.Covenants c = p.financing().covenants();
        double k = CashRows.CASH_ROW_SCALE;
        int months = p.monthCount();
        MPConstraint[] minCash = null;
        if (c.minCashUsd() != null) {
            minCash = new MPConstraint[months];
            for (int m = 0; m < months; m++) {
                // covenantMinCash[m]: 1e-6 cash[m] ≥ 1e-6 minCash
                minCash[m] = Lp.row(s, c.minCashUsd() * k, Lp.inf(), LpNames.of("covenantMinCash", Months.label(p, m)));
                minCash[m].setCoefficient(cash[m], k);
            }
        }
        MPConstraint[] maxDebt = null;
        if (c.maxDebtToTrailingEbitda() != null) {
            maxDebt = new MPConstraint[months];
            double ratio = c.maxDebtToTrailingEbitda();
            for (int m = 0; m < months; m++) {
                if (debt.get(m).isEmpty()) {
                    continue; // no debt can be owed at the end of this month: nothing to test
                }
                // covenantDebtToEbitda[m]: 1e-6 (debtₘ − k 12/nₘ Σ_{q=m−nₘ+1..m} EBITDA_q) ≤ 0
                MPConstraint row = Lp.row(s, -Lp.inf(), 0.0, LpNames.of("covenantDebtToEbitda", Months.label(p, m)));
                debtToEbitdaCoefficients(terms, debt, m, ratio, t -> 1.0).forEach((v, a) -> row.setCoefficient(v, a * k));
                maxDebt[m] = row;
            }
        }
        return new Covenants(minCash, maxDebt);
    }

    /**
     * A plan sweep's point on a model built for the base: the debt-to-EBITDA rows take the point's EBITDA, each cash term
     * scaled by {@code scale} (its category's factor), as the cash balance and the objective do; debt is not scaled.
     */
    public static void setScaled(Covenants covenants, PlanProblem p, List<List<CashRows.Term>> terms, List<Map<MPVariable, Double>> debt,
                                 java.util.function.ToDoubleFunction<CashRows.Term> scale) {
        if (covenants == null || covenants.maxDebtToEbitda() == null) {
            return;
        }
        double ratio = p.financing().covenants().maxDebtToTrailingEbitda();
        for (int m = 0; m < covenants.maxDebtToEbitda().length; m++) {
            MPConstraint row = covenants.maxDebtToEbitda()[m];
            if (row != null) {
                debtToEbitdaCoefficients(terms, debt, m, ratio, scale).forEach((v, a) -> row.setCoefficient(v, a * CashRows.CASH_ROW_SCALE));
            }
        }
    }

    /** debtₘ − k 12/nₘ Σ_{q=m−nₘ+1..m} s(t) EBITDA terms t of month q, per variable (USD, before the row scale). */
    private static Map<MPVariable, Double> debtToEbitdaCoefficients(List<List<CashRows.Term>> terms, List<Map<MPVariable, Double>> debt, int m,
                                                                    double ratio, java.util.function.ToDoubleFunction<CashRows.Term> scale) {
        Map<MPVariable, Double> coef = new IdentityHashMap<>();
        debt.get(m).forEach((v, a) -> coef.merge(v, a, Double::sum));
        int n = trailingMonths(m);
        for (int q = m - n + 1; q <= m; q++) {
            for (CashRows.Term t : terms.get(q)) {
                if (t.category().inEbitda()) {
                    coef.merge(t.variable(), -ratio * 12.0 / n * scale.applyAsDouble(t) * t.coefficientUsd(), Double::sum);
                }
            }
        }
        return coef;
    }
}
