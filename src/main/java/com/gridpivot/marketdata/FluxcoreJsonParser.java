package com.gridpivot.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The month files of ercot_fluxcore: {@code {"hub","month","rtm":[{"t":epochMs,"price"}],"dam":[…]}} where
 * {@code t} is the UTC interval start, rtm is 15-minute and dam hourly. The chosen market becomes one hourly
 * series keyed by the hub. Issue line numbers are the 1-based index in the chosen array.
 */
final class FluxcoreJsonParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private FluxcoreJsonParser() {
    }

    static ImportResult parse(InputStream in, String source, ImportOptions options, IssueCollector issues)
            throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            issues.error(e.getLocation() == null ? null : e.getLocation().getLineNr(), "MALFORMED_JSON",
                    "not valid JSON: " + e.getOriginalMessage());
            return empty(issues);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            issues.error(null, "EMPTY_FILE", "the file is empty");
            return empty(issues);
        }
        if (!root.isObject()) {
            issues.error(1, "MALFORMED_JSON", "expected a JSON object {\"hub\",\"month\",\"rtm\",\"dam\"}");
            return empty(issues);
        }
        FluxcoreMarket market = options.fluxcoreMarketOrDefault();
        String field = market == FluxcoreMarket.RTM ? "rtm" : "dam";
        String hub = root.path("hub").asText("");
        if (hub.isEmpty()) {
            if (options.key() == null) {
                issues.error(null, "MISSING_COLUMN", "no \"hub\" field and no key given in the options");
                return empty(issues);
            }
            hub = options.key();
        }
        JsonNode array = root.get(field);
        if (array == null || !array.isArray()) {
            issues.error(null, "MISSING_COLUMN", "no \"" + field + "\" array in the file");
            return empty(issues);
        }
        Duration resolution = market == FluxcoreMarket.RTM ? Duration.ofMinutes(15) : Duration.ofHours(1);
        final String key = hub;
        RawSeries raw = new RawSeries(SeriesKind.ENERGY_PRICE, key, resolution, true);
        for (int i = 0; i < array.size(); i++) {
            int line = i + 1;
            JsonNode e = array.get(i);
            JsonNode t = e.get("t");
            if (t == null || !t.canConvertToExactIntegral()) {
                issues.error(line, "BAD_TIMESTAMP", field + "[" + i + "]: \"t\" " + (t == null ? "missing" : t)
                        + " is not epoch milliseconds");
                continue;
            }
            JsonNode p = e.get("price");
            OptionalDouble price;
            if (p == null || p.isNull()) {
                issues.error(line, "MISSING_VALUE", field + "[" + i + "]: \"price\" missing");
                continue;
            } else if (p.isNumber()) {
                price = Cells.number(Double.toString(p.asDouble()), line, field + "[" + i + "].price", issues);
            } else {
                price = Cells.number(p.asText(), line, field + "[" + i + "].price", issues);
            }
            if (price.isPresent()) {
                raw.add(Instant.ofEpochMilli(t.asLong()), price.getAsDouble(), line);
            }
        }
        if (array.isEmpty()) {
            issues.error(null, "EMPTY_FILE", "the \"" + field + "\" array is empty");
        }
        SeriesValidator.Validated v = SeriesValidator.validate(raw,
                options.expectedScaleFor(SeriesKind.ENERGY_PRICE), issues);
        checkMonthCoverage(root.path("month").asText(""), v.points(), resolution, hub, issues);
        List<SeriesPoint> hourly = v.points();
        if (market == FluxcoreMarket.RTM) {
            Resampler.Resampled rs = Resampler.subHourlyToHourlyMeans(v.points(), resolution);
            issues.addAll(rs.issues().stream().map(x -> new ImportIssue(x.severity(), x.line(), x.code(),
                    key + ": " + x.message())).toList());
            hourly = rs.points();
        }
        ImportedSeries series = new ImportedSeries(SeriesKind.ENERGY_PRICE, hub, Duration.ofHours(1), hourly,
                source + " (" + field + ")");
        return new ImportResult(ImportFormat.FLUXCORE_JSON, array.size(), List.of(series), issues.toList());
    }

    /** "month" is a calendar month in US Central time; warn when the data do not cover it. */
    private static void checkMonthCoverage(String month, List<SeriesPoint> points, Duration resolution, String hub,
                                           IssueCollector issues) {
        if (month.isEmpty() || points.isEmpty()) {
            return;
        }
        YearMonth ym;
        try {
            ym = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            issues.warning(null, "BAD_TIMESTAMP", "\"month\" '" + month + "' is not YYYY-MM");
            return;
        }
        Instant from = ym.atDay(1).atStartOfDay(ErcotTime.CENTRAL).toInstant();
        Instant to = ym.plusMonths(1).atDay(1).atStartOfDay(ErcotTime.CENTRAL).toInstant();
        Instant first = points.get(0).intervalStart();
        Instant lastEnd = points.get(points.size() - 1).intervalStart().plus(resolution);
        if (first.isAfter(from) || lastEnd.isBefore(to)) {
            issues.warning(null, "INCOMPLETE_MONTH", hub + " " + month + ": data cover " + first + " .. " + lastEnd
                    + " but the month (US Central) is " + from + " .. " + to);
        }
        if (first.isBefore(from) || lastEnd.isAfter(to)) {
            issues.warning(null, "OUTSIDE_MONTH", hub + " " + month + ": data reach outside the month " + from
                    + " .. " + to);
        }
    }

    private static ImportResult empty(IssueCollector issues) {
        return new ImportResult(ImportFormat.FLUXCORE_JSON, 0, List.of(), issues.toList());
    }
}
