package com.gridpivot.planning.input;

import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.planning.input.PlanFinancing.Amortization;
import com.gridpivot.planning.input.PlanFinancing.ConvertibleNote;
import com.gridpivot.planning.input.PlanFinancing.Covenants;
import com.gridpivot.planning.input.PlanFinancing.RevolvingCredit;
import com.gridpivot.planning.input.PlanFinancing.TermLoan;
import com.gridpivot.planning.input.PlanRequest.ConvertibleNoteInput;
import com.gridpivot.planning.input.PlanRequest.PlanFinanceInput;
import com.gridpivot.planning.input.PlanRequest.TermLoanInput;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validates {@code finance}'s sources and covenants (issue 15) into a {@link PlanFinancing}, every error naming its field. */
final class FinancingInputs {
    static final double MAX_USD = 1e13;
    static final double MAX_RATE = 1.0;
    static final int MAX_TENOR_MONTHS = 600;
    static final int MAX_SOURCES = 20;

    private FinancingInputs() {
    }

    static PlanFinancing resolve(PlanFinanceInput in, YearMonth start, int months, FieldChecks c) {
        RevolvingCredit line = null;
        if (in.revolvingCredit() != null) {
            var r = in.revolvingCredit();
            if (in.creditLineUsd() != null && in.creditLineUsd() > 0.0) {
                c.error("finance.creditLineUsd", "give either creditLineUsd (a free line, no interest) or revolvingCredit (a priced line), "
                        + "not both: write the line's limit as finance.revolvingCredit.limitUsd");
            }
            double limit = c.required("finance.revolvingCredit.limitUsd", r.limitUsd(), 0.0, MAX_USD, "USD");
            double rate = c.required("finance.revolvingCredit.interestRatePerYear", r.interestRatePerYear(), 0.0, MAX_RATE, "per year");
            double fee = c.optional("finance.revolvingCredit.commitmentFeePerYear", r.commitmentFeePerYear(), 0.0, 0.0, MAX_RATE, "per year");
            line = new RevolvingCredit(limit, rate, fee);
        }
        Set<String> names = new HashSet<>();
        List<TermLoan> loans = new ArrayList<>();
        List<TermLoanInput> loanInputs = in.termLoans() == null ? List.of() : in.termLoans();
        if (loanInputs.size() > MAX_SOURCES) {
            c.error("finance.termLoans", "at most " + MAX_SOURCES + " loans (got " + loanInputs.size() + ")");
            loanInputs = List.of();
        }
        for (int k = 0; k < loanInputs.size(); k++) {
            String f = "finance.termLoans[" + k + "]";
            TermLoanInput l = loanInputs.get(k);
            if (l == null) {
                c.error(f, "must be an object");
                continue;
            }
            String name = name(c, f + ".name", l.name(), "term loan " + (k + 1), names);
            double amount = c.required(f + ".amountUsd", l.amountUsd(), 0.0, MAX_USD, "USD");
            int from = index(c, f + ".availableFromMonth", l.availableFromMonth(), start, months, 0);
            double rate = c.required(f + ".interestRatePerYear", l.interestRatePerYear(), 0.0, MAX_RATE, "per year");
            int tenor = l.tenorMonths() == null ? -1 : c.wholeNumber(f + ".tenorMonths", l.tenorMonths(), -1, 1, MAX_TENOR_MONTHS);
            if (l.tenorMonths() == null) {
                c.error(f + ".tenorMonths", "is required (months from the draw to the last repayment, e.g. 36)");
            }
            Amortization am = c.choice(f + ".amortization", l.amortization(), Amortization.class, Amortization.STRAIGHT);
            double fee = c.optional(f + ".upfrontFeeShare", l.upfrontFeeShare(), 0.0, 0.0, 0.5, "of the amount drawn");
            loans.add(new TermLoan(name, amount, from, rate, tenor, am, fee));
        }
        List<ConvertibleNote> notes = new ArrayList<>();
        List<ConvertibleNoteInput> noteInputs = in.convertibleNotes() == null ? List.of() : in.convertibleNotes();
        if (noteInputs.size() > MAX_SOURCES) {
            c.error("finance.convertibleNotes", "at most " + MAX_SOURCES + " notes (got " + noteInputs.size() + ")");
            noteInputs = List.of();
        }
        for (int n = 0; n < noteInputs.size(); n++) {
            String f = "finance.convertibleNotes[" + n + "]";
            ConvertibleNoteInput note = noteInputs.get(n);
            if (note == null) {
                c.error(f, "must be an object");
                continue;
            }
            String name = name(c, f + ".name", note.name(), "convertible note " + (n + 1), names);
            double principal = c.required(f + ".principalUsd", note.principalUsd(), 0.0, MAX_USD, "USD");
            double coupon = c.required(f + ".couponPerYear", note.couponPerYear(), 0.0, MAX_RATE, "per year");
            double price = c.required(f + ".conversionPriceUsdPerShare", note.conversionPriceUsdPerShare(), 1e-6, 1e9, "USD per share");
            int issue = index(c, f + ".issueMonth", note.issueMonth(), start, months, 0);
            int maturity = -1;
            YearMonth mat = PlanProblemAssembler.month(c, f + ".maturityMonth", note.maturityMonth(), true);
            if (mat != null) {
                maturity = (int) ChronoUnit.MONTHS.between(start, mat);
                if (maturity <= issue) {
                    c.error(f + ".maturityMonth", "must be after the issue month " + start.plusMonths(issue) + " (got " + mat + ")");
                }
            }
            notes.add(new ConvertibleNote(name, principal, coupon, price, issue, maturity));
        }
        Double minCash = null;
        Double maxLeverage = null;
        if (in.covenants() != null) {
            if (in.covenants().minCashUsd() != null) {
                minCash = c.range("finance.covenants.minCashUsd", in.covenants().minCashUsd(), 0.0, MAX_USD, "USD");
            }
            if (in.covenants().maxDebtToTrailingEbitda() != null) {
                maxLeverage = c.range("finance.covenants.maxDebtToTrailingEbitda", in.covenants().maxDebtToTrailingEbitda(), 0.0, 100.0, "");
                if (in.creditLineUsd() != null && in.creditLineUsd() > 0.0) {
                    c.error("finance.covenants.maxDebtToTrailingEbitda", "measures the debt of revolvingCredit, termLoans and convertibleNotes;"
                            + " the free creditLineUsd is not debt it can measure: write the line as finance.revolvingCredit");
                }
            }
        }
        Double shares = null;
        if (in.sharesOutstanding() != null) {
            shares = c.range("finance.sharesOutstanding", in.sharesOutstanding(), 1.0, 1e13, "shares");
        }
        if (in.creditLineUsd() != null && in.creditLineUsd() > 0.0 && line == null) {
            c.warn("finance.creditLineUsd", FieldChecks.fmt(in.creditLineUsd()) + " USD of credit at no cost (no interest, no commitment fee):"
                    + " the cash may fall to −" + FieldChecks.fmt(in.creditLineUsd()) + " USD for free, as before issue 15; for a priced"
                    + " line write finance.revolvingCredit {\"limitUsd\": " + FieldChecks.fmt(in.creditLineUsd())
                    + ", \"interestRatePerYear\": …, \"commitmentFeePerYear\": …}");
        }
        return new PlanFinancing(line, loans, notes, new Covenants(minCash, maxLeverage), shares);
    }

    private static String name(FieldChecks c, String field, String name, String fallback, Set<String> names) {
        String n = name == null ? fallback : name.trim();
        if (n.isEmpty()) {
            c.error(field, "must not be blank");
        } else if (n.length() > 100) {
            c.error(field, "at most 100 characters (names LP variables)");
        } else if (!names.add(n)) {
            c.error(field, "'" + n + "' names another loan or note: names must be unique");
        }
        return n;
    }

    private static int index(FieldChecks c, String field, String text, YearMonth start, int months, int fallback) {
        YearMonth ym = PlanProblemAssembler.month(c, field, text, false);
        if (ym == null) {
            return fallback;
        }
        long idx = ChronoUnit.MONTHS.between(start, ym);
        if (idx < 0 || idx >= months) {
            c.error(field, "must be inside the horizon " + start + " … " + start.plusMonths(months - 1) + " (got " + ym + ")");
            return fallback;
        }
        return (int) idx;
    }
}
