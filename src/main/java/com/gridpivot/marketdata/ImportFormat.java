package com.gridpivot.marketdata;

/** The file formats the importer reads. */
public enum ImportFormat {
    /** ERCOT settlement point prices: Delivery Date, Hour Ending, [DSTFlag], Settlement Point, Settlement Point Price; hourly or 15-minute (Delivery Interval). */
    ERCOT_CSV,
    /** Generic CSV: ISO 8601 interval start with offset or Z, value; the series kind and key are given by the caller. */
    GENERIC_CSV,
    /** The JSON month files of ercot_fluxcore: {"hub","month","rtm":[{"t","price"}],"dam":[…]}. */
    FLUXCORE_JSON,
    /** A daily BTC CSV: lukmol (date,value…) or a blockchain.com "x","y" export (BOM, epoch ms). */
    BTC_DAILY_CSV,
    /** GPU rate listings (daily snapshots with dph_per_gpu), rate indices, or posted rate cards. */
    GPU_RATES_CSV,
    /**
     * ERCOT day-ahead ancillary service clearing prices for capacity: DeliveryDate, HourEnding, AncillaryType, MCPC, DSTFlag
     * (types REGUP, REGDN, RRS, NSPIN, ECRS); one hourly series per type, kind ANCILLARY_PRICE.
     */
    ERCOT_ANCILLARY_CSV
}
