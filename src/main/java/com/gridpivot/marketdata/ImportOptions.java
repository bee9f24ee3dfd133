package com.gridpivot.marketdata;

/**
 * Options for {@link MarketDataImporter#parse}. Every field may be null; what each format needs:
 * <ul>
 *   <li>GENERIC_CSV: {@code kind} is required; {@code key} defaults to the source name without extension.</li>
 *   <li>BTC_DAILY_CSV: {@code kind} is used when the file name / header does not tell the kind
 *       (e.g. a blockchain.com export renamed to {@code export.csv}); when it is given and the file name says
 *       otherwise, the option wins and a WARNING {@code KIND_MISMATCH} is reported.</li>
 *   <li>FLUXCORE_JSON: {@code fluxcoreMarket} (default RTM); {@code key} is used only when the file has no hub.</li>
 *   <li>GPU_RATES_CSV: {@code key} names an index series when the file has no {@code index_name} column.</li>
 * </ul>
 *
 * @param kind           the series kind of the value column, where the format cannot tell it
 * @param key            the series key (settlement point, GPU model, index name …), where the format cannot tell it
 * @param fluxcoreMarket rtm (default) or dam for FLUXCORE_JSON
 * @param expectedScale  the plausible scale for unit-slip checks; null = {@link ExpectedScale#defaultFor} the kind
 */
public record ImportOptions(SeriesKind kind, String key, FluxcoreMarket fluxcoreMarket, ExpectedScale expectedScale) {

    /** No options: everything is inferred from the file. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null);
    }

    /** Options for a GENERIC_CSV file (or a BTC_DAILY_CSV whose kind the name does not tell). */
    public static ImportOptions of(SeriesKind kind, String key) {
        return new ImportOptions(kind, key, null, null);
    }

    /** Options for a fluxcore month file. */
    public static ImportOptions fluxcore(FluxcoreMarket market) {
        return new ImportOptions(null, null, market, null);
    }

    /** A copy with another expected scale. */
    public ImportOptions withExpectedScale(ExpectedScale scale) {
        return new ImportOptions(kind, key, fluxcoreMarket, scale);
    }

    /** The market to read from a fluxcore file (RTM when not set). */
    public FluxcoreMarket fluxcoreMarketOrDefault() {
        return fluxcoreMarket == null ? FluxcoreMarket.RTM : fluxcoreMarket;
    }

    /** The scale to check a series of the given kind against, or null for none. */
    public ExpectedScale expectedScaleFor(SeriesKind seriesKind) {
        return expectedScale != null ? expectedScale : ExpectedScale.defaultFor(seriesKind);
    }
}
