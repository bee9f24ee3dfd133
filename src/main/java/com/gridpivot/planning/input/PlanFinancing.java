package com.gridpivot.planning.input;

import java.util.List;

/**
 * The financing sources a plan may draw (issue 15, item 2; models/PLANS.md "Financing sources"), resolved to month indices
 * m = 0..M−1 from the plan's first month. Every flow of a source is paid at the end of its month; principal (draws, issues,
 * repayments) moves cash but not the NPV, interest and fees enter both.
 *
 * @param revolvingCredit   a revolving credit line, or null
 * @param termLoans         term loans, each drawn (up to its amount) in its availability month
 * @param convertibleNotes  convertible notes, each issued (up to its principal) in its issue month
 * @param covenants         optional covenants
 * @param sharesOutstanding shares outstanding before any conversion (for the dilution of the notes), or null
 * @param tax               corporate income tax (issue 15, item 3), or null: no tax rows, the numbers of a plan before taxes
 */
public record PlanFinancing(RevolvingCredit revolvingCredit, List<TermLoan> termLoans, List<ConvertibleNote> convertibleNotes,
                            Covenants covenants, Double sharesOutstanding, PlanTax tax) {

    /** No financing source, no covenant, no tax. */
    public static final PlanFinancing NONE = new PlanFinancing(null, List.of(), List.of(), Covenants.NONE, null, null);

    /** Sources and covenants without tax. */
    public PlanFinancing(RevolvingCredit revolvingCredit, List<TermLoan> termLoans, List<ConvertibleNote> convertibleNotes,
                         Covenants covenants, Double sharesOutstanding) {
        this(revolvingCredit, termLoans, convertibleNotes, covenants, sharesOutstanding, null);
    }

    public PlanFinancing {
        termLoans = termLoans == null ? List.of() : List.copyOf(termLoans);
        convertibleNotes = convertibleNotes == null ? List.of() : List.copyOf(convertibleNotes);
        covenants = covenants == null ? Covenants.NONE : covenants;
    }

    /** True when a source of debt may be drawn (the plan then has financing variables). */
    public boolean hasSources() {
        return revolvingCredit != null || !termLoans.isEmpty() || !convertibleNotes.isEmpty();
    }

    /** The same sources without the minimum-cash covenant (the infeasibility explainer lowers the cash floor itself). */
    public PlanFinancing withoutMinCash() {
        return new PlanFinancing(revolvingCredit, termLoans, convertibleNotes, new Covenants(null, covenants.maxDebtToTrailingEbitda()),
                sharesOutstanding, tax);
    }

    /** The same sources and covenants with this tax (null: none). */
    public PlanFinancing withTax(PlanTax t) {
        return new PlanFinancing(revolvingCredit, termLoans, convertibleNotes, covenants, sharesOutstanding, t);
    }

    /** No source and no covenant (the answer's financing section is then absent); says nothing about tax. */
    public boolean isNone() {
        return !hasSources() && covenants.minCashUsd() == null && covenants.maxDebtToTrailingEbitda() == null;
    }

    /**
     * A revolving credit line: the balance may be drawn and repaid in any month up to the limit.
     *
     * @param limitUsd             the most that may be drawn at once
     * @param interestRatePerYear  on the drawn balance, paid monthly (rate / 12 per month)
     * @param commitmentFeePerYear on the undrawn part (limit − balance), paid monthly (fee / 12 per month)
     */
    public record RevolvingCredit(double limitUsd, double interestRatePerYear, double commitmentFeePerYear) {
    }

    /** How a term loan is repaid. */
    public enum Amortization {
        /** equal principal each month over the tenor */
        STRAIGHT,
        /** all principal at the end of the tenor's last month */
        BULLET
    }

    /**
     * A term loan: x ≤ amountUsd drawn at the end of month a = availableFromIndex, outstanding from month a over tenorMonths
     * months (a full month of interest in the month of the draw: the conservative side).
     *
     * @param name               shown in answers and LP names
     * @param amountUsd          the most that may be drawn
     * @param availableFromIndex a, the month index of the draw
     * @param interestRatePerYear on the outstanding balance, rate / 12 per month
     * @param tenorMonths        n, months from the draw to the last repayment (the draw month included)
     * @param amortization       STRAIGHT or BULLET
     * @param upfrontFeeShare    φ, a fee of φ x paid in the month of the draw
     */
    public record TermLoan(String name, double amountUsd, int availableFromIndex, double interestRatePerYear, int tenorMonths,
                           Amortization amortization, double upfrontFeeShare) implements DebtSchedule {

        @Override
        public int drawIndex() {
            return availableFromIndex;
        }

        @Override
        public double ratePerYear() {
            return interestRatePerYear;
        }

        @Override
        public double feeShare() {
            return upfrontFeeShare;
        }

        /** Share of the drawn amount outstanding during month m (interest accrues on it): t = m − a, 0 ≤ t &lt; n. */
        public double outstandingShare(int m) {
            int t = m - availableFromIndex;
            if (t < 0 || t >= tenorMonths) {
                return 0.0;
            }
            return amortization == Amortization.BULLET ? 1.0 : 1.0 - (double) t / tenorMonths;
        }

        /** Share of the drawn amount repaid at the end of month m: STRAIGHT 1/n in each of the n months, BULLET 1 in the last. */
        public double repaidShare(int m) {
            int t = m - availableFromIndex;
            if (t < 0 || t >= tenorMonths) {
                return 0.0;
            }
            return amortization == Amortization.BULLET ? (t == tenorMonths - 1 ? 1.0 : 0.0) : 1.0 / tenorMonths;
        }

    }

    /**
     * What a term loan and a convertible note share: an amount x chosen by the LP, drawn (issued) at the end of month
     * {@link #drawIndex()}, outstanding, repaid and owed in month m as the shares below times x, interest at
     * ratePerYear / 12 on the outstanding share, a fee of feeShare · x in the draw month.
     */
    public interface DebtSchedule {
        int drawIndex();

        double ratePerYear();

        double feeShare();

        /** Share of the drawn amount outstanding during month m (interest accrues on it). */
        double outstandingShare(int m);

        /** Share of the drawn amount repaid at the end of month m. */
        double repaidShare(int m);

        /** Share of the drawn amount still owed at the end of month m (after its repayment). */
        default double endBalanceShare(int m) {
            return outstandingShare(m) - repaidShare(m);
        }
    }

    /**
     * A convertible note: y ≤ principalUsd issued at the end of month issueIndex, coupon on y in every month from the issue to
     * the maturity (both included), principal repaid in cash at the end of the maturity month (maturity past the horizon: still
     * owed at its end). Conversion into shares is not in the LP (see models/PLANS.md): the answer reports the dilution if it
     * converted.
     *
     * @param name                       shown in answers and LP names
     * @param principalUsd               the most that may be issued
     * @param couponPerYear              paid monthly on the issued principal (coupon / 12 per month)
     * @param conversionPriceUsdPerShare USD of principal per share on conversion
     * @param issueIndex                 month index of the issue
     * @param maturityIndex              month index of the maturity (may be ≥ M: past the horizon)
     */
    public record ConvertibleNote(String name, double principalUsd, double couponPerYear, double conversionPriceUsdPerShare, int issueIndex,
                                  int maturityIndex) implements DebtSchedule {

        @Override
        public int drawIndex() {
            return issueIndex;
        }

        @Override
        public double ratePerYear() {
            return couponPerYear;
        }

        /** No issue fee. */
        @Override
        public double feeShare() {
            return 0.0;
        }

        /** 1 in the months from the issue to the maturity, both included (the coupon accrues on the principal then). */
        public double outstandingShare(int m) {
            return m >= issueIndex && m <= maturityIndex ? 1.0 : 0.0;
        }

        /** 1 in the maturity month (repaid in cash at its end). */
        public double repaidShare(int m) {
            return m == maturityIndex ? 1.0 : 0.0;
        }
    }

    /**
     * @param minCashUsd              cumulative cash ≥ this at every month's end, or null
     * @param maxDebtToTrailingEbitda debt at a month's end ≤ this × EBITDA of the trailing 12 months, or null
     */
    public record Covenants(Double minCashUsd, Double maxDebtToTrailingEbitda) {
        public static final Covenants NONE = new Covenants(null, null);
    }
}
