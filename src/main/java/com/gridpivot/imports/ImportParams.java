package com.gridpivot.imports;

import com.gridpivot.marketdata.FluxcoreMarket;
import com.gridpivot.marketdata.ImportFormat;
import com.gridpivot.marketdata.ImportOptions;
import com.gridpivot.marketdata.SeriesKind;

/**
 * What the caller tells about a file to import. Every field may be null.
 *
 * @param format   the file's format; null: detected from the file name and the first bytes
 * @param fileName the file's name (provenance, format detection, the kind of blockchain.com exports)
 * @param kind     the series kind where the format cannot tell it (required for GENERIC_CSV)
 * @param key      the series key where the format cannot tell it
 * @param market   RTM (default) or DAM, for fluxcore JSON month files
 */
public record ImportParams(ImportFormat format, String fileName, SeriesKind kind, String key, FluxcoreMarket market) {

    /** No hints: everything detected from the file. */
    public static ImportParams detect(String fileName) {
        return new ImportParams(null, fileName, null, null, null);
    }

    /** The same hints for another file. */
    public ImportParams withFileName(String name) {
        return new ImportParams(format, name, kind, key, market);
    }

    /** The parser options these hints give. */
    public ImportOptions options() {
        return new ImportOptions(kind, key, market, null);
    }
}
