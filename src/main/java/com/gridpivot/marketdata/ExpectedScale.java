package com.gridpivot.marketdata;

/**
 * The plausible scale of a series' values, used to catch unit slips (values about 1000× off, e.g. a hashprice
 * given per TH/day instead of per PH/day).
 *
 * <p>Two checks use it: the median of the absolute non-zero values must lie in
 * [{@code typicalMagnitudeMin}, {@code typicalMagnitudeMax}], and each single value should lie in
 * [{@code min}, {@code max}]. A value or median outside that is reported as a unit slip when multiplying or
 * dividing it by 1000 brings it inside.
 *
 * @param min                 lowest plausible single value, in the kind's unit
 * @param max                 highest plausible single value
 * @param typicalMagnitudeMin lowest plausible median of |value|
 * @param typicalMagnitudeMax highest plausible median of |value|
 */
public record ExpectedScale(double min, double max, double typicalMagnitudeMin, double typicalMagnitudeMax) {

    public ExpectedScale {
        if (!(min < max) || !(typicalMagnitudeMin < typicalMagnitudeMax) || typicalMagnitudeMin <= 0) {
            throw new IllegalArgumentException("invalid expected scale " + min + ".." + max);
        }
    }

    /** A scale whose values are all positive: the single-value range and the median range are the same. */
    public static ExpectedScale positive(double min, double max) {
        return new ExpectedScale(min, max, min, max);
    }

    /** Hashprice: typically 20–1000 USD/PH/day. */
    public static final ExpectedScale HASHPRICE_USD_PER_PH_DAY = positive(20, 1000);
    /** BTC price: 1e2–1e6 USD/BTC. */
    public static final ExpectedScale BTC_PRICE_USD = positive(1e2, 1e6);
    /** Energy prices: −500…10,000 USD/MWh per value; the median |price| of a series at least 1 USD/MWh. */
    public static final ExpectedScale ENERGY_PRICE_USD_PER_MWH = new ExpectedScale(-500, 10_000, 1, 10_000);
    /** GPU lease rates: 0.1–50 USD per GPU-hour. */
    public static final ExpectedScale GPU_RATE_USD_PER_GPU_HOUR = positive(0.1, 50);

    /**
     * Ancillary capacity prices: 0–10,000 USD/MW-h per value (ERCOT's offer cap is 5,000); the median at least 0.01 (hours
     * clearing at 0 are common, so the median range is wide).
     */
    public static final ExpectedScale ANCILLARY_PRICE_USD_PER_MW_H = new ExpectedScale(0, 10_000, 0.01, 10_000);

    /**
     * The default scale of a kind, or null when the kind has no fixed scale (difficulty, hashrate, fees and
     * revenue grew by many orders of magnitude since 2009; only sudden ~1000× jumps are checked for them).
     */
    public static ExpectedScale defaultFor(SeriesKind kind) {
        return switch (kind) {
            case HASHPRICE -> HASHPRICE_USD_PER_PH_DAY;
            case BTC_PRICE -> BTC_PRICE_USD;
            case ENERGY_PRICE -> ENERGY_PRICE_USD_PER_MWH;
            case GPU_LEASE_RATE -> GPU_RATE_USD_PER_GPU_HOUR;
            case ANCILLARY_PRICE -> ANCILLARY_PRICE_USD_PER_MW_H;
            default -> null;
        };
    }
}
