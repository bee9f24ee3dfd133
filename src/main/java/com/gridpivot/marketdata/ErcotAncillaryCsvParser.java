package com.gridpivot.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * ERCOT's day-ahead ancillary service clearing prices for capacity, in ERCOT's own layout
 * {@code DeliveryDate,HourEnding,AncillaryType,MCPC,DSTFlag}: delivery date MM/DD/YYYY, hour ending 01:00..24:00 in US
 * Central time (the fall-back day's repeated hour flagged {@code Y}, as in {@link ErcotCsvParser}), the service type and its
 * market clearing price for capacity in USD per MW per hour. One hourly UTC series of kind {@link SeriesKind#ANCILLARY_PRICE}
 * per type, keyed by the type: REGUP, REGDN, RRS, NSPIN, ECRS (another type is kept as its own series with a warning).
 */
final class ErcotAncillaryCsvParser {
    /** The service types of ERCOT's day-ahead market. */
    static final Set<String> TYPES = Set.of("REGUP", "REGDN", "RRS", "NSPIN", "ECRS");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");
    private static final Duration HOUR = Duration.ofHours(1);

    private ErcotAncillaryCsvParser() {
    }

    static ImportResult parse(CsvTable t, String source, ImportOptions options, IssueCollector issues) {
        int cDate = t.column("DeliveryDate");
        int cHour = t.column("HourEnding");
        int cType = t.column("AncillaryType");
        int cPrice = t.column("MCPC");
        int cFlag = t.column("DSTFlag");
        List<String> missing = new ArrayList<>();
        if (cDate < 0) missing.add("DeliveryDate");
        if (cHour < 0) missing.add("HourEnding");
        if (cType < 0) missing.add("AncillaryType");
        if (cPrice < 0) missing.add("MCPC");
        if (!missing.isEmpty()) {
            issues.error(t.headerLine, "MISSING_COLUMN", "ERCOT ancillary CSV: missing column(s) " + missing + " in header " + t.header);
            return new ImportResult(ImportFormat.ERCOT_ANCILLARY_CSV, t.rows.size(), List.of(), issues.toList());
        }
        Map<String, RawSeries> byType = new LinkedHashMap<>();
        Set<String> unknownReported = new HashSet<>();
        Set<LocalDate> fallBackReported = new HashSet<>();
        for (CsvTable.Row r : t.rows) {
            int line = r.line();
            LocalDate date;
            try {
                date = LocalDate.parse(r.cell(cDate), DATE);
            } catch (DateTimeParseException e) {
                issues.error(line, "BAD_TIMESTAMP", "line " + line + ", column 'DeliveryDate': '" + r.cell(cDate) + "' is not MM/DD/YYYY");
                continue;
            }
            Integer hour = hourEnding(r.cell(cHour));
            if (hour == null) {
                issues.error(line, "BAD_TIMESTAMP", "line " + line + ", column 'HourEnding': '" + r.cell(cHour) + "' is not an hour 01:00..24:00");
                continue;
            }
            boolean repeated = cFlag >= 0 && r.cell(cFlag).equalsIgnoreCase("Y");
            Instant end = ErcotTime.hourEnd(date, hour, repeated);
            if (end == null) {
                issues.error(line, "BAD_TIMESTAMP", "line " + line + ": hour ending " + hour + ":00 does not exist on " + date
                        + " (DST spring-forward day in US Central time)");
                continue;
            }
            if (repeated && !ErcotTime.isFallBack(date)) {
                issues.warning(line, "DST_FLAG", "line " + line + ": DSTFlag Y on " + date + ", which is not a DST fall-back day; ignored");
            }
            if (repeated && ErcotTime.isFallBack(date) && fallBackReported.add(date)) {
                issues.info(line, "DST_FALL_BACK", date + ": hour ending " + hour + ":00 appears twice (DST ends); the flagged row (line "
                        + line + ") is the standard-time hour, kept as a separate UTC hour");
            }
            String type = r.cell(cType).toUpperCase(Locale.ROOT);
            if (type.isEmpty()) {
                issues.error(line, "MISSING_VALUE", "line " + line + ": empty AncillaryType");
                continue;
            }
            if (!TYPES.contains(type) && unknownReported.add(type)) {
                issues.warning(line, "UNKNOWN_TYPE", "line " + line + ": AncillaryType '" + type + "' is not one of " + new java.util.TreeSet<>(TYPES)
                        + "; kept as its own series");
            }
            OptionalDouble price = Cells.number(r.cell(cPrice), line, "MCPC", issues);
            if (price.isEmpty()) {
                continue;
            }
            byType.computeIfAbsent(type, k -> new RawSeries(SeriesKind.ANCILLARY_PRICE, k, HOUR, true))
                    .add(end.minus(HOUR), price.getAsDouble(), line);
        }
        List<ImportedSeries> series = new ArrayList<>();
        for (RawSeries raw : byType.values()) {
            SeriesValidator.Validated v = SeriesValidator.validate(raw, options.expectedScaleFor(SeriesKind.ANCILLARY_PRICE), issues);
            series.add(new ImportedSeries(SeriesKind.ANCILLARY_PRICE, raw.key, HOUR, v.points(), source));
        }
        return new ImportResult(ImportFormat.ERCOT_ANCILLARY_CSV, t.rows.size(), series, issues.toList());
    }

    /** "01:00".."24:00" or "1".."24". */
    private static Integer hourEnding(String text) {
        String s = text.trim();
        if (s.endsWith(":00")) {
            s = s.substring(0, s.length() - 3);
        }
        try {
            int h = Integer.parseInt(s);
            return h >= 1 && h <= 24 ? h : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
