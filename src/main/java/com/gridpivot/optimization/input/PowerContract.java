package com.gridpivot.optimization.input;

import java.util.List;

/**
 * How the site buys its energy (issue 16, item 1; models/README.md, "Power contracts").
 *
 * <ul>
 *   <li>{@code INDEX} (the default): every MWh at the node price pₜ, as before.</li>
 *   <li>{@code FIXED_PRICE_BLOCKS}: blocks of Q_k MW bought at f_k USD/MWh in hours [fromHour, toHour); the load uses
 *       them and the unused energy is resold at the node price (power credits). Load above the blocks is bought at pₜ.
 *       Each MWh the site uses or curtails is therefore still worth pₜ at the margin; the blocks add the constant
 *       Σ_k Σₜ Q_k (pₜ − f_k) to the value, and a minimum take m_k keeps the site's bought load at m_k or more.</li>
 *   <li>{@code RETAIL}: every MWh at a flat retail rate plus an adder, no node exposure.</li>
 * </ul>
 *
 * @param kind             which of the three
 * @param fixedPriceBlocks the blocks (empty unless FIXED_PRICE_BLOCKS)
 * @param retailUsdPerMwh  rate + adder, USD/MWh (RETAIL only)
 */
public record PowerContract(Kind kind, List<FixedPriceBlock> fixedPriceBlocks, double retailUsdPerMwh) {

    /** Node price for every MWh: the model before issue 16. */
    public static final PowerContract INDEX = new PowerContract(Kind.INDEX, List.of(), 0.0);

    public enum Kind { INDEX, FIXED_PRICE_BLOCKS, RETAIL }

    /**
     * @param mw             Q_k, MW bought in every hour of the block
     * @param priceUsdPerMwh f_k, USD/MWh
     * @param fromHour       first hour of the horizon in the block (inclusive)
     * @param toHour         end hour (exclusive)
     * @param minimumTakeMw  m_k ≤ Q_k: MW of the block the site must take itself (not resold) in every hour of the block
     */
    public record FixedPriceBlock(double mw, double priceUsdPerMwh, int fromHour, int toHour, double minimumTakeMw) {
        public boolean covers(int hour) {
            return hour >= fromHour && hour < toHour;
        }
    }

    /** The energy price the site pays at the margin in hour t: the retail rate + adder, else the node price. */
    public double marginalPriceUsdPerMwh(double nodePriceUsdPerMwh) {
        return kind == Kind.RETAIL ? retailUsdPerMwh : nodePriceUsdPerMwh;
    }

    /** Σ_k m_k over the blocks covering hour t, MW. */
    public double minimumTakeMw(int hour) {
        double m = 0.0;
        for (FixedPriceBlock b : fixedPriceBlocks) {
            if (b.covers(hour)) {
                m += b.minimumTakeMw();
            }
        }
        return m;
    }

    /** Some block has a minimum take: the model then needs one set of dispatch rows per hour. */
    public boolean hasMinimumTake() {
        return fixedPriceBlocks.stream().anyMatch(b -> b.minimumTakeMw() > 0.0);
    }
}
