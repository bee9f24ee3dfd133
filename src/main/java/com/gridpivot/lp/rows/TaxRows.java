package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanTax;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Corporate income tax (issue 15, item 3; models/PLANS.md, "Taxes"), only with {@code finance.tax}. Tax years y are the
 * calendar years the horizon touches (y = 0 the first); month m lies in year y(m); pay(y) is the last month of y in the horizon.
 * ρ the rate, λ the share of a year's profit a carried loss may offset, L₀ the loss carried in.
 * <pre>
 *   taxableProfitUsd[y]  P_y ≥ 0        taxableLossUsd[y]  N_y ≥ 0        incomeTaxUsd[y]  X_y ≥ 0
 *   lossUsedUsd[y]       U_y ≥ 0        lossStockUsd[y]    S_y ≥ 0   (loss carried out of year y; only with lossCarryForward)
 *
 *   I_y = Σ_{m: y(m)=y} [ EBITDA terms + AI prepayments + ASIC salvage + GPU residuals + interest and fees (negative: deductible)
 *                          + (Pₘ − basis) T[m] ]                                   (BTC sold above its cost basis)
 *         − Σ_{capex terms c v of month m ≤ pay(y)} dep_class(y − y(m)) · (−c) v        (depreciation, linear in capex)
 *   dep_class(t) = β [t = 0] + (1 − β) sched(t):  sched = 1/L for t &lt; L (STRAIGHT_LINE), IRS Pub 946 table A-1 (MACRS_5/7)
 *   classes: ASIC purchases → asics; AI capex and the tenant's share of it (negative) → (1 − b) gpus + b buildings
 * </pre>
 * Cash of month pay(y): − X_y (INCOME_TAX, end of month, in the NPV). A capex is placed in service in the tax year it is paid;
 * depreciation past the horizon is not counted (no terminal tax shield).
 *
 * <p>Why the LP cannot gain by inflating P_y and N_y together (P_y − N_y = I_y fixes only their difference): raising both by
 * δ raises the lower bound of X_y by ρδ unless U_y absorbs it, which spends δ of loss stock; and the δ added to the stock saves
 * at most ρδ of a later year's tax, discounted: never more than the cost now (equal only at a zero discount rate, where the
 * tax paid is the same either way). Without carry-forward N_y has no use at all.
 */
public final class TaxRows {
    private TaxRows() {
    }

    /** Asset classes of depreciation, in this order in {@link #depreciationUsd}. */
    public static final String[] CLASSES = {"asics", "gpus", "buildings"};

    /**
     * The tax variables and rows by tax year.
     *
     * @param calendarYears the calendar year of each tax year y
     * @param yearOfMonth   y(m)
     * @param payMonth      pay(y)
     * @param lossUsedUsd   U_y, or null without lossCarryForward
     * @param lossStockUsd  S_y, or null without lossCarryForward
     * @param incomeRows    taxableIncome[y] (a sweep re-sets their coefficients: {@link #setIncome})
     */
    public record Tax(int[] calendarYears, int[] yearOfMonth, int[] payMonth, MPVariable[] profitUsd, MPVariable[] lossUsd, MPVariable[] lossUsedUsd,
                      MPVariable[] lossStockUsd, MPVariable[] taxUsd, MPConstraint[] incomeRows) {
        public int years() {
            return calendarYears.length;
        }
    }

    /** The rows, and − X_y in the cash of pay(y); null (nothing added) without {@code finance.tax}. */
    public static Tax add(MPSolver s, PlanProblem p, List<List<CashRows.Term>> terms) {
        PlanTax tax = p.financing().tax();
        if (tax == null) {
            return null;
        }
        int months = p.monthCount();
        int first = p.months().get(0).month().getYear();
        int[] yearOfMonth = new int[months];
        for (int m = 0; m < months; m++) {
            yearOfMonth[m] = p.months().get(m).month().getYear() - first;
        }
        int years = yearOfMonth[months - 1] + 1;
        int[] calendar = new int[years];
        int[] pay = new int[years];
        for (int m = 0; m < months; m++) {
            calendar[yearOfMonth[m]] = first + yearOfMonth[m];
            pay[yearOfMonth[m]] = m;
        }
        double k = CashRows.CASH_ROW_SCALE;
        double rate = tax.incomeTaxRateShare();
        boolean carry = tax.lossCarryForward();
        MPVariable[] profit = new MPVariable[years];
        MPVariable[] loss = new MPVariable[years];
        MPVariable[] used = carry ? new MPVariable[years] : null;
        MPVariable[] stock = carry ? new MPVariable[years] : null;
        MPVariable[] due = new MPVariable[years];
        MPConstraint[] income = new MPConstraint[years];
        for (int y = 0; y < years; y++) {
            String yn = String.valueOf(calendar[y]);
            profit[y] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("taxableProfitUsd", yn));
            loss[y] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("taxableLossUsd", yn));
            due[y] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("incomeTaxUsd", yn));
            // taxableIncome[y]: 1e-6 (P_y − N_y − I_y) = 0   (I_y's coefficients: setIncome)
            income[y] = Lp.row(s, 0.0, 0.0, LpNames.of("taxableIncome", yn));
            income[y].setCoefficient(profit[y], k);
            income[y].setCoefficient(loss[y], -k);
            // taxDue[y]: 1e-6 (X_y − ρ P_y + ρ U_y) ≥ 0   (without carry-forward: X_y ≥ ρ P_y)
            MPConstraint taxDue = Lp.row(s, 0.0, Lp.inf(), LpNames.of("taxDue", yn));
            taxDue.setCoefficient(due[y], k);
            taxDue.setCoefficient(profit[y], -rate * k);
            if (carry) {
                used[y] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("lossUsedUsd", yn));
                stock[y] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("lossStockUsd", yn));
                taxDue.setCoefficient(used[y], rate * k);
                double opening = y == 0 ? tax.openingLossUsd() * k : 0.0;
                // lossStock[y]: 1e-6 (S_y − S_{y−1} + U_y − N_y) = 1e-6 L₀ [y = 0]
                MPConstraint st = Lp.row(s, opening, opening, LpNames.of("lossStock", yn));
                st.setCoefficient(stock[y], k);
                if (y > 0) {
                    st.setCoefficient(stock[y - 1], -k);
                }
                st.setCoefficient(used[y], k);
                st.setCoefficient(loss[y], -k);
                // lossUseStock[y]: 1e-6 (U_y − S_{y−1}) ≤ 1e-6 L₀ [y = 0]   (only a loss carried in may be used)
                MPConstraint fromStock = Lp.row(s, -Lp.inf(), opening, LpNames.of("lossUseStock", yn));
                fromStock.setCoefficient(used[y], k);
                if (y > 0) {
                    fromStock.setCoefficient(stock[y - 1], -k);
                }
                // lossUseProfit[y]: 1e-6 (U_y − λ P_y) ≤ 0   (a loss offsets at most the share λ of the year's profit)
                MPConstraint ofProfit = Lp.row(s, -Lp.inf(), 0.0, LpNames.of("lossUseProfit", yn));
                ofProfit.setCoefficient(used[y], k);
                ofProfit.setCoefficient(profit[y], -tax.lossUseLimitShare() * k);
            }
        }
        Tax t = new Tax(calendar, yearOfMonth, pay, profit, loss, used, stock, due, income);
        setIncome(t, income(p, t, terms, x -> 1.0));
        for (int y = 0; y < years; y++) {
            terms.get(pay[y]).add(new CashRows.Term(due[y], -1.0, CashCategory.INCOME_TAX));
        }
        return t;
    }

    /** Sets the I_y coefficients of the taxableIncome rows (the plan: once; a sweep: per point, with its scaled terms). */
    public static void setIncome(Tax t, List<Map<MPVariable, Double>> income) {
        for (int y = 0; y < t.years(); y++) {
            MPConstraint row = t.incomeRows()[y];
            for (Map.Entry<MPVariable, Double> e : income.get(y).entrySet()) {
                row.setCoefficient(e.getKey(), -e.getValue() * CashRows.CASH_ROW_SCALE);
            }
        }
    }

    /**
     * I_y per variable (USD per unit), from the month's cash terms c·v scaled by s(c) (1 for the plan; a sweep's factors).
     * Every category is named, so a new one must choose how it is taxed.
     */
    public static List<Map<MPVariable, Double>> income(PlanProblem p, Tax t, List<List<CashRows.Term>> terms, ToDoubleFunction<CashRows.Term> scale) {
        PlanTax tax = p.financing().tax();
        double basis = tax.btcCostBasisUsdPerBtc() == null ? 0.0 : tax.btcCostBasisUsdPerBtc();
        List<Map<MPVariable, Double>> out = new ArrayList<>(t.years());
        for (int y = 0; y < t.years(); y++) {
            out.add(new IdentityHashMap<>());
        }
        for (int m = 0; m < terms.size(); m++) {
            Map<MPVariable, Double> year = out.get(t.yearOfMonth()[m]);
            for (CashRows.Term term : terms.get(m)) {
                double c = scale.applyAsDouble(term) * term.coefficientUsd();
                switch (treatment(term.category())) {
                    case INCOME -> year.merge(term.variable(), c, Double::sum);
                    case BTC_GAIN -> year.merge(term.variable(), c - basis, Double::sum);
                    case DEPRECIATED -> {
                        for (int y = t.yearOfMonth()[m]; y < t.years(); y++) {
                            double d = depreciationShare(tax, term.category(), y - t.yearOfMonth()[m]);
                            if (d != 0.0) {
                                out.get(y).merge(term.variable(), d * c, Double::sum); // c < 0 for capex: a deduction
                            }
                        }
                    }
                    case NOT_TAXED -> {
                        // principal is not income; the tax is not deductible from itself
                    }
                }
            }
        }
        return out;
    }

    /** How a cash term enters taxable income. */
    enum Treatment { INCOME, BTC_GAIN, DEPRECIATED, NOT_TAXED }

    /**
     * Every category named (a switch expression: a new category does not compile until it chooses). Sale proceeds of ASICs
     * and GPUs are income in full: the fleet owned at the start is taken as fully depreciated for tax, and the remaining basis
     * of machines bought in the plan is not written off on a sale (it keeps its schedule): the conservative side.
     */
    static Treatment treatment(CashCategory c) {
        return switch (c) {
            case MINING_REVENUE, MINING_ENERGY, MINING_OPEX, AI_REVENUE, AI_ENERGY, AI_OPEX, AI_CONTRACT_REVENUE, AI_PREPAYMENT,
                 ASIC_SALVAGE, GPU_RESIDUAL, ASIC_RELOCATION, FINANCING_INTEREST, FINANCING_FEE -> Treatment.INCOME;
            case TREASURY_SALE -> Treatment.BTC_GAIN;
            case ASIC_PURCHASE, AI_CAPEX, AI_TENANT_CAPEX -> Treatment.DEPRECIATED;
            case DEBT_PRINCIPAL, INCOME_TAX -> Treatment.NOT_TAXED;
        };
    }

    /** All classes' share of a capex term's cost deducted t tax years after the year it is paid (0 for non-capex). */
    static double depreciationShare(PlanTax tax, CashCategory c, int t) {
        double[] byClass = classShares(tax, c);
        return byClass[0] * tax.asics().share(t) + byClass[1] * tax.gpus().share(t) + byClass[2] * tax.buildings().share(t);
    }

    /** How a capex term's cost splits over {@link #CLASSES}. */
    static double[] classShares(PlanTax tax, CashCategory c) {
        return switch (c) {
            case ASIC_PURCHASE -> new double[] {1.0, 0.0, 0.0};
            case AI_CAPEX, AI_TENANT_CAPEX -> new double[] {0.0, 1.0 - tax.buildingsShareOfAiCapex(), tax.buildingsShareOfAiCapex()};
            default -> new double[] {0.0, 0.0, 0.0};
        };
    }

    /** Depreciation of each tax year by class ({@link #CLASSES}) at the solution, USD. */
    public static double[][] depreciationUsd(PlanProblem p, Tax t, List<List<CashRows.Term>> terms) {
        PlanTax tax = p.financing().tax();
        PlanTax.Depreciation[] schedules = {tax.asics(), tax.gpus(), tax.buildings()};
        double[][] out = new double[t.years()][CLASSES.length];
        for (int m = 0; m < terms.size(); m++) {
            int placed = t.yearOfMonth()[m];
            for (CashRows.Term term : terms.get(m)) {
                double[] byClass = classShares(tax, term.category());
                double cost = -term.coefficientUsd() * term.variable().solutionValue();
                for (int c = 0; c < CLASSES.length; c++) {
                    if (byClass[c] == 0.0) {
                        continue;
                    }
                    for (int y = placed; y < t.years(); y++) {
                        out[y][c] += byClass[c] * schedules[c].share(y - placed) * cost;
                    }
                }
            }
        }
        return out;
    }
}
