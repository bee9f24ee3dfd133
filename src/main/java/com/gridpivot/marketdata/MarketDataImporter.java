package com.gridpivot.marketdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads market-data files into normalized series plus a validation report. Plain Java, stateless and
 * thread-safe; no framework needed.
 *
 * <p>All formats share the same report (codes in {@link ImportIssue}): {@code EMPTY_FILE},
 * {@code MISSING_COLUMN}, {@code BAD_TIMESTAMP}, {@code NON_NUMERIC}, {@code MISSING_VALUE}, {@code NOT_FINITE},
 * {@code DUPLICATE} (different values: ERROR; identical: WARNING, dropped), {@code GAP} (WARNING: first missing
 * start and count), {@code UNIT_SLIP} (ERROR: ~1000× off the expected scale or a ~1000× jump inside a series),
 * {@code OUT_OF_RANGE}/{@code OUT_OF_SCALE} (WARNING), {@code PARTIAL_HOUR} (WARNING when resampling), and the
 * ERCOT {@code DST_FALL_BACK}/{@code DST_SPRING_FORWARD} (INFO). Line numbers are 1-based physical lines (the
 * header is line 1); for JSON they are the 1-based index in the price array. When the result
 * {@link ImportResult#hasErrors() has errors} the caller must store nothing from the file.
 */
public final class MarketDataImporter {

    /**
     * Parses one file. Never throws for bad content (that is reported as issues); an {@link UncheckedIOException}
     * is thrown only when the stream itself fails.
     *
     * @param format     the file's format (see {@link #detect})
     * @param in         the file's bytes; read fully, not closed
     * @param sourceName the file name or other provenance; used to infer the kind of blockchain.com exports
     * @param options    options (null = {@link ImportOptions#defaults()})
     */
    public ImportResult parse(ImportFormat format, InputStream in, String sourceName, ImportOptions options) {
        ImportOptions opts = options == null ? ImportOptions.defaults() : options;
        String source = sourceName == null ? "" : sourceName;
        IssueCollector issues = new IssueCollector();
        try {
            byte[] bytes = in.readAllBytes();
            if (isBlank(bytes)) {
                issues.error(null, "EMPTY_FILE", "'" + source + "' is empty");
                return new ImportResult(format, 0, List.of(), issues.toList());
            }
            if (format == ImportFormat.FLUXCORE_JSON) {
                return FluxcoreJsonParser.parse(new ByteArrayInputStream(bytes), source, opts, issues);
            }
            CsvTable table = CsvTable.read(new ByteArrayInputStream(bytes));
            if (table.isEmpty()) {
                issues.error(null, "EMPTY_FILE", "'" + source + "' has no header line");
                return new ImportResult(format, 0, List.of(), issues.toList());
            }
            if (table.rows.isEmpty()) {
                issues.error(table.headerLine, "EMPTY_FILE", "'" + source + "' has a header but no data rows");
                return new ImportResult(format, 0, List.of(), issues.toList());
            }
            return switch (format) {
                case ERCOT_CSV -> ErcotCsvParser.parse(table, source, opts, issues);
                case GENERIC_CSV -> GenericCsvParser.parse(table, source, opts, issues);
                case BTC_DAILY_CSV -> BtcDailyCsvParser.parse(table, source, opts, issues);
                case GPU_RATES_CSV -> GpuRatesCsvParser.parse(table, source, opts, issues);
                case ERCOT_ANCILLARY_CSV -> ErcotAncillaryCsvParser.parse(table, source, opts, issues);
                case FLUXCORE_JSON -> throw new IllegalStateException("handled above");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    /**
     * Guesses the format from the file name and the first bytes (the header line is enough).
     *
     * @param fileName the file name (may be null)
     * @param head     the first bytes of the file (may be null or short)
     * @return the likely format, or null when neither the name nor the header matches a known format
     */
    public ImportFormat detect(String fileName, byte[] head) {
        String name = BtcDailyCsvParser.baseName(fileName).toLowerCase(Locale.ROOT);
        String text = head == null ? "" : new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (name.endsWith(".json") || trimmed.startsWith("{")) {
            return ImportFormat.FLUXCORE_JSON;
        }
        int eol = trimmed.indexOf('\n');
        String header = (eol < 0 ? trimmed : trimmed.substring(0, eol)).toLowerCase(Locale.ROOT).replace("\"", "")
                .trim();
        List<String> cols = CsvTable.split(header).stream().map(String::trim).toList();
        if (cols.contains("ancillarytype") && cols.contains("mcpc")) {
            return ImportFormat.ERCOT_ANCILLARY_CSV;
        }
        if (cols.contains("delivery date")) {
            return ImportFormat.ERCOT_CSV;
        }
        if (cols.contains("dph_per_gpu") || cols.contains("price_per_gpu_hr") || cols.contains("publication_date")) {
            return ImportFormat.GPU_RATES_CSV;
        }
        if (cols.contains("interval_start")) {
            return ImportFormat.GENERIC_CSV;
        }
        if (cols.equals(List.of("x", "y"))
                || (cols.size() >= 2 && cols.get(0).equals("date")
                && cols.stream().anyMatch(c -> BtcDailyCsvParser.kindFromColumn(c) != null))) {
            return ImportFormat.BTC_DAILY_CSV;
        }
        if (BtcDailyCsvParser.kindFromFileName(name) != null) {
            return ImportFormat.BTC_DAILY_CSV;
        }
        return null;
    }

    private static boolean isBlank(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return s.isBlank();
    }
}
