package com.gridpivot.planning.result;

import com.gridpivot.lp.rows.CashRows;
import com.gridpivot.lp.rows.TaxRows;
import com.gridpivot.planning.input.PlanProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The income tax of a solved plan by tax year (models/PLANS.md, "Taxes"), read from {@link TaxRows}' variables.
 *
 * @param calendarYears    the calendar year of each tax year
 * @param payMonth         the month index its tax is paid in
 * @param taxableIncomeUsd I_y = P_y − N_y
 * @param depreciationUsd  [y][class] ({@link TaxRows#CLASSES})
 * @param lossUsedUsd      the carried loss used: S_{y−1} + max(0, −I_y) − S_y (the loss stock's change; 0 without carry-forward)
 * @param lossStockEndUsd  S_y, or null without carry-forward
 * @param taxUsd           X_y
 */
public record TaxValues(int[] calendarYears, int[] payMonth, double[] taxableIncomeUsd, double[][] depreciationUsd, double[] lossUsedUsd,
                        double[] lossStockEndUsd, double[] taxUsd) {

    /** null without tax rows. */
    static TaxValues read(PlanProblem p, TaxRows.Tax t, List<List<CashRows.Term>> terms) {
        if (t == null) {
            return null;
        }
        int years = t.years();
        double[] income = new double[years];
        double[] used = new double[years];
        double[] stock = t.lossStockUsd() == null ? null : new double[years];
        double[] tax = new double[years];
        double previous = p.financing().tax().openingLossUsd();
        for (int y = 0; y < years; y++) {
            income[y] = t.profitUsd()[y].solutionValue() - t.lossUsd()[y].solutionValue();
            tax[y] = t.taxUsd()[y].solutionValue();
            if (stock != null) {
                stock[y] = t.lossStockUsd()[y].solutionValue();
                // from the stock's balance, not U_y: a tie (P_y and N_y raised together, U_y with them) changes neither I_y nor S_y
                used[y] = Math.max(0.0, previous + Math.max(0.0, -income[y]) - stock[y]);
                previous = stock[y];
            }
        }
        return new TaxValues(t.calendarYears(), t.payMonth(), income, TaxRows.depreciationUsd(p, t, terms), used, stock, tax);
    }

    /** Σ_y δ_pay(y) X_y: the tax's share of the NPV. */
    public double discountedTaxUsd(PlanProblem p) {
        double s = 0.0;
        for (int y = 0; y < taxUsd.length; y++) {
            s += p.discountFactor(payMonth[y]) * taxUsd[y];
        }
        return s;
    }

    /** The answer's tax section; npvAfterTaxUsd is the plan's horizon NPV. */
    PlanResult.PlanTaxResult result(PlanProblem p, double npvAfterTaxUsd) {
        List<Double> byMonth = new ArrayList<>(p.monthCount());
        for (int m = 0; m < p.monthCount(); m++) {
            byMonth.add(0.0);
        }
        List<PlanResult.TaxYear> years = new ArrayList<>();
        double paid = 0.0;
        for (int y = 0; y < taxUsd.length; y++) {
            byMonth.set(payMonth[y], byMonth.get(payMonth[y]) + taxUsd[y]);
            paid += taxUsd[y];
            Map<String, Double> byClass = new LinkedHashMap<>();
            double dep = 0.0;
            for (int c = 0; c < TaxRows.CLASSES.length; c++) {
                byClass.put(TaxRows.CLASSES[c], depreciationUsd[y][c]);
                dep += depreciationUsd[y][c];
            }
            years.add(new PlanResult.TaxYear(calendarYears[y], p.months().get(payMonth[y]).month().toString(), taxableIncomeUsd[y], dep, byClass,
                    lossUsedUsd[y], lossStockEndUsd == null ? null : lossStockEndUsd[y], taxUsd[y]));
        }
        return new PlanResult.PlanTaxResult(p.financing().tax().incomeTaxRateShare(), npvAfterTaxUsd, npvAfterTaxUsd + discountedTaxUsd(p), paid,
                List.copyOf(byMonth), List.copyOf(years));
    }
}
