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
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * ERCOT settlement point price CSVs: the hourly day-ahead layout
 * ({@code Delivery Date, Hour Ending, [DSTFlag], Settlement Point, Settlement Point Price}) and the 15-minute
 * real-time layout ({@code Delivery Date, Delivery Hour, Delivery Interval, Repeated Hour Flag,
 * Settlement Point Name, Settlement Point Type, Settlement Point Price}). Both become hourly UTC series, one per
 * settlement point (15-minute prices are averaged per hour).
 */
final class ErcotCsvParser {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");
    private static final Duration QUARTER = Duration.ofMinutes(15);

    private ErcotCsvParser() {
    }

    static ImportResult parse(CsvTable t, String source, ImportOptions options, IssueCollector issues) {
        boolean realTime = t.has("Delivery Interval");
        int cDate = t.column("Delivery Date");
        int cHour = realTime ? t.column("Delivery Hour") : t.column("Hour Ending");
        int cInterval = t.column("Delivery Interval");
        int cFlag = realTime ? t.column("Repeated Hour Flag", "DSTFlag") : t.column("DSTFlag", "Repeated Hour Flag");
        int cPoint = t.column("Settlement Point", "Settlement Point Name");
        int cPrice = t.column("Settlement Point Price");
        List<String> missing = new ArrayList<>();
        if (cDate < 0) missing.add("Delivery Date");
        if (cHour < 0) missing.add(realTime ? "Delivery Hour" : "Hour Ending");
        if (cPoint < 0) missing.add(realTime ? "Settlement Point Name" : "Settlement Point");
        if (cPrice < 0) missing.add("Settlement Point Price");
        if (!missing.isEmpty()) {
            issues.error(t.headerLine, "MISSING_COLUMN", "ERCOT CSV: missing column(s) " + missing + " in header "
                    + t.header);
            return new ImportResult(ImportFormat.ERCOT_CSV, t.rows.size(), List.of(), issues.toList());
        }
        Duration resolution = realTime ? QUARTER : Duration.ofHours(1);
        Map<String, RawSeries> byPoint = new LinkedHashMap<>();
        Set<LocalDate> fallBackReported = new HashSet<>();
        Set<LocalDate> springReported = new HashSet<>();
        for (CsvTable.Row r : t.rows) {
            int line = r.line();
            LocalDate date;
            try {
                date = LocalDate.parse(r.cell(cDate), DATE);
            } catch (DateTimeParseException e) {
                issues.error(line, "BAD_TIMESTAMP", "line " + line + ", column 'Delivery Date': '" + r.cell(cDate)
                        + "' is not MM/DD/YYYY");
                continue;
            }
            Integer hour = parseHour(r.cell(cHour));
            if (hour == null) {
                issues.error(line, "BAD_TIMESTAMP", "line " + line + ", column '" + t.header.get(cHour) + "': '"
                        + r.cell(cHour) + "' is not an hour 1..24");
                continue;
            }
            int interval = 4;
            if (realTime) {
                Integer iv = cInterval < 0 ? null : parseInt(r.cell(cInterval));
                if (iv == null || iv < 1 || iv > 4) {
                    issues.error(line, "BAD_TIMESTAMP", "line " + line + ", column 'Delivery Interval': '"
                            + r.cell(cInterval) + "' is not 1..4");
                    continue;
                }
                interval = iv;
            }
            String flag = cFlag < 0 ? "" : r.cell(cFlag);
            boolean repeated = flag.equalsIgnoreCase("Y");
            Instant hourEnd = ErcotTime.hourEnd(date, hour, repeated);
            if (hourEnd == null) {
                issues.error(line, "BAD_TIMESTAMP", "line " + line + ": hour ending " + hour + ":00 does not exist on "
                        + date + " (DST spring-forward day in US Central time)");
                continue;
            }
            if (repeated && !ErcotTime.isFallBack(date)) {
                issues.warning(line, "DST_FLAG", "line " + line + ": repeated-hour flag Y on " + date
                        + ", which is not a DST fall-back day; ignored");
            }
            if (repeated && ErcotTime.isFallBack(date) && fallBackReported.add(date)) {
                issues.info(line, "DST_FALL_BACK", date + ": hour ending " + hour + ":00 appears twice (DST ends);"
                        + " the flagged row (line " + line + ") is the standard-time hour, kept as a separate UTC hour");
            }
            if (ErcotTime.isSpringForward(date) && springReported.add(date)) {
                issues.info(line, "DST_SPRING_FORWARD", date + " has 23 hours in US Central time (DST starts):"
                        + " hour ending 02:00 is absent by design, not a gap");
            }
            Instant start = hourEnd.minus(resolution.multipliedBy(5 - interval));
            OptionalDouble price = Cells.number(r.cell(cPrice), line, "Settlement Point Price", issues);
            if (price.isEmpty()) {
                continue;
            }
            String point = r.cell(cPoint);
            if (point.isEmpty()) {
                issues.error(line, "MISSING_VALUE", "line " + line + ": empty settlement point");
                continue;
            }
            byPoint.computeIfAbsent(point, k -> new RawSeries(SeriesKind.ENERGY_PRICE, k, resolution, true))
                    .add(start, price.getAsDouble(), line);
        }
        List<ImportedSeries> series = new ArrayList<>();
        for (RawSeries raw : byPoint.values()) {
            SeriesValidator.Validated v = SeriesValidator.validate(raw,
                    options.expectedScaleFor(SeriesKind.ENERGY_PRICE), issues);
            List<SeriesPoint> hourly = v.points();
            if (realTime) {
                Resampler.Resampled rs = Resampler.subHourlyToHourlyMeans(v.points(), QUARTER);
                issues.addAll(rs.issues().stream().map(i -> new ImportIssue(i.severity(), i.line(), i.code(),
                        raw.key + ": " + i.message())).toList());
                hourly = rs.points();
            }
            series.add(new ImportedSeries(SeriesKind.ENERGY_PRICE, raw.key, Duration.ofHours(1), hourly, source));
        }
        return new ImportResult(ImportFormat.ERCOT_CSV, t.rows.size(), series, issues.toList());
    }

    /** "01:00".."24:00" or "1".."24". */
    private static Integer parseHour(String text) {
        String s = text.trim();
        if (s.endsWith(":00")) {
            s = s.substring(0, s.length() - 3);
        }
        Integer h = parseInt(s);
        return h != null && h >= 1 && h <= 24 ? h : null;
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
