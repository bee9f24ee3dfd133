package com.gridpivot.lp.rows;

/** What a term of a month's cash flow is, for reporting. Costs are negative coefficients. */
public enum CashCategory {
    MINING_REVENUE, MINING_ENERGY, MINING_OPEX, AI_REVENUE, AI_ENERGY, AI_OPEX, AI_CAPEX, ASIC_SALVAGE, ASIC_PURCHASE, TREASURY_SALE
}
