package com.gridpivot.marketdata;

/** Which price array of a fluxcore month file to import. */
public enum FluxcoreMarket {
    /** Real-time market, 15-minute settlement point prices (resampled to hourly means). */
    RTM,
    /** Day-ahead market, hourly prices. */
    DAM
}
