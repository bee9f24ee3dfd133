package com.gridpivot.marketdata;

/** What a market series measures, with the unit its values are stored in. */
public enum SeriesKind {
    /** Energy price at a settlement point (node), USD per MWh. */
    ENERGY_PRICE("USD/MWh"),
    /** BTC price, daily close, USD per BTC. */
    BTC_PRICE("USD/BTC"),
    /** Network difficulty, daily, unitless. */
    DIFFICULTY("1"),
    /** Transaction fees paid to miners, BTC per day. */
    FEES_BTC_PER_DAY("BTC/day"),
    /** Network hashrate, TH/s. */
    HASHRATE("TH/s"),
    /** Miners' revenue (subsidy + fees), USD per day. */
    MINERS_REVENUE("USD/day"),
    /** Hashprice, USD per PH/s per day (imported or derived). */
    HASHPRICE("USD/PH/day"),
    /** GPU lease rate, USD per GPU-hour. */
    GPU_LEASE_RATE("USD/GPU-h"),
    /** Colocation rate, USD per kW of IT load per month. */
    COLOCATION_RATE("USD/kW-month"),
    /** Ancillary service clearing price for capacity (ERCOT MCPC), USD per MW of capacity per hour; key = the service type. */
    ANCILLARY_PRICE("USD/MW-h");

    private final String unit;

    SeriesKind(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
