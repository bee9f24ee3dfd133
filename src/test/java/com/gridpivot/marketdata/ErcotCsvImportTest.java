package com.gridpivot.marketdata;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.gridpivot.marketdata.TestFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ERCOT_CSV on the DST days of 2023. The CSVs in ercot_csv/ were written by generate_ercot_csv.py from the real
 * fluxcore prices of those days (UTC stamps), labelled the ERCOT way (hour ending, DSTFlag/Repeated Hour Flag);
 * parsing them back must give exactly fluxcore's UTC hours and prices, which checks the DST handling.
 */
class ErcotCsvImportTest {

    private static final ImportOptions NONE = ImportOptions.defaults();

    private static Map<Instant, Double> fluxcoreHourly(String month, FluxcoreMarket market) {
        ImportResult r = parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_WEST/" + month + ".json",
                ImportOptions.fluxcore(market));
        return only(r).points().stream().collect(Collectors.toMap(SeriesPoint::intervalStart, SeriesPoint::value));
    }

    @Test
    void fallBackDayHas25HoursAndTheRepeatedHourIsKept() {
        ImportResult r = parse(ImportFormat.ERCOT_CSV, "ercot_csv/dam_hb_west_2023-11-05_fallback.csv", NONE);

        assertThat(r.hasErrors()).isFalse();
        assertThat(r.rowsRead()).isEqualTo(25);
        ImportedSeries s = only(r);
        assertThat(s.key()).isEqualTo("HB_WEST");
        assertThat(s.kind()).isEqualTo(SeriesKind.ENERGY_PRICE);
        assertThat(s.resolution()).isEqualTo(Duration.ofHours(1));
        assertThat(s.points()).hasSize(25);
        assertThat(s.points().get(0).intervalStart()).isEqualTo(Instant.parse("2023-11-05T05:00:00Z"));
        assertThat(s.points().get(24).intervalStart()).isEqualTo(Instant.parse("2023-11-06T05:00:00Z"));
        // hour ending 02:00 (line 3, N) = 01:00 CDT = 06:00Z; 02:00 again (line 4, Y) = 01:00 CST = 07:00Z
        assertThat(s.points().get(1)).isEqualTo(new SeriesPoint(Instant.parse("2023-11-05T06:00:00Z"), 27.37));
        assertThat(s.points().get(2)).isEqualTo(new SeriesPoint(Instant.parse("2023-11-05T07:00:00Z"), 24.46));
        assertThat(issues(r, ImportIssue.Severity.INFO, "DST_FALL_BACK")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(4));
        assertThat(warnings(r)).isEmpty();
        Map<Instant, Double> fluxcore = fluxcoreHourly("2023-11", FluxcoreMarket.DAM);
        s.points().forEach(p -> assertThat(p.value()).as(p.intervalStart().toString())
                .isEqualTo(fluxcore.get(p.intervalStart())));
    }

    @Test
    void springForwardDayHas23HoursAndNoGap() {
        ImportResult r = parse(ImportFormat.ERCOT_CSV, "ercot_csv/dam_hb_west_2023-03-12_springforward.csv", NONE);

        assertThat(r.hasErrors()).isFalse();
        assertThat(r.rowsRead()).isEqualTo(23);
        ImportedSeries s = only(r);
        assertThat(s.points()).hasSize(23);
        assertThat(s.points().get(0)).isEqualTo(new SeriesPoint(Instant.parse("2023-03-12T06:00:00Z"), 27.98));
        // hour ending 03:00 follows 01:00 directly: 01:00 CST = 07:00Z
        assertThat(s.points().get(1)).isEqualTo(new SeriesPoint(Instant.parse("2023-03-12T07:00:00Z"), 24.11));
        assertThat(s.points().get(22).intervalStart()).isEqualTo(Instant.parse("2023-03-13T04:00:00Z"));
        assertThat(issues(r, ImportIssue.Severity.INFO, "DST_SPRING_FORWARD")).hasSize(1);
        assertThat(issues(r, ImportIssue.Severity.WARNING, "GAP")).isEmpty();
        Map<Instant, Double> fluxcore = fluxcoreHourly("2023-03", FluxcoreMarket.DAM);
        s.points().forEach(p -> assertThat(p.value()).isEqualTo(fluxcore.get(p.intervalStart())));
    }

    @Test
    void realTime15MinuteLayoutOnTheFallBackDayGivesFluxcoresHourlyMeans() {
        ImportResult r = parse(ImportFormat.ERCOT_CSV, "ercot_csv/rtm_hb_west_2023-11-05_fallback.csv", NONE);

        assertThat(r.hasErrors()).isFalse();
        assertThat(r.rowsRead()).isEqualTo(100);
        ImportedSeries s = only(r);
        assertThat(s.resolution()).isEqualTo(Duration.ofHours(1));
        assertThat(s.points()).hasSize(25);
        // hour 2 Y (repeated, standard time) = 07:00Z: quarter-hours of fluxcore averaged = 22.11
        assertThat(s.points().get(2).intervalStart()).isEqualTo(Instant.parse("2023-11-05T07:00:00Z"));
        assertThat(s.points().get(2).value()).isCloseTo(22.11, within(1e-9));
        assertThat(issues(r, ImportIssue.Severity.INFO, "DST_FALL_BACK")).hasSize(1);
        assertThat(warnings(r)).isEmpty();
        Map<Instant, Double> fluxcore = fluxcoreHourly("2023-11", FluxcoreMarket.RTM);
        s.points().forEach(p -> assertThat(p.value()).isCloseTo(fluxcore.get(p.intervalStart()), within(1e-9)));
    }

    @Test
    void realTimeSpringForwardDayHas92QuarterHours() {
        ImportResult r = parse(ImportFormat.ERCOT_CSV, "ercot_csv/rtm_hb_west_2023-03-12_springforward.csv", NONE);

        assertThat(r.hasErrors()).isFalse();
        assertThat(r.rowsRead()).isEqualTo(92);
        assertThat(only(r).points()).hasSize(23);
        assertThat(issues(r, ImportIssue.Severity.INFO, "DST_SPRING_FORWARD")).hasSize(1);
        assertThat(warnings(r)).isEmpty();
        Map<Instant, Double> fluxcore = fluxcoreHourly("2023-03", FluxcoreMarket.RTM);
        only(r).points().forEach(p -> assertThat(p.value()).isCloseTo(fluxcore.get(p.intervalStart()), within(1e-9)));
    }

    @Test
    void oneFileWithTwoSettlementPointsGivesTwoSeries() {
        ImportResult r = parse(ImportFormat.ERCOT_CSV, "ercot_csv/dam_two_hubs_2023-01-15.csv", NONE);

        assertThat(r.issues()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(48);
        assertThat(r.series()).extracting(ImportedSeries::key).containsExactly("HB_NORTH", "HB_WEST");
        ImportedSeries west = series(r, "HB_WEST");
        assertThat(west.points()).hasSize(24);
        // 2023-01-15 hour ending 01:00 = 00:00 CST = 06:00Z
        assertThat(west.points().get(0)).isEqualTo(new SeriesPoint(Instant.parse("2023-01-15T06:00:00Z"), 0.41));
        assertThat(series(r, "HB_NORTH").points().get(0).value()).isEqualTo(5.83);
        assertThat(west.points().get(23)).isEqualTo(new SeriesPoint(Instant.parse("2023-01-16T05:00:00Z"), 2.97));
    }

    private static final String HEADER = "Delivery Date,Hour Ending,Settlement Point,Settlement Point Price,DSTFlag\n";

    private static String hours(int from, int to, Function<Integer, String> price) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int h = from; h <= to; h++) {
            sb.append("07/01/2023,").append(String.format("%02d:00", h)).append(",HB_WEST,").append(price.apply(h))
                    .append(",N\n");
        }
        return sb.toString();
    }

    @Test
    void nonNumericPriceIsAnErrorWithLineAndColumn() {
        ImportResult r = parseText(ImportFormat.ERCOT_CSV, hours(1, 24, h -> h == 5 ? "n/a" : "30.5"), "x.csv", NONE);

        assertThat(r.hasErrors()).isTrue();
        assertThat(issues(r, ImportIssue.Severity.ERROR, "NON_NUMERIC")).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(6); // header is line 1, hour ending 05:00 is line 6
            assertThat(i.message()).contains("Settlement Point Price").contains("n/a");
        });
    }

    @Test
    void missingHourIsAGapWithFirstMissingStartAndCount() {
        String text = hours(1, 24, h -> "30").replace("07/01/2023,10:00,HB_WEST,30,N\n", "")
                .replace("07/01/2023,11:00,HB_WEST,30,N\n", "");
        ImportResult r = parseText(ImportFormat.ERCOT_CSV, text, "x.csv", NONE);

        assertThat(r.hasErrors()).isFalse();
        // hour ending 10:00 of 2023-07-01 starts at 09:00 CDT = 14:00Z
        assertThat(issues(r, ImportIssue.Severity.WARNING, "GAP")).singleElement().satisfies(i -> {
            assertThat(i.message()).contains("2 missing").contains("2023-07-01T14:00:00Z");
            assertThat(i.line()).isEqualTo(11);
        });
        assertThat(only(r).points()).hasSize(22);
    }

    @Test
    void duplicatesSameValueIsWarningDifferentValueIsError() {
        String same = hours(1, 3, h -> "30") + "07/01/2023,02:00,HB_WEST,30,N\n";
        ImportResult r1 = parseText(ImportFormat.ERCOT_CSV, same, "x.csv", NONE);
        assertThat(r1.hasErrors()).isFalse();
        assertThat(issues(r1, ImportIssue.Severity.WARNING, "DUPLICATE")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(5));
        assertThat(only(r1).points()).hasSize(3);

        String different = hours(1, 3, h -> "30") + "07/01/2023,02:00,HB_WEST,31,N\n";
        ImportResult r2 = parseText(ImportFormat.ERCOT_CSV, different, "x.csv", NONE);
        assertThat(issues(r2, ImportIssue.Severity.ERROR, "DUPLICATE")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(5));
    }

    @Test
    void missingColumnBadDateNanAndNonexistentHourAreErrors() {
        ImportResult noPrice = parseText(ImportFormat.ERCOT_CSV,
                "Delivery Date,Hour Ending,Settlement Point\n07/01/2023,01:00,HB_WEST\n", "x.csv", NONE);
        assertThat(issues(noPrice, ImportIssue.Severity.ERROR, "MISSING_COLUMN")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("Settlement Point Price"));

        ImportResult badDate = parseText(ImportFormat.ERCOT_CSV, HEADER + "2023-07-01,01:00,HB_WEST,30,N\n", "x.csv", NONE);
        assertThat(issues(badDate, ImportIssue.Severity.ERROR, "BAD_TIMESTAMP")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(2));

        ImportResult nan = parseText(ImportFormat.ERCOT_CSV, HEADER + "07/01/2023,01:00,HB_WEST,NaN,N\n", "x.csv", NONE);
        assertThat(issues(nan, ImportIssue.Severity.ERROR, "NOT_FINITE")).hasSize(1);

        ImportResult noSuchHour = parseText(ImportFormat.ERCOT_CSV, HEADER + "03/12/2023,02:00,HB_WEST,30,N\n",
                "x.csv", NONE);
        assertThat(issues(noSuchHour, ImportIssue.Severity.ERROR, "BAD_TIMESTAMP")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("does not exist"));
    }

    @Test
    void pricesInUsdPerKwhOrASingleValueTimes1000AreUnitSlips() {
        ImportResult kwh = parseText(ImportFormat.ERCOT_CSV, hours(1, 24, h -> "0.0" + (20 + h)), "x.csv", NONE);
        assertThat(issues(kwh, ImportIssue.Severity.ERROR, "UNIT_SLIP")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("USD/kWh"));

        ImportResult oneRow = parseText(ImportFormat.ERCOT_CSV, hours(1, 24, h -> h == 7 ? "31000" : "31"), "x.csv", NONE);
        assertThat(issues(oneRow, ImportIssue.Severity.ERROR, "UNIT_SLIP")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(8));

        ImportResult scarcity = parseText(ImportFormat.ERCOT_CSV, hours(1, 24, h -> h == 7 ? "5000" : "31"), "x.csv", NONE);
        assertThat(scarcity.issues()).isEmpty();
    }

    @Test
    void emptyFileAndHeaderOnlyAreErrors() {
        assertThat(issues(parseText(ImportFormat.ERCOT_CSV, "", "x.csv", NONE), ImportIssue.Severity.ERROR,
                "EMPTY_FILE")).hasSize(1);
        assertThat(issues(parseText(ImportFormat.ERCOT_CSV, HEADER, "x.csv", NONE), ImportIssue.Severity.ERROR,
                "EMPTY_FILE")).hasSize(1);
    }

    @Test
    void ercotTimeHourEndConversion() {
        java.time.LocalDate fallBack = java.time.LocalDate.of(2023, 11, 5);
        assertThat(ErcotTime.hourEnd(fallBack, 1, false)).isEqualTo(Instant.parse("2023-11-05T06:00:00Z"));
        assertThat(ErcotTime.hourEnd(fallBack, 2, false)).isEqualTo(Instant.parse("2023-11-05T07:00:00Z"));
        assertThat(ErcotTime.hourEnd(fallBack, 2, true)).isEqualTo(Instant.parse("2023-11-05T08:00:00Z"));
        assertThat(ErcotTime.hourEnd(fallBack, 24, false)).isEqualTo(Instant.parse("2023-11-06T06:00:00Z"));
        java.time.LocalDate spring = java.time.LocalDate.of(2023, 3, 12);
        assertThat(ErcotTime.hourEnd(spring, 2, false)).isNull();
        assertThat(ErcotTime.hourEnd(spring, 3, false)).isEqualTo(Instant.parse("2023-03-12T08:00:00Z"));
        assertThat(ErcotTime.hoursIn(spring)).isEqualTo(23);
        assertThat(ErcotTime.hoursIn(fallBack)).isEqualTo(25);
        assertThat(List.of(ErcotTime.isFallBack(fallBack), ErcotTime.isSpringForward(spring))).containsOnly(true);
    }
}
