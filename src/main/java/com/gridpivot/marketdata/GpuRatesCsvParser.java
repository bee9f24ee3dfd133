package com.gridpivot.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPU rental prices (kind GPU_LEASE_RATE, USD per GPU-hour), three layouts told apart by their header:
 * <ul>
 *   <li>marketplace listing snapshots ({@code listing_id,gpu_name,…,dph_per_gpu,…,collected_utc}): one daily
 *       point per GPU model = the median {@code dph_per_gpu} of that UTC day's listings, key = {@code gpu_name};</li>
 *   <li>rate indices ({@code publication_date} and {@code cri_h100}, {@code index_value} or {@code value}):
 *       one point per publication date, key = {@code index_name} (e.g. {@code CRI-H100});</li>
 *   <li>posted rate cards ({@code gpu_model,price_per_gpu_hr,effective_date,source}): one point per card at its
 *       effective date (the collection date when blank), key = {@code gpu_model/source}, plus
 *       {@code /price_type} for anything but on-demand prices (e.g. {@code H100 SXM/aws},
 *       {@code H100 SXM/gcp/spot_posted}) so that spot and on-demand rates are not mixed.</li>
 * </ul>
 */
final class GpuRatesCsvParser {
    private static final Duration DAY = Duration.ofDays(1);
    private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    private GpuRatesCsvParser() {
    }

    static ImportResult parse(CsvTable t, String source, ImportOptions options, IssueCollector issues) {
        if (t.has("dph_per_gpu")) {
            return listings(t, source, options, issues);
        }
        if (t.has("price_per_gpu_hr")) {
            return rateCards(t, source, options, issues);
        }
        if (t.has("publication_date")) {
            return index(t, source, options, issues);
        }
        issues.error(t.headerLine, "MISSING_COLUMN", "GPU rates CSV: expected dph_per_gpu (listings),"
                + " price_per_gpu_hr (rate cards) or publication_date (index); header is " + t.header);
        return result(t, List.of(), issues);
    }

    private static ImportResult listings(CsvTable t, String source, ImportOptions options, IssueCollector issues) {
        int cModel = t.column("gpu_name");
        int cPrice = t.column("dph_per_gpu");
        int cCollected = t.column("collected_utc");
        LocalDate dateFromName = dateInName(source);
        List<String> missing = new ArrayList<>();
        if (cModel < 0 && options.key() == null) missing.add("gpu_name");
        if (cCollected < 0 && dateFromName == null) missing.add("collected_utc");
        if (!missing.isEmpty()) {
            issues.error(t.headerLine, "MISSING_COLUMN", "GPU listings: missing column(s) " + missing);
            return result(t, List.of(), issues);
        }
        // model -> day -> prices (with the first line of the day, for the report)
        Map<String, Map<Instant, List<Double>>> prices = new LinkedHashMap<>();
        Map<String, Map<Instant, Integer>> firstLine = new LinkedHashMap<>();
        for (CsvTable.Row r : t.rows) {
            int line = r.line();
            String model = cModel >= 0 ? r.cell(cModel) : options.key();
            Instant day;
            if (cCollected >= 0) {
                day = instantDay(r.cell(cCollected), line, "collected_utc", issues);
            } else {
                day = dateFromName.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            OptionalDouble v = Cells.number(r.cell(cPrice), line, "dph_per_gpu", issues);
            if (day == null || v.isEmpty()) {
                continue;
            }
            if (model.isEmpty()) {
                issues.error(line, "MISSING_VALUE", "line " + line + ": empty gpu_name");
                continue;
            }
            prices.computeIfAbsent(model, k -> new LinkedHashMap<>())
                    .computeIfAbsent(day, k -> new ArrayList<>()).add(v.getAsDouble());
            firstLine.computeIfAbsent(model, k -> new LinkedHashMap<>()).putIfAbsent(day, line);
        }
        List<ImportedSeries> series = new ArrayList<>();
        prices.forEach((model, byDay) -> {
            RawSeries raw = new RawSeries(SeriesKind.GPU_LEASE_RATE, model, DAY, true);
            byDay.forEach((day, list) -> raw.add(day, median(list), firstLine.get(model).get(day)));
            SeriesValidator.Validated v = SeriesValidator.validate(raw,
                    options.expectedScaleFor(SeriesKind.GPU_LEASE_RATE), issues);
            series.add(new ImportedSeries(SeriesKind.GPU_LEASE_RATE, model, DAY, v.points(),
                    source + " (median dph_per_gpu of " + byDay.values().stream().mapToInt(List::size).sum()
                            + " listings)"));
        });
        return result(t, series, issues);
    }

    private static ImportResult index(CsvTable t, String source, ImportOptions options, IssueCollector issues) {
        int cDate = t.column("publication_date");
        int cValue = t.column("index_value", "value");
        if (cValue < 0) {
            for (int i = 0; i < t.header.size(); i++) {
                if (t.header.get(i).toLowerCase().startsWith("cri_")) {
                    cValue = i;
                    break;
                }
            }
        }
        if (cValue < 0) {
            issues.error(t.headerLine, "MISSING_COLUMN", "GPU rate index: no value column (cri_h100, index_value"
                    + " or value); header is " + t.header);
            return result(t, List.of(), issues);
        }
        int cName = t.column("index_name");
        String valueColumn = t.header.get(cValue);
        Map<String, RawSeries> byKey = new LinkedHashMap<>();
        for (CsvTable.Row r : t.rows) {
            int line = r.line();
            String key = cName >= 0 && !r.cell(cName).isEmpty() ? r.cell(cName)
                    : options.key() != null ? options.key() : GenericCsvParser.stem(source);
            Instant day = dateDay(r.cell(cDate), line, "publication_date", issues);
            OptionalDouble v = Cells.number(r.cell(cValue), line, valueColumn, issues);
            if (day != null && v.isPresent()) {
                byKey.computeIfAbsent(key, k -> new RawSeries(SeriesKind.GPU_LEASE_RATE, k, DAY, true))
                        .add(day, v.getAsDouble(), line);
            }
        }
        return result(t, finish(byKey, source, options, issues), issues);
    }

    private static ImportResult rateCards(CsvTable t, String source, ImportOptions options, IssueCollector issues) {
        int cModel = t.column("gpu_model");
        int cPrice = t.column("price_per_gpu_hr");
        int cEffective = t.column("effective_date");
        int cSource = t.column("source");
        int cType = t.column("price_type");
        int cCollected = t.column("collected_utc");
        List<String> missing = new ArrayList<>();
        if (cModel < 0) missing.add("gpu_model");
        if (cEffective < 0) missing.add("effective_date");
        if (cSource < 0) missing.add("source");
        if (!missing.isEmpty()) {
            issues.error(t.headerLine, "MISSING_COLUMN", "GPU rate cards: missing column(s) " + missing);
            return result(t, List.of(), issues);
        }
        Map<String, RawSeries> byKey = new LinkedHashMap<>();
        for (CsvTable.Row r : t.rows) {
            int line = r.line();
            String type = cType >= 0 ? r.cell(cType) : "";
            String key = r.cell(cModel) + "/" + r.cell(cSource)
                    + (type.isEmpty() || type.equals("on_demand") ? "" : "/" + type);
            String effective = r.cell(cEffective);
            Instant day;
            if (!effective.isEmpty()) {
                day = effective.length() > 10 ? instantDay(effective, line, "effective_date", issues)
                        : dateDay(effective, line, "effective_date", issues);
            } else if (cCollected >= 0 && !r.cell(cCollected).isEmpty()) {
                day = instantDay(r.cell(cCollected), line, "collected_utc", issues);
                issues.info(line, "EFFECTIVE_DATE_MISSING", "line " + line + ": " + key
                        + " has no effective_date; the collection date was used");
            } else {
                issues.error(line, "BAD_TIMESTAMP", "line " + line + ": " + key
                        + " has neither effective_date nor collected_utc");
                continue;
            }
            OptionalDouble v = Cells.number(r.cell(cPrice), line, "price_per_gpu_hr", issues);
            if (day != null && v.isPresent()) {
                byKey.computeIfAbsent(key, k -> new RawSeries(SeriesKind.GPU_LEASE_RATE, k, DAY, false))
                        .add(day, v.getAsDouble(), line);
            }
        }
        return result(t, finish(byKey, source, options, issues), issues);
    }

    private static List<ImportedSeries> finish(Map<String, RawSeries> byKey, String source, ImportOptions options,
                                               IssueCollector issues) {
        List<ImportedSeries> series = new ArrayList<>();
        for (RawSeries raw : byKey.values()) {
            SeriesValidator.Validated v = SeriesValidator.validate(raw,
                    options.expectedScaleFor(SeriesKind.GPU_LEASE_RATE), issues);
            series.add(new ImportedSeries(SeriesKind.GPU_LEASE_RATE, raw.key, DAY, v.points(), source));
        }
        return series;
    }

    private static ImportResult result(CsvTable t, List<ImportedSeries> series, IssueCollector issues) {
        return new ImportResult(ImportFormat.GPU_RATES_CSV, t.rows.size(), series, issues.toList());
    }

    private static Instant instantDay(String cell, int line, String column, IssueCollector issues) {
        try {
            return OffsetDateTime.parse(cell.trim()).toInstant().truncatedTo(ChronoUnit.DAYS);
        } catch (DateTimeParseException e) {
            issues.error(line, "BAD_TIMESTAMP", "line " + line + ", column '" + column + "': '" + cell
                    + "' is not an ISO 8601 timestamp with offset");
            return null;
        }
    }

    private static Instant dateDay(String cell, int line, String column, IssueCollector issues) {
        try {
            return LocalDate.parse(cell.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            issues.error(line, "BAD_TIMESTAMP", "line " + line + ", column '" + column + "': '" + cell
                    + "' is not a YYYY-MM-DD date");
            return null;
        }
    }

    private static LocalDate dateInName(String source) {
        Matcher m = DATE_IN_NAME.matcher(BtcDailyCsvParser.baseName(source));
        return m.find() ? LocalDate.parse(m.group(1)) : null;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
