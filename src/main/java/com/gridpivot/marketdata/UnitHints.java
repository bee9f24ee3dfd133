package com.gridpivot.marketdata;

/** Words for the likely fix of a unit slip, per kind. */
final class UnitHints {
    private UnitHints() {
    }

    /**
     * @param tooSmall true when the values are ~1000× smaller than expected (the fix is to multiply by 1000)
     */
    static String fix(SeriesKind kind, boolean tooSmall) {
        String dir = tooSmall ? "multiply by 1000" : "divide by 1000";
        return switch (kind) {
            case HASHPRICE -> tooSmall
                    ? "values look like USD/TH/day: multiply by 1000 to get USD/PH/day"
                    : "values look like USD/EH/day: divide by 1000 to get USD/PH/day";
            case ENERGY_PRICE -> tooSmall
                    ? "values look like USD/kWh: multiply by 1000 to get USD/MWh"
                    : "values look like USD/GWh (or thousandths of a dollar): divide by 1000 to get USD/MWh";
            case BTC_PRICE -> tooSmall
                    ? "values look like thousands of USD (kUSD): multiply by 1000 to get USD/BTC"
                    : "values look like milli-dollars or a mis-placed decimal: divide by 1000 to get USD/BTC";
            case GPU_LEASE_RATE -> tooSmall
                    ? "values look like thousands of USD per GPU-hour: multiply by 1000 to get USD/GPU-h"
                    : "values look like USD per 1000 GPU-hours or milli-dollars: divide by 1000 to get USD/GPU-h";
            case HASHRATE -> tooSmall
                    ? "values look like PH/s: multiply by 1000 to get TH/s"
                    : "values look like GH/s: divide by 1000 to get TH/s";
            default -> "check the unit of the source (" + kind.unit() + " expected): " + dir;
        };
    }
}
