package com.gridpivot.risk;

import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.lp.rows.CashCategory;
import java.util.List;
import java.util.Map;

/**
 * A base plan and the rule that turns sweep values into a modified plan (models/RISK.md, "Sweeps of a plan"). Values that
 * a point does not name keep their base. Every input is a factor on one group of cash-flow coefficients, or the discount
 * rate: {@link Factors} holds them, so a built model can take a point by rescaling its coefficients.
 *
 * @param base the validated base plan
 */
public record ParametricPlan(PlanProblem base) {

    /**
     * The factors of one point.
     *
     * @param hashpriceScale  on every hour's hashprice (HASHPRICE_SCALE × BTC_PRICE_SCALE)
     * @param btcPriceScale   on the BTC price path (treasury sales and the sold BTC's end value)
     * @param leaseScale      on GPU-lease rates
     * @param colocationScale on colocation rates
     * @param energyScale     on every hour's energy price
     * @param capexScale      on AI capex per MW
     * @param discountRate    r
     */
    public record Factors(double hashpriceScale, double btcPriceScale, double leaseScale, double colocationScale, double energyScale,
                          double capexScale, double discountRate) {

        /** The factor on a cash-flow term of this category; AI revenue depends on the option ({@link #aiRevenue}). */
        public double of(CashCategory c) {
            return switch (c) {
                case MINING_REVENUE -> hashpriceScale;
                case MINING_ENERGY, AI_ENERGY -> energyScale;
                case AI_CAPEX, AI_TENANT_CAPEX, GPU_RESIDUAL -> capexScale; // GPUs resell at a share of their (scaled) price
                case TREASURY_SALE -> btcPriceScale;
                // a contract's price is fixed: the sweep's lease and colocation scales move the market rate only; financing is not scaled
                case AI_REVENUE, MINING_OPEX, AI_OPEX, ASIC_SALVAGE, ASIC_PURCHASE, ASIC_RELOCATION, AI_CONTRACT_REVENUE, AI_PREPAYMENT,
                     DEBT_PRINCIPAL, FINANCING_INTEREST, FINANCING_FEE, INCOME_TAX -> 1.0;
            };
        }

        public double aiRevenue(PlanOption o) {
            return ParametricAllocation.rateScale(o.spec(), leaseScale, colocationScale);
        }

        /** δₘ = (1 + r)^−(m+1)/12 at this point's rate. */
        public double discountFactor(int m) {
            // defined from m = −1 (δ₋₁ = 1): NpvObjective discounts capex from the month's start with discountFactor(m − 1)
            return com.gridpivot.economics.Formulas.discountFactor(discountRate, m);
        }
    }

    /** The base value of an input, in its own unit (1 for a scale). */
    public double baseValue(SweepInput input) {
        return input == SweepInput.DISCOUNT_RATE ? base.discountRate() : 1.0;
    }

    public Factors factors(Map<SweepInput, Double> values) {
        double hash = 1.0;
        double btc = 1.0;
        double lease = 1.0;
        double colo = 1.0;
        double energy = 1.0;
        double capex = 1.0;
        double rate = base.discountRate();
        for (Map.Entry<SweepInput, Double> e : values.entrySet()) {
            double v = e.getValue();
            switch (e.getKey()) {
                case HASHPRICE_SCALE -> hash *= v;
                case BTC_PRICE_SCALE -> {
                    hash *= v;
                    btc = v;
                }
                case GPU_LEASE_SCALE -> lease = v;
                case COLOCATION_SCALE -> colo = v;
                case ENERGY_PRICE_SCALE -> energy = v;
                case CAPEX_SCALE -> capex = v;
                case DISCOUNT_RATE -> rate = v;
                case BTC_PRICE_USD -> throw new IllegalArgumentException("a plan has a BTC price path: sweep BTC_PRICE_SCALE");
                case ANCILLARY_PRICE_SCALE -> throw new IllegalArgumentException("plans have no ancillary services: ANCILLARY_PRICE_SCALE is a what-if input");
                case SB6_CURTAILMENT_HOURS, COINCIDENT_PEAKS -> throw new IllegalArgumentException(
                        "plans have no curtailment order or coincident-peak charge: " + e.getKey() + " is a what-if input");
            }
        }
        return new Factors(hash, btc, lease, colo, energy, capex, rate);
    }

    /** The plan at these values: what a fresh plan run at those inputs would solve. */
    public PlanProblem at(Map<SweepInput, Double> values) {
        Factors f = factors(values);
        List<MonthData> months = base.months().stream().map(md -> new MonthData(md.month(),
                ParametricAllocation.scaled(md.priceUsdPerMwh(), f.energyScale()),
                ParametricAllocation.scaled(md.hashpriceUsdPerPhDay(), f.hashpriceScale()), md.btcPriceUsd() * f.btcPriceScale(),
                md.feeShareOfHashprice())).toList(); // both parts of hashprice scale alike: the fee share stays
        List<PlanOption> options = base.options().stream().map(o -> o.withSpec(
                ParametricAllocation.scaled(o.spec(), f.leaseScale(), f.colocationScale(), f.capexScale()))).toList();
        return new PlanProblem(base.startMonth(), months, base.interconnectMw(), base.maxAiItMw(), base.minAiItMw(), base.minAiFromIndex(),
                base.maxConversionMwPerMonth(), base.fleets(), options, base.startingCashUsd(), base.cashFloorUsd(), base.treasuryBtc(),
                f.discountRate(), base.solver(), base.hourModel(), base.timeLimitSeconds(), base.dataNotes(),
                    base.terminalValue(), base.financing());
    }
}
