package com.gridpivot.planning.result;

import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.planning.input.PlanFinancing;
import com.gridpivot.planning.input.PlanFinancing.ConvertibleNote;
import com.gridpivot.planning.input.PlanProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The financing part of a plan's answer (issue 15, items 2 and 5): each source by month, the debt, the covenants' tightest
 * months, and the sentences an executive reads first (lowest cash, peak debt, tightest covenant).
 */
final class FinancingResults {
    /** A covenant whose headroom is below this (USD) binds; the answer's warnings say so. */
    static final double BINDING_USD = 1.0;

    private FinancingResults() {
    }

    /** The financing section; null without financing sources or covenants. */
    static PlanResult.PlanFinancingResult build(PlanProblem p, PlanValues v) {
        PlanFinancing fin = p.financing();
        if (fin.isNone()) {
            return null;
        }
        FinancingValues f = v.financing;
        List<PlanResult.FinancingSource> sources = new ArrayList<>();
        double interest = 0.0;
        double fees = 0.0;
        int noteIndex = 0;
        for (FinancingValues.Source s : f.sources()) {
            Double shares = null;
            Double equity = null;
            if (s.kind().equals("CONVERTIBLE_NOTE")) {
                ConvertibleNote note = fin.convertibleNotes().get(noteIndex++);
                shares = s.total(s.drawsUsd()) / note.conversionPriceUsdPerShare();
                equity = fin.sharesOutstanding() == null ? null : shares / (fin.sharesOutstanding() + shares);
            }
            int last = p.monthCount() - 1;
            sources.add(new PlanResult.FinancingSource(s.name(), s.kind(), s.limitUsd(), s.total(s.drawsUsd()), s.total(s.repaymentsUsd()),
                    s.total(s.interestUsd()), s.total(s.feesUsd()), s.balanceUsd()[last], list(s.balanceUsd()), list(s.drawsUsd()),
                    list(s.repaymentsUsd()), list(s.interestUsd()), list(s.feesUsd()), shares, equity));
            interest += s.total(s.interestUsd());
            fees += s.total(s.feesUsd());
        }
        int peak = peakDebtIndex(f.debtUsd());
        return new PlanResult.PlanFinancingResult(List.copyOf(sources), list(f.debtUsd()), peak < 0 ? null : month(p, peak),
                peak < 0 ? 0.0 : f.debtUsd()[peak], f.debtUsd()[p.monthCount() - 1], interest, fees, covenants(p, v),
                conversionNote(p, sources));
    }

    /** The first month of the highest debt, −1 when nothing is ever owed (below 1 USD). */
    static int peakDebtIndex(double[] debt) {
        int peak = -1;
        for (int m = 0; m < debt.length; m++) {
            if (debt[m] >= 1.0 && (peak < 0 || debt[m] > debt[peak] + 1e-6)) {
                peak = m;
            }
        }
        return peak;
    }

    /**
     * Each covenant's least headroom over the months it is tested: MIN_CASH cash[m] − minCash; MAX_DEBT_TO_TRAILING_EBITDA
     * k EBITDA¹²ₘ − debtₘ (USD).
     */
    static List<PlanResult.CovenantCheck> covenants(PlanProblem p, PlanValues v) {
        PlanFinancing.Covenants c = p.financing().covenants();
        List<PlanResult.CovenantCheck> out = new ArrayList<>();
        if (c.minCashUsd() != null) {
            int low = 0;
            for (int m = 1; m < p.monthCount(); m++) {
                if (v.cumulativeCashUsd[m] < v.cumulativeCashUsd[low]) {
                    low = m;
                }
            }
            out.add(new PlanResult.CovenantCheck("MIN_CASH", c.minCashUsd(), month(p, low), v.cumulativeCashUsd[low] - c.minCashUsd(),
                    v.cumulativeCashUsd[low], p.monthCount()));
        }
        if (c.maxDebtToTrailingEbitda() != null) {
            double k = c.maxDebtToTrailingEbitda();
            int tight = -1;
            int tested = 0;
            double[] head = new double[p.monthCount()];
            for (int m = 0; m < p.monthCount(); m++) {
                if (!FinancingValues.tested(v.covenantRows.maxDebtToEbitda(), m)) {
                    continue;
                }
                tested++;
                head[m] = k * v.financing.ebitdaTrailingUsd()[m] - v.financing.debtUsd()[m];
                if (tight < 0 || head[m] < head[tight]) {
                    tight = m;
                }
            }
            Double ratio = tight < 0 || v.financing.ebitdaTrailingUsd()[tight] <= 0.0 ? null
                    : v.financing.debtUsd()[tight] / v.financing.ebitdaTrailingUsd()[tight];
            out.add(new PlanResult.CovenantCheck("MAX_DEBT_TO_TRAILING_EBITDA", k, tight < 0 ? null : month(p, tight),
                    tight < 0 ? null : head[tight], ratio, tested));
        }
        return List.copyOf(out);
    }

    private static String conversionNote(PlanProblem p, List<PlanResult.FinancingSource> sources) {
        if (p.financing().convertibleNotes().isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("conversion is not in the plan: the scenario has no share price path, so each note is repaid"
                + " in cash at its maturity (the cautious case for cash) and its coupon is paid monthly");
        for (PlanResult.FinancingSource s : sources) {
            if (s.conversionShares() != null) {
                b.append("; if ").append(s.name()).append(" converted, its ").append(usd(s.drawnUsd())).append(" USD would become ")
                        .append(FieldChecks.fmt(Math.rint(s.conversionShares()))).append(" shares");
                if (s.conversionEquityShare() != null) {
                    b.append(" (").append(FieldChecks.fmt(Math.rint(s.conversionEquityShare() * 1e4) / 100.0)).append(" % of the equity after conversion)");
                }
            }
        }
        return b.toString();
    }

    /**
     * The first sentences of the answer: the NPV, the lowest cash month, the peak debt and the tightest covenant with its
     * headroom (the Plans page shows them above the tables).
     */
    static String summary(PlanProblem p, PlanValues v, double npvUsd, Double incrementalNpvUsd, PlanResult.PlanFinancingResult financing) {
        StringBuilder b = new StringBuilder("NPV ").append(usd(npvUsd)).append(" USD");
        if (v.tax != null) { // issue 15, item 3: the NPV is after tax; the same plan before tax beside it
            double paid = 0.0;
            for (double x : v.tax.taxUsd()) {
                paid += x;
            }
            b.append(" after tax (").append(usd(npvUsd + v.tax.discountedTaxUsd(p))).append(" USD before tax; ").append(usd(paid))
                    .append(" USD of income tax paid)");
        }
        if (incrementalNpvUsd != null) {
            b.append(" (").append(incrementalNpvUsd >= 0 ? "+" : "").append(usd(incrementalNpvUsd)).append(" USD against staying on Bitcoin)");
        }
        b.append(". ");
        int low = 0;
        for (int m = 1; m < p.monthCount(); m++) {
            if (v.cumulativeCashUsd[m] < v.cumulativeCashUsd[low]) {
                low = m;
            }
        }
        b.append("Lowest cash: ").append(usd(v.cumulativeCashUsd[low])).append(" USD in ").append(month(p, low));
        if (v.cumulativeCashUsd[low] < -0.5 && p.cashFloorUsd() < 0.0) {
            b.append(", drawn on the free credit line of ").append(usd(-p.cashFloorUsd())).append(" USD (finance.creditLineUsd, no interest)");
        }
        b.append(". ");
        if (financing == null || financing.peakDebtMonth() == null) {
            b.append(p.financing().hasSources() ? "No debt is drawn." : "No financing sources.");
        } else {
            b.append("Peak debt: ").append(usd(financing.peakDebtUsd())).append(" USD in ").append(financing.peakDebtMonth())
                    .append(", ").append(usd(financing.debtAtEndUsd())).append(" USD still owed at the end; interest and fees ")
                    .append(usd(financing.interestUsd() + financing.feesUsd())).append(" USD.");
        }
        PlanResult.CovenantCheck tight = tightest(financing);
        if (tight != null) {
            b.append(" Tightest covenant: ").append(words(tight)).append(", headroom ").append(usd(tight.headroomUsd())).append(" USD in ")
                    .append(tight.tightestMonth()).append(tight.headroomUsd() < BINDING_USD ? " (binding)." : ".");
        }
        return b.toString();
    }

    /** The covenant of least headroom (USD) among those tested, or null. */
    static PlanResult.CovenantCheck tightest(PlanResult.PlanFinancingResult financing) {
        PlanResult.CovenantCheck tight = null;
        if (financing != null) {
            for (PlanResult.CovenantCheck c : financing.covenants()) {
                if (c.headroomUsd() != null && (tight == null || c.headroomUsd() < tight.headroomUsd())) {
                    tight = c;
                }
            }
        }
        return tight;
    }

    /** A warning for each covenant that binds (headroom below 1 USD). */
    static List<String> warnings(PlanResult.PlanFinancingResult financing) {
        List<String> out = new ArrayList<>();
        if (financing != null) {
            for (PlanResult.CovenantCheck c : financing.covenants()) {
                if (c.headroomUsd() != null && c.headroomUsd() < BINDING_USD) {
                    out.add("finance.covenants: " + words(c) + " binds in " + c.tightestMonth() + " (headroom " + usd(c.headroomUsd())
                            + " USD): it limits the plan");
                }
            }
        }
        return out;
    }

    private static String words(PlanResult.CovenantCheck c) {
        return c.name().equals("MIN_CASH") ? "minimum cash of " + usd(c.limit()) + " USD"
                : "debt at most " + FieldChecks.fmt(c.limit()) + " × trailing 12-month EBITDA";
    }

    static String usd(double v) {
        double r = Math.rint(v);
        return FieldChecks.fmt(r == 0.0 ? 0.0 : r);
    }

    private static String month(PlanProblem p, int m) {
        return p.months().get(m).month().toString();
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return List.copyOf(out);
    }
}
