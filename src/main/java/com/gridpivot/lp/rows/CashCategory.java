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
    AI_TENANT_CAPEX,
    /**
     * GPUs sold at their book value when they leave a hall: at their end of life (residual ρ of their price, whether the MW is
     * refreshed or retired) or when the hall's life ends (models/PLANS.md, "GPU life and refresh"); end of month, as ASIC salvage.
     */
    GPU_RESIDUAL,
    /** draws and issues of debt (+) and their repayments (−): cash only, not in the NPV (models/PLANS.md, "Financing sources") */
    DEBT_PRINCIPAL,
    /**
     * Moving ASICs between a portfolio's sites (AsicRelocationRows): cost per TH/s moved, paid in the move's month (from its
     * end, as opex); not capex (not in a capex budget), not in EBITDA (a one-off).
     */
    ASIC_RELOCATION,
    /** interest on credit lines and term loans, coupons of convertible notes */
    FINANCING_INTEREST,
    /** commitment fees on undrawn credit, upfront fees of term loans */
    FINANCING_FEE,
    /** corporate income tax of a tax year, paid at the end of its last month in the horizon (TaxRows; only with finance.tax) */
    INCOME_TAX;

    /**
     * False for principal (draws, issues, repayments): it moves cash between months but adds no value of its own; the
     * investments it funds are in the NPV when paid, and its cost is the interest and fees, which are.
     */
    public boolean inNpv() {
        return this != DEBT_PRINCIPAL;
    }

    /** Terms only a portfolio has (moves between sites): absent from single-site and stochastic models. */
    public boolean portfolioOnly() {
        return this == ASIC_RELOCATION;
    }

    /** The income tax (finance.tax): absent from models without it (stochastic plans, Monte Carlo paths: rejected at input). */
    public boolean isTax() {
        return this == INCOME_TAX;
    }

    /** The terms of financing sources (principal, interest, fees): absent from models without them (stochastic plans). */
    public boolean isFinancing() {
        return this == DEBT_PRINCIPAL || this == FINANCING_INTEREST || this == FINANCING_FEE;
    }

    /** Operating terms of EBITDA (revenue, energy, opex of mining and AI, contracted AI revenue as received; no capex, prepayments, trades, treasury or financing). */
    public boolean inEbitda() {
        return this == MINING_REVENUE || this == MINING_ENERGY || this == MINING_OPEX || this == AI_REVENUE || this == AI_ENERGY
                || this == AI_OPEX || this == AI_CONTRACT_REVENUE;
    }

    /**
     * True for capex (AI fit-out, ASIC purchases): paid at the start of its month and discounted from there,
     * δ⁰ₘ = (1+r)^−m/12; every other term is discounted from the month's end, δₘ = (1+r)^−(m+1)/12.
     */
    public boolean paidAtStartOfMonth() {
        return this == AI_CAPEX || this == ASIC_PURCHASE || this == AI_TENANT_CAPEX;
    }
}
