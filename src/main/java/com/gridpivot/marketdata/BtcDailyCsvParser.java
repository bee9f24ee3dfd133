package com.gridpivot.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Daily BTC series: lukmol files ({@code date,price,volume}, {@code date,difficulty}, {@code date,hashrate};
 * date = YYYY-MM-DD, UTC) and blockchain.com chart exports ({@code "x","y"} quoted, UTF-8 BOM, x = epoch ms of
 * UTC midnight). The kind comes from the column name (lukmol) or the file name (blockchain.com), else from
 * {@link ImportOptions#kind()}. Key {@code BTC}, resolution one day.
 */
final class BtcDailyCsvParser {
    static final String KEY = "BTC";

    private BtcDailyCsvParser() {
    }

    /** The kind a blockchain.com export holds, from its file name, or null. */
    static SeriesKind kindFromFileName(String sourceName) {
        String name = baseName(sourceName).toLowerCase(Locale.ROOT);
        if (name.startsWith("difficulty")) return SeriesKind.DIFFICULTY;
        if (name.startsWith("market-price") || name.startsWith("market_price")) return SeriesKind.BTC_PRICE;
        if (name.startsWith("transaction-fees") && !name.contains("usd")) return SeriesKind.FEES_BTC_PER_DAY;
        if (name.startsWith("hash-rate") || name.startsWith("hashrate")) return SeriesKind.HASHRATE;
        if (name.startsWith("miners-revenue")) return SeriesKind.MINERS_REVENUE;
        return null;
    }

    /** The kind of a lukmol value column, or null. */
    static SeriesKind kindFromColumn(String column) {
        return switch (column.toLowerCase(Locale.ROOT)) {
            case "price", "close", "market-price", "market_price" -> SeriesKind.BTC_PRICE;
            case "difficulty" -> SeriesKind.DIFFICULTY;
            case "hashrate", "hash-rate", "hash_rate" -> SeriesKind.HASHRATE;
            case "fees", "transaction-fees", "transaction_fees" -> SeriesKind.FEES_BTC_PER_DAY;
            case "miners-revenue", "miners_revenue", "revenue" -> SeriesKind.MINERS_REVENUE;
            case "hashprice" -> SeriesKind.HASHPRICE;
            default -> null;
        };
    }

    static ImportResult parse(CsvTable t, String source, ImportOptions options, IssueCollector issues) {
        boolean epochLayout = t.has("x") && t.has("y");
        int cTime = epochLayout ? t.column("x") : t.column("date", "day", "timestamp");
        int cValue;
        SeriesKind inferred;
        if (epochLayout) {
            cValue = t.column("y");
            inferred = kindFromFileName(source);
        } else {
            cValue = -1;
            inferred = null;
            for (int i = 0; i < t.header.size(); i++) {
                SeriesKind k = kindFromColumn(t.header.get(i));
                if (k != null) {
                    cValue = i;
                    inferred = k;
                    break;
                }
            }
            if (cValue < 0 && options.kind() != null && t.header.size() >= 2) {
                cValue = cTime == 0 ? 1 : 0;
            }
        }
        if (cTime < 0 || cValue < 0) {
            issues.error(t.headerLine, "MISSING_COLUMN", "BTC daily CSV: expected \"x\",\"y\" or date,<value>"
                    + " (price, difficulty, hashrate …); header is " + t.header);
            return new ImportResult(ImportFormat.BTC_DAILY_CSV, t.rows.size(), List.of(), issues.toList());
        }
        SeriesKind kind = options.kind() != null ? options.kind() : inferred;
        if (kind == null) {
            issues.error(null, "UNKNOWN_KIND", "cannot tell what '" + source + "' holds from its name or header;"
                    + " pass the kind in ImportOptions (e.g. BTC_PRICE, DIFFICULTY)");
            return new ImportResult(ImportFormat.BTC_DAILY_CSV, t.rows.size(), List.of(), issues.toList());
        }
        if (inferred != null && options.kind() != null && inferred != options.kind()) {
            issues.warning(null, "KIND_MISMATCH", "'" + source + "' looks like " + inferred
                    + " but the options say " + options.kind() + "; the option was used");
        }
        String timeColumn = t.header.get(cTime);
        String valueColumn = t.header.get(cValue);
        RawSeries raw = new RawSeries(kind, KEY, Duration.ofDays(1), true);
        for (CsvTable.Row r : t.rows) {
            int line = r.line();
            Instant day = epochLayout ? epochDay(r.cell(cTime), line, timeColumn, issues)
                    : isoDay(r.cell(cTime), line, timeColumn, issues);
            OptionalDouble v = Cells.number(r.cell(cValue), line, valueColumn, issues);
            if (day != null && v.isPresent()) {
                raw.add(day, v.getAsDouble(), line);
            }
        }
        SeriesValidator.Validated v = SeriesValidator.validate(raw, options.expectedScaleFor(kind), issues);
        ImportedSeries series = new ImportedSeries(kind, KEY, Duration.ofDays(1), v.points(), source);
        return new ImportResult(ImportFormat.BTC_DAILY_CSV, t.rows.size(), List.of(series), issues.toList());
    }

    private static Instant epochDay(String cell, int line, String column, IssueCollector issues) {
        long ms;
        try {
            ms = Long.parseLong(cell.trim());
        } catch (NumberFormatException e) {
            issues.error(line, "BAD_TIMESTAMP", "line " + line + ", column '" + column + "': '" + cell
                    + "' is not epoch milliseconds");
            return null;
        }
        Instant t = Instant.ofEpochMilli(ms);
        Instant day = t.truncatedTo(ChronoUnit.DAYS);
        if (!day.equals(t)) {
            issues.warning(line, "NOT_DAY_ALIGNED", "line " + line + ": " + t + " is not 00:00 UTC; counted for "
                    + day.atZone(ZoneOffset.UTC).toLocalDate());
        }
        return day;
    }

    private static Instant isoDay(String cell, int line, String column, IssueCollector issues) {
        String s = cell.trim();
        try {
            return LocalDate.parse(s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) : s)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            issues.error(line, "BAD_TIMESTAMP", "line " + line + ", column '" + column + "': '" + cell
                    + "' is not a YYYY-MM-DD date");
            return null;
        }
    }

    static String baseName(String sourceName) {
        if (sourceName == null) return "";
        String s = sourceName.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
