package com.gridpivot.economics;

import com.gridpivot.marketdata.HashpriceEngine;
import java.util.function.BiConsumer;

/**
 * One formula for each economic quantity that more than one place needs: the LP's row groups, the result builders and the
 * Monte Carlo path evaluator call these, so that a change of a formula changes every number at once.
 */
public final class Formulas {
    private Formulas() {
    }

    /** Mining revenue per MWh of IT load at a hashprice, before energy: (1 − fee) × h × 1000 / (24 e), e in J/TH. */
    public static double miningRevenueUsdPerMwh(double poolFeeFraction, double jPerTh, double hashpriceUsdPerPhDay) {
        return (1.0 - poolFeeFraction) * HashpriceEngine.asicRevenueUsdPerMwh(hashpriceUsdPerPhDay, jPerTh);
    }

    /** Mining energy cost per MWh of IT load at an energy price: price × pue (site power per IT power). */
    public static double miningEnergyCostUsdPerMwh(double priceUsdPerMwh, double pue) {
        return priceUsdPerMwh * pue;
    }

    /** Mining margin per MWh of IT load: revenue − price × pue − variable opex (what decides whether a fleet runs). */
    public static double miningMarginUsdPerMwh(double revenueUsdPerMwh, double priceUsdPerMwh, double pue, double variableOpexUsdPerMwh) {
        return revenueUsdPerMwh - miningEnergyCostUsdPerMwh(priceUsdPerMwh, pue) - variableOpexUsdPerMwh;
    }

    /**
     * AI energy cost per MW of IT load over hours whose prices sum to {@code priceSumUsdPerMw}: pue × Σₜ pₜ, or 0 when the
     * tenant pays the power. With one hour's price it is the cost per MWh of that hour.
     */
    public static double aiEnergyCostUsdPerMw(boolean tenantPaysPower, double pue, double priceSumUsdPerMw) {
        return tenantPaysPower ? 0.0 : pue * priceSumUsdPerMw;
    }

    /**
     * Share of the capex of MW started in month k that is paid in month m: all of it at k when paid at start (or the lead
     * time is at most a month), else 1/L in each of the L construction months k … k+L−1.
     */
    public static double capexShare(boolean paidAtStart, int leadTimeMonths, int k, int m) {
        if (paidAtStart || leadTimeMonths <= 1) {
            return m == k ? 1.0 : 0.0;
        }
        return m >= k && m < k + leadTimeMonths ? 1.0 / leadTimeMonths : 0.0;
    }

    /** Calls {@code share.accept(k, capexShare(k, m))} for every start month k whose capex is (partly) paid in month m. */
    public static void capexPaidIn(boolean paidAtStart, int leadTimeMonths, int m, BiConsumer<Integer, Double> share) {
        for (int k = Math.max(0, m - Math.max(1, leadTimeMonths) + 1); k <= m; k++) {
            double s = capexShare(paidAtStart, leadTimeMonths, k, m);
            if (s > 0.0) {
                share.accept(k, s);
            }
        }
    }

    /** Fixed opex of one MW over a month of {@code hours}: fixed per MW-year × hours / 8760. */
    public static double fixedOpexUsdPerMw(double fixedOpexUsdPerMwYear, double hours) {
        return fixedOpexUsdPerMwYear * hours / 8760.0;
    }

    /** δₘ = (1 + r)^−(m+1)/12: month m's cash flow counts at the month's end. */
    public static double discountFactor(double annualRate, int m) {
        return Math.pow(1.0 + annualRate, -(m + 1) / 12.0);
    }

    /**
     * δ⁰ₘ = (1 + r)^−m/12 = δ_{m−1}: what is paid at the start of month m (capex) counts from the month's start, not its end
     * (discounting it from the end would flatter an investment by a month of interest).
     */
    public static double startOfMonthDiscountFactor(double annualRate, int m) {
        return discountFactor(annualRate, m - 1);
    }

    /**
     * AI revenue of one MW online over a month of {@code hours}: colocation is billed per month for the contracted kW,
     * rev × 8760/12 (= the rate per kW-month × 1000, the same in February as in January), whatever the month's hours;
     * revenue per GPU-hour or per MWh is earned by the hour, rev × hours.
     *
     * @param revenueUsdPerMwh the month's rate per MWh (for colocation, rate per kW-month × 12,000 / 8760)
     */
    public static double aiRevenueUsdPerMw(boolean billedPerMonth, double revenueUsdPerMwh, double hours) {
        return revenueUsdPerMwh * aiBilledHours(billedPerMonth, hours);
    }

    /** The hours a month's AI revenue is billed for: 8760/12 = 730 when billed per month (colocation), else the month's hours. */
    public static double aiBilledHours(boolean billedPerMonth, double hours) {
        return billedPerMonth ? 8760.0 / 12.0 : hours;
    }

    /**
     * The fitted elasticity of ASIC prices per TH/s to hashprice (models/PLANS.md, "ASIC prices and hashprice": least squares
     * of ln USD/TH on ln hashprice over 8 machines of ../shared/data/asic, 2015-08 … 2025-08, R² = 0.942); the default of
     * {@code scenario.asic.priceElasticity}.
     */
    public static final double ASIC_PRICE_ELASTICITY = 0.678;

    /**
     * ASIC price index of month m: (h̄ₘ / h̄₀)^ε, the factor on a price per TH/s given at the plan's first month (salvage and
     * purchase move with hashprice; a halving, h̄ halved, cuts them by 1 − 0.5^ε). 1 when ε = 0 or h̄₀ ≤ 0.
     *
     * @param hashpriceUsdPerPhDay      h̄ₘ, the mean hashprice of month m
     * @param startHashpriceUsdPerPhDay h̄₀, the mean hashprice of the plan's first month
     */
    public static double asicPriceIndex(double hashpriceUsdPerPhDay, double startHashpriceUsdPerPhDay, double elasticity) {
        if (elasticity == 0.0 || !(startHashpriceUsdPerPhDay > 0.0)) {
            return 1.0;
        }
        return Math.pow(Math.max(hashpriceUsdPerPhDay, 0.0) / startHashpriceUsdPerPhDay, elasticity);
    }

    /**
     * Share of its nameplate TH/s a fleet delivers in month m when it loses {@code degradationPerYear} of its hashrate a year
     * at the same power: (1 − d)^(m/12) (its J/TH rises by the inverse factor).
     */
    public static double asicHashrateFactor(double degradationPerYear, int m) {
        return degradationPerYear == 0.0 ? 1.0 : Math.pow(1.0 - degradationPerYear, m / 12.0);
    }

    /** A price per TH/s as a price per MW of IT load: USD/TH × TH/s per MW (10⁶ / e, e in J/TH, × the hashrate factor). */
    public static double asicUsdPerMw(double usdPerTh, double jPerTh, double hashrateFactor) {
        return usdPerTh * 1e6 / jPerTh * hashrateFactor;
    }
}
