package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.PlanFinancing.RevolvingCredit;
import com.gridpivot.planning.input.PlanProblem;
import java.util.List;

/**
 * A revolving credit line (models/PLANS.md, "Financing sources"): limit L, interest i a year on the drawn balance, commitment
 * fee f a year on the undrawn part, both paid at the end of each month. The balance of month m is held through the month
 * (drawn at its start, so a draw pays a full month of interest: the conservative side); every flow counts at the month's end.
 * <pre>
 *   revolverDrawUsd[m]     U[m] ≥ 0   drawn in month m
 *   revolverRepayUsd[m]    V[m] ≥ 0   repaid in month m
 *   revolverBalanceUsd[m]  Q[m] ≥ 0   owed through month m
 *   revolverUndrawnUsd[m]  Z[m] ≥ 0   L − Q[m]
 * </pre>
 */
public final class RevolvingCreditRows {
    private RevolvingCreditRows() {
    }

    /** The line's variables by month. */
    public record Revolver(MPVariable[] drawUsd, MPVariable[] repayUsd, MPVariable[] balanceUsd, MPVariable[] undrawnUsd) {
    }

    /**
     * The rows and the line's cash terms; null (nothing added) without a line. Rows in millions of USD, as the cash balance
     * ({@link CashRows#CASH_ROW_SCALE}).
     */
    public static Revolver add(MPSolver s, PlanProblem p, List<List<CashRows.Term>> terms) {
        RevolvingCredit rc = p.financing().revolvingCredit();
        if (rc == null) {
            return null;
        }
        int months = p.monthCount();
        MPVariable[] draw = new MPVariable[months];
        MPVariable[] repay = new MPVariable[months];
        MPVariable[] balance = new MPVariable[months];
        MPVariable[] undrawn = new MPVariable[months];
        double k = CashRows.CASH_ROW_SCALE;
        for (int m = 0; m < months; m++) {
            String mn = Months.label(p, m);
            draw[m] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("revolverDrawUsd", mn));
            repay[m] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("revolverRepayUsd", mn));
            balance[m] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("revolverBalanceUsd", mn));
            undrawn[m] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("revolverUndrawnUsd", mn));
            // revolverBalance[m]: 1e-6 (Q[m] − Q[m−1] − U[m] + V[m]) = 0,  Q[−1] = 0
            MPConstraint bal = Lp.row(s, 0.0, 0.0, LpNames.of("revolverBalance", mn));
            bal.setCoefficient(balance[m], k);
            if (m > 0) {
                bal.setCoefficient(balance[m - 1], -k);
            }
            bal.setCoefficient(draw[m], -k);
            bal.setCoefficient(repay[m], k);
            // revolverLimit[m]: 1e-6 (Q[m] + Z[m]) = 1e-6 L   (so Q[m] ≤ L, and Z[m] is the undrawn part the fee is paid on)
            MPConstraint limit = Lp.row(s, rc.limitUsd() * k, rc.limitUsd() * k, LpNames.of("revolverLimit", mn));
            limit.setCoefficient(balance[m], k);
            limit.setCoefficient(undrawn[m], k);
            // cash of month m: + U[m] − V[m] (principal: cash only) − i/12 Q[m] − f/12 Z[m]
            List<CashRows.Term> month = terms.get(m);
            month.add(new CashRows.Term(draw[m], 1.0, CashCategory.DEBT_PRINCIPAL));
            month.add(new CashRows.Term(repay[m], -1.0, CashCategory.DEBT_PRINCIPAL));
            if (rc.interestRatePerYear() != 0.0) {
                month.add(new CashRows.Term(balance[m], -rc.interestRatePerYear() / 12.0, CashCategory.FINANCING_INTEREST));
            }
            if (rc.commitmentFeePerYear() != 0.0) {
                month.add(new CashRows.Term(undrawn[m], -rc.commitmentFeePerYear() / 12.0, CashCategory.FINANCING_FEE));
            }
        }
        return new Revolver(draw, repay, balance, undrawn);
    }
}
