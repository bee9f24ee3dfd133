package com.gridpivot.risk;

/** The inputs a sweep or a tornado can vary, and how a value changes a what-if or a plan (models/RISK.md). */
public enum SweepInput {
    /** Multiplies the hashprice of every hour (1 = as given); a plan's BTC price (treasury) is held. */
    HASHPRICE_SCALE,
    /** BTC price in USD; hashprice scales with value / baseBtcPriceUsd (difficulty and fees held). */
    BTC_PRICE_USD,
    /**
     * Multiplies the BTC price. A plan: the whole price path (treasury sales and their end value) and, with difficulty and
     * fees held, the hashprice of every hour. A what-if: the hashprice (as HASHPRICE_SCALE).
     */
    BTC_PRICE_SCALE,
    /** Multiplies the lease rate of every GPU-lease option. */
    GPU_LEASE_SCALE,
    /** Multiplies the rate of every colocation option. */
    COLOCATION_SCALE,
    /** Multiplies the energy price of every hour. */
    ENERGY_PRICE_SCALE,
    /** Multiplies every AI option's capex per MW (the capex charge and the budget row). */
    CAPEX_SCALE,
    /** The discount rate r of the capital recovery factor. */
    DISCOUNT_RATE,
    /**
     * Multiplies every ancillary service price, hourly and ERS (site.ancillary.priceScale × value; a what-if with ancillary
     * services only: prices fell as batteries entered, ECRS averaged 76.77 USD/MWh in 2023 and 9.62 in 2024 per issue 16).
     */
    ANCILLARY_PRICE_SCALE,
    /**
     * The number of forced curtailment hours of a large-load curtailment order (Texas SB 6), placed at the highest node prices
     * of the base what-if (a whole number of hours; a what-if with site.forcedCurtailment.hourCount only; issue 16 item 5).
     */
    SB6_CURTAILMENT_HOURS,
    /**
     * The number of coincident peaks N of the transmission charge: 4 (4CP, June–September) or 12 (the proposed 12CP reform,
     * every month); a what-if with site.fourCp whose probabilities come from the ERCOT history, which are re-derived for N
     * (issue 16 item 5).
     */
    COINCIDENT_PEAKS
}
