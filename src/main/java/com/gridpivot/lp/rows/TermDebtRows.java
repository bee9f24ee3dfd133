package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.PlanFinancing.TermLoan;
import com.gridpivot.planning.input.PlanProblem;
import java.util.List;

/**
 * Term loans (models/PLANS.md, "Financing sources"): loan k may be drawn once, x[k] ≤ amountₖ, in its availability month aₖ;
 * its repayment schedule is fixed by its amortization, so every flow is a known share of x[k] (linear):
 * <pre>
 *   termLoanDrawnUsd[k]   x[k] ∈ [0, amountₖ]
 *   outstanding during month m = oₖ(m) x[k],  oₖ(m) = 1 (BULLET) or 1 − t/nₖ (STRAIGHT), t = m − aₖ ∈ [0, nₖ)
 *   repaid at the end of m     = qₖ(m) x[k],  qₖ(m) = 1 at t = nₖ − 1 (BULLET) or 1/nₖ for t ∈ [0, nₖ) (STRAIGHT)
 * </pre>
 * Cash of month m: + x[k] [m = aₖ] − qₖ(m) x[k] (principal: cash only) − iₖ/12 oₖ(m) x[k] (interest) − φₖ x[k] [m = aₖ]
 * (upfront fee). Repayments past the horizon are not in it: the balance then still owed is reported.
 * There is no row: the schedule is in the coefficients, the amount in the bound.
 */
public final class TermDebtRows {
    private TermDebtRows() {
    }

    /** x[k] per loan (empty without loans). */
    public static MPVariable[] add(MPSolver s, PlanProblem p, List<List<CashRows.Term>> terms) {
        List<TermLoan> loans = p.financing().termLoans();
        MPVariable[] drawn = new MPVariable[loans.size()];
        for (int k = 0; k < loans.size(); k++) {
            TermLoan l = loans.get(k);
            drawn[k] = Lp.var(s, 0.0, l.amountUsd(), LpNames.of("termLoanDrawnUsd", l.name()));
            for (int m = 0; m < p.monthCount(); m++) {
                List<CashRows.Term> month = terms.get(m);
                double principal = (m == l.availableFromIndex() ? 1.0 : 0.0) - l.repaidShare(m);
                if (principal != 0.0) {
                    month.add(new CashRows.Term(drawn[k], principal, CashCategory.DEBT_PRINCIPAL));
                }
                double interest = l.interestRatePerYear() / 12.0 * l.outstandingShare(m);
                if (interest != 0.0) {
                    month.add(new CashRows.Term(drawn[k], -interest, CashCategory.FINANCING_INTEREST));
                }
                if (m == l.availableFromIndex() && l.upfrontFeeShare() != 0.0) {
                    month.add(new CashRows.Term(drawn[k], -l.upfrontFeeShare(), CashCategory.FINANCING_FEE));
                }
            }
        }
        return drawn;
    }
}
