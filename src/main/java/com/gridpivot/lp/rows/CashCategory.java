package com.gridpivot.lp.rows;

/**
 * What a term of a month's cash flow is, for reporting, and when in the month it is paid (models/PLANS.md, "Timing
 * conventions"). Costs are negative coefficients.
 */
public enum CashCategory {
    MINING_REVENUE, MINING_ENERGY, MINING_OPEX, AI_REVENUE, AI_ENERGY, AI_OPEX, AI_CAPEX, ASIC_SALVAGE, ASIC_PURCHASE, TREASURY_SALE,
    /** Contracted AI revenue received in the month: (1 − φ) of what the contract bills (the rest was prepaid). */
    AI_CONTRACT_REVENUE,
    /** A contract's prepayment φ V received at the end of the contracted MW's start month. */
    AI_PREPAYMENT,
    /** The tenant's share κ of the fit-out capex of contracted MW (positive: it offsets AI_CAPEX), paid with the capex. */
    AI_TENANT_CAPEX;

    /**
     * True for capex (AI fit-out, ASIC purchases): paid at the start of its month and discounted from there,
     * δ⁰ₘ = (1+r)^−m/12; every other term is discounted from the month's end, δₘ = (1+r)^−(m+1)/12.
     */
    public boolean paidAtStartOfMonth() {
        return this == AI_CAPEX || this == ASIC_PURCHASE || this == AI_TENANT_CAPEX;
    }
}
