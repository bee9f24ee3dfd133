package com.gridpivot.marketdata;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Generic CSV: a header and rows {@code interval_start,value}; the start is ISO 8601 with an offset or Z
 * ({@code 2024-01-01T00:00:00-06:00}, {@code 2024-01-01T06:00:00Z}). Kind from the options (required), key from
 * the options or the file name. The resolution is the most frequent spacing; energy prices finer than one hour
 * are averaged to hourly, everything else is kept as is.
 */
final class GenericCsvParser {

    private GenericCsvParser() {
    }

    static ImportResult parse(CsvTable t, String source, ImportOptions options, IssueCollector issues) {
        if (options.kind() == null) {
            issues.error(null, "MISSING_OPTION", "GENERIC_CSV needs the series kind in ImportOptions");
            return new ImportResult(ImportFormat.GENERIC_CSV, t.rows.size(), List.of(), issues.toList());
        }
        int cTime = t.column("interval_start", "timestamp", "time");
        int cValue = t.column("value");
        if (cTime < 0 || cValue < 0) {
            issues.error(t.headerLine, "MISSING_COLUMN", "GENERIC_CSV: expected columns interval_start,value;"
                    + " header is " + t.header);
            return new ImportResult(ImportFormat.GENERIC_CSV, t.rows.size(), List.of(), issues.toList());
        }
        SeriesKind kind = options.kind();
        String key = options.key() != null ? options.key() : stem(source);
        RawSeries raw = new RawSeries(kind, key, null, true);
        for (CsvTable.Row r : t.rows) {
            int line = r.line();
            String cell = r.cell(cTime);
            OffsetDateTime start;
            try {
                start = OffsetDateTime.parse(cell);
            } catch (DateTimeParseException e) {
                issues.error(line, "BAD_TIMESTAMP", "line " + line + ", column 'interval_start': '" + cell
                        + "' is not ISO 8601 with an offset or Z");
                continue;
            }
            OptionalDouble v = Cells.number(r.cell(cValue), line, "value", issues);
            if (v.isPresent()) {
                raw.add(start.toInstant(), v.getAsDouble(), line);
            }
        }
        SeriesValidator.Validated v = SeriesValidator.validate(raw, options.expectedScaleFor(kind), issues);
        Duration resolution = v.resolution() != null ? v.resolution() : Duration.ofHours(1);
        List<SeriesPoint> points = v.points();
        if (kind == SeriesKind.ENERGY_PRICE && resolution.compareTo(Duration.ofHours(1)) < 0
                && Duration.ofHours(1).toMillis() % resolution.toMillis() == 0) {
            Resampler.Resampled rs = Resampler.subHourlyToHourlyMeans(points, resolution);
            issues.addAll(rs.issues());
            points = rs.points();
            resolution = Duration.ofHours(1);
        }
        ImportedSeries series = new ImportedSeries(kind, key, resolution, points, source);
        return new ImportResult(ImportFormat.GENERIC_CSV, t.rows.size(), List.of(series), issues.toList());
    }

    static String stem(String source) {
        String name = BtcDailyCsvParser.baseName(source);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
