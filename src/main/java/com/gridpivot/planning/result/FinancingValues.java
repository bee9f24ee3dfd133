package com.gridpivot.planning.result;

import com.google.ortools.linearsolver.MPConstraint;
import com.gridpivot.planning.input.PlanFinancing;
import com.gridpivot.planning.input.PlanFinancing.ConvertibleNote;
import com.gridpivot.planning.input.PlanFinancing.RevolvingCredit;
import com.gridpivot.planning.input.PlanFinancing.TermLoan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.model.PlanFinancingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The financing sources' numbers read out of a solved plan model, month by month (USD; costs positive): the same flows as
 * the cash terms of {@code RevolvingCreditRows}, {@code TermDebtRows} and {@code ConvertibleNoteRows}.
 *
 * @param sources     one per source, in the order credit line, term loans, convertible notes
 * @param debtUsd     debtₘ owed at each month's end, all sources
 * @param ebitdaTrailingUsd EBITDA¹²ₘ (the trailing 12 months, annualised in the first year), for the covenant's headroom
 */
public record FinancingValues(List<Source> sources, double[] debtUsd, double[] ebitdaTrailingUsd) {

    /**
     * @param name        "credit line" or the loan's or note's name
     * @param kind        REVOLVING_CREDIT, TERM_LOAN, CONVERTIBLE_NOTE
     * @param limitUsd    the line's limit, the loan's amount, the note's principal
     * @param drawsUsd    drawn or issued in each month
     * @param repaymentsUsd repaid in each month
     * @param balanceUsd  owed at each month's end
     * @param interestUsd interest or coupon paid in each month
     * @param feesUsd     commitment or upfront fees paid in each month
     */
    public record Source(String name, String kind, double limitUsd, double[] drawsUsd, double[] repaymentsUsd, double[] balanceUsd,
                         double[] interestUsd, double[] feesUsd) {
        public double total(double[] v) {
            double s = 0.0;
            for (double x : v) {
                s += x;
            }
            return s;
        }
    }

    /** A term loan's or a note's months from its schedule and the amount x the plan drew (issued). */
    private static Source scheduled(String name, String kind, double limitUsd, PlanFinancing.DebtSchedule d, double x, int months) {
        double[] draw = new double[months];
        double[] repay = new double[months];
        double[] bal = new double[months];
        double[] interest = new double[months];
        double[] fee = new double[months];
        for (int m = 0; m < months; m++) {
            draw[m] = m == d.drawIndex() ? x : 0.0;
            repay[m] = d.repaidShare(m) * x;
            bal[m] = d.endBalanceShare(m) * x;
            interest[m] = d.ratePerYear() / 12.0 * d.outstandingShare(m) * x;
            fee[m] = m == d.drawIndex() ? d.feeShare() * x : 0.0;
        }
        return new Source(name, kind, limitUsd, draw, repay, bal, interest, fee);
    }

    static FinancingValues read(PlanProblem p, PlanFinancingModel f, double[] ebitdaUsd) {
        int months = p.monthCount();
        PlanFinancing fin = p.financing();
        List<Source> out = new ArrayList<>();
        if (f.revolver() != null) {
            RevolvingCredit rc = fin.revolvingCredit();
            double[] draw = new double[months];
            double[] repay = new double[months];
            double[] bal = new double[months];
            double[] interest = new double[months];
            double[] fee = new double[months];
            for (int m = 0; m < months; m++) {
                draw[m] = f.revolver().drawUsd()[m].solutionValue();
                repay[m] = f.revolver().repayUsd()[m].solutionValue();
                bal[m] = f.revolver().balanceUsd()[m].solutionValue();
                interest[m] = rc.interestRatePerYear() / 12.0 * bal[m];
                fee[m] = rc.commitmentFeePerYear() / 12.0 * f.revolver().undrawnUsd()[m].solutionValue();
            }
            out.add(new Source("credit line", "REVOLVING_CREDIT", rc.limitUsd(), draw, repay, bal, interest, fee));
        }
        for (int k = 0; k < f.loans().length; k++) {
            TermLoan l = fin.termLoans().get(k);
            out.add(scheduled(l.name(), "TERM_LOAN", l.amountUsd(), l, f.loans()[k].solutionValue(), months));
        }
        for (int n = 0; n < f.notes().length; n++) {
            ConvertibleNote note = fin.convertibleNotes().get(n);
            out.add(scheduled(note.name(), "CONVERTIBLE_NOTE", note.principalUsd(), note, f.notes()[n].solutionValue(), months));
        }
        double[] debt = new double[months];
        double[] trailing = new double[months];
        for (int m = 0; m < months; m++) {
            debt[m] = f.debtUsd(m);
            int n = Math.min(m + 1, 12);
            for (int q = m - n + 1; q <= m; q++) {
                trailing[m] += ebitdaUsd[q] * 12.0 / n;
            }
        }
        return new FinancingValues(List.copyOf(out), debt, trailing);
    }

    /** True when a covenant row exists in month m (the debt covenant is tested only where debt may be owed). */
    static boolean tested(MPConstraint[] rows, int m) {
        return rows != null && rows[m] != null;
    }
}
