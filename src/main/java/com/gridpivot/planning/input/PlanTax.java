package com.gridpivot.planning.input;

/**
 * Corporate income tax of a plan (issue 15, item 3; models/PLANS.md "Taxes"). Tax years are calendar years; each year's tax
 * is paid at the end of its last month inside the horizon (December, or the horizon's last month).
 *
 * @param incomeTaxRateShare       ρ, the tax rate on taxable income (0.21 = 21 %)
 * @param asics                    the depreciation of ASIC purchases
 * @param gpus                     the depreciation of AI fit-out capex (GPUs, racks, cooling) less the buildings' share
 * @param buildings                the depreciation of the buildings' share of AI capex
 * @param buildingsShareOfAiCapex  b, the share of AI capex that is building/shell (0 … 1)
 * @param lossCarryForward         true: losses are carried forward and used against later profits; false: a loss is lost
 * @param lossUseLimitShare        λ, the most of a year's taxable profit a carried loss may offset (1: all; US since 2018: 0.8)
 * @param openingLossUsd           L₀, the loss carried into the first tax year, USD
 * @param btcCostBasisUsdPerBtc    the tax basis of a treasury BTC sold (gain = price − basis per BTC), or null without treasury
 */
public record PlanTax(double incomeTaxRateShare, Depreciation asics, Depreciation gpus, Depreciation buildings, double buildingsShareOfAiCapex,
                      boolean lossCarryForward, double lossUseLimitShare, double openingLossUsd, Double btcCostBasisUsdPerBtc) {

    /** A depreciation schedule (models/PLANS.md "Taxes": the shares by tax year from the year placed in service). */
    public enum Schedule {
        /** 1/L in each of the L tax years from the year placed in service (no convention) */
        STRAIGHT_LINE,
        /** IRS Pub 946 table A-1, half-year convention, 5-year property (computers, ASICs, GPUs) */
        MACRS_5,
        /** IRS Pub 946 table A-1, half-year convention, 7-year property */
        MACRS_7
    }

    /** IRS Publication 946, table A-1 (half-year convention), 5-year property, % by recovery year. */
    static final double[] MACRS_5_PERCENT = {20.0, 32.0, 19.2, 11.52, 11.52, 5.76};
    /** IRS Publication 946, table A-1 (half-year convention), 7-year property, % by recovery year. */
    static final double[] MACRS_7_PERCENT = {14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46};

    /**
     * How one asset class is depreciated: the share β (bonus depreciation) is expensed in the year placed in service and the
     * rest, 1 − β, follows the schedule.
     *
     * @param schedule   STRAIGHT_LINE, MACRS_5 or MACRS_7
     * @param lifeYears  L, the straight-line life in years (ignored by MACRS)
     * @param bonusShare β, 0 … 1
     */
    public record Depreciation(Schedule schedule, int lifeYears, double bonusShare) {

        /** The share of the cost deducted in tax year t = 0, 1, … after the year placed in service (the shares sum to 1). */
        public double share(int t) {
            if (t < 0) {
                return 0.0;
            }
            double base = switch (schedule) {
                case STRAIGHT_LINE -> t < lifeYears ? 1.0 / lifeYears : 0.0;
                case MACRS_5 -> t < MACRS_5_PERCENT.length ? MACRS_5_PERCENT[t] / 100.0 : 0.0;
                case MACRS_7 -> t < MACRS_7_PERCENT.length ? MACRS_7_PERCENT[t] / 100.0 : 0.0;
            };
            return (t == 0 ? bonusShare : 0.0) + (1.0 - bonusShare) * base;
        }
    }

    /** Straight-line defaults: ASICs and GPUs 5 years (IRS 5-year property: computers), buildings 39 (nonresidential real property). */
    public static final int DEFAULT_ASIC_LIFE_YEARS = 5;
    public static final int DEFAULT_GPU_LIFE_YEARS = 5;
    public static final int DEFAULT_BUILDING_LIFE_YEARS = 39;
}
