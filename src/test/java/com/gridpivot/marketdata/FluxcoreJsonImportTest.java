package com.gridpivot.marketdata;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.gridpivot.marketdata.TestFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** FLUXCORE_JSON: real month files of ercot_fluxcore (melonmelonz/fluxcore, ERCOT public data). */
class FluxcoreJsonImportTest {

    private static final ImportOptions RTM = ImportOptions.defaults();
    private static final ImportOptions DAM = ImportOptions.fluxcore(FluxcoreMarket.DAM);

    @Test
    void january2023HbWestRtmIsResampledToHourlyMeans() {
        ImportResult r = parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_WEST/2023-01.json", RTM);

        assertThat(r.format()).isEqualTo(ImportFormat.FLUXCORE_JSON);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.issues()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(2976); // 31 days x 96 quarter-hours
        ImportedSeries s = only(r);
        assertThat(s.kind()).isEqualTo(SeriesKind.ENERGY_PRICE);
        assertThat(s.key()).isEqualTo("HB_WEST");
        assertThat(s.resolution()).isEqualTo(Duration.ofHours(1));
        assertThat(s.points()).hasSize(744);
        // first hour = 2023-01-01 00:00 CST: quarter-hours -2.56, -2.34, -1.92, -1.52 (read from the raw JSON)
        assertThat(s.points().get(0).intervalStart()).isEqualTo(Instant.parse("2023-01-01T06:00:00Z"));
        assertThat(s.points().get(0).value()).isCloseTo((-2.56 - 2.34 - 1.92 - 1.52) / 4, within(1e-9));
        assertThat(s.points().get(0).value()).isCloseTo(-2.085, within(1e-9));
        // the month's highest hour: 2023-01-30 16:00Z, quarter-hours 264.36, 268.51, 237.99, 309.92
        SeriesPoint max = s.points().stream().max((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
        assertThat(max.intervalStart()).isEqualTo(Instant.parse("2023-01-30T16:00:00Z"));
        assertThat(max.value()).isCloseTo(270.195, within(1e-9));
        assertThat(s.points().get(743).intervalStart()).isEqualTo(Instant.parse("2023-02-01T05:00:00Z"));
        // mean of all quarter-hours = mean of the complete hourly means
        double mean = s.points().stream().mapToDouble(SeriesPoint::value).average().orElseThrow();
        assertThat(mean).isCloseTo(20.558659274193538, within(1e-9));
    }

    @Test
    void damIsHourlyAndKeptAsIs() {
        ImportResult r = parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_WEST/2023-01.json", DAM);

        assertThat(r.issues()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(744);
        ImportedSeries s = only(r);
        assertThat(s.points()).hasSize(744);
        assertThat(s.points().get(0)).isEqualTo(new SeriesPoint(Instant.parse("2023-01-01T06:00:00Z"), 11.11));
        assertThat(s.source()).contains("dam");
    }

    @Test
    void dstMonthsHave743And721HoursWithoutGaps() {
        ImportResult march = parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_WEST/2023-03.json", RTM);
        ImportResult november = parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_WEST/2023-11.json", RTM);

        assertThat(march.issues()).isEmpty();
        assertThat(november.issues()).isEmpty();
        assertThat(march.rowsRead()).isEqualTo(2972);
        assertThat(only(march).points()).hasSize(743);
        assertThat(only(march).points().get(0).value()).isCloseTo((5.15 + 14.33 + 15.04 + 15.33) / 4, within(1e-9));
        assertThat(november.rowsRead()).isEqualTo(2884);
        assertThat(only(november).points()).hasSize(721);
        assertThat(only(november).points().get(0).intervalStart()).isEqualTo(Instant.parse("2023-11-01T05:00:00Z"));
        assertThat(only(november).points().get(0).value()).isCloseTo(41.92, within(1e-9));
    }

    @Test
    void twoHubsOfTheSameMonthAreSeparateSeries() {
        ImportResult north = parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_NORTH/2023-01.json", RTM);
        assertThat(only(north).key()).isEqualTo("HB_NORTH");
        assertThat(only(north).points().get(0).value()).isCloseTo((-2.56 - 2.34 - 1.96 - 1.61) / 4, within(1e-9));
    }

    @Test
    void mergingNonAdjacentMonthsReportsTheGap() {
        ImportedSeries jan = only(parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_WEST/2023-01.json", RTM));
        ImportedSeries mar = only(parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_WEST/2023-03.json", RTM));

        SeriesMerger.Merged merged = SeriesMerger.merge(List.of(mar, jan));

        assertThat(merged.hasErrors()).isFalse();
        assertThat(merged.series().points()).hasSize(744 + 743);
        assertThat(merged.series().points().get(0).intervalStart()).isEqualTo(Instant.parse("2023-01-01T06:00:00Z"));
        assertThat(merged.issues()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("GAP");
            // February 2023 (US Central) is missing: 28 x 24 hours from 2023-02-01 06:00Z
            assertThat(i.message()).contains("672 missing").contains("2023-02-01T06:00:00Z");
        });
    }

    @Test
    void mergingOverlappingPartsWithDifferentValuesIsAnError() {
        ImportedSeries west = only(parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_WEST/2023-01.json", RTM));
        ImportedSeries dam = only(parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_WEST/2023-01.json", DAM));
        ImportedSeries damAsSameSource = new ImportedSeries(dam.kind(), west.key(), dam.resolution(), dam.points(),
                dam.source());

        SeriesMerger.Merged merged = SeriesMerger.merge(List.of(west, damAsSameSource));
        assertThat(merged.hasErrors()).isTrue();
        assertThat(merged.issues()).anyMatch(i -> i.code().equals("DUPLICATE"));

        SeriesMerger.Merged same = SeriesMerger.merge(List.of(west, west));
        assertThat(same.hasErrors()).isFalse();
        assertThat(same.series().points()).hasSize(744);
        assertThat(same.issues()).allMatch(i -> i.code().equals("DUPLICATE")
                && i.severity() == ImportIssue.Severity.WARNING);
    }

    /** The full two years of both hubs from the shared folder (24 files each); skipped where it is absent. */
    @Test
    void twoYearsOfHbWestAndHbNorthFromSharedData() throws IOException {
        Path folder = SHARED_DATA.resolve("ercot_fluxcore");
        Assumptions.assumeTrue(Files.isDirectory(folder.resolve("HB_WEST")),
                "the shared data folder /work/shared/data is not on this machine; the copied months cover the rest");
        for (String hub : List.of("HB_WEST", "HB_NORTH")) {
            List<Path> files;
            try (Stream<Path> list = Files.list(folder.resolve(hub))) {
                files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            assertThat(files).hasSize(24);
            int rtmRows = 0;
            int damRows = 0;
            List<ImportedSeries> rtmParts = new ArrayList<>();
            List<ImportedSeries> damParts = new ArrayList<>();
            for (Path f : files) {
                ImportResult rtm = parseShared(ImportFormat.FLUXCORE_JSON, f, RTM);
                ImportResult dam = parseShared(ImportFormat.FLUXCORE_JSON, f, DAM);
                assertThat(rtm.issues()).as(f.toString()).isEmpty();
                assertThat(dam.issues()).as(f.toString()).isEmpty();
                rtmRows += rtm.rowsRead();
                damRows += dam.rowsRead();
                rtmParts.add(only(rtm));
                damParts.add(only(dam));
            }
            assertThat(rtmRows).isEqualTo(70_176);
            assertThat(damRows).isEqualTo(17_544);
            SeriesMerger.Merged rtm = SeriesMerger.merge(rtmParts);
            SeriesMerger.Merged dam = SeriesMerger.merge(damParts);
            assertThat(rtm.issues()).isEmpty();
            assertThat(dam.issues()).isEmpty();
            assertThat(rtm.series().points()).hasSize(17_544);
            assertThat(dam.series().points()).hasSize(17_544);
            assertThat(rtm.series().points().get(0).intervalStart()).isEqualTo(Instant.parse("2023-01-01T06:00:00Z"));
            assertThat(rtm.series().points().get(17_543).intervalStart())
                    .isEqualTo(Instant.parse("2025-01-01T05:00:00Z"));
            if (hub.equals("HB_WEST")) {
                // PROVENANCE.md: HB_WEST rtm mean 38.43, dam max 4,207.43, dam mean 42.70
                double rtmMean = rtm.series().points().stream().mapToDouble(SeriesPoint::value).average().orElseThrow();
                double damMean = dam.series().points().stream().mapToDouble(SeriesPoint::value).average().orElseThrow();
                double damMax = dam.series().points().stream().mapToDouble(SeriesPoint::value).max().orElseThrow();
                assertThat(rtmMean).isCloseTo(38.43, within(0.005));
                assertThat(damMean).isCloseTo(42.70, within(0.005));
                assertThat(damMax).isEqualTo(4207.43);
            }
        }
    }

    // ---- error cases ------------------------------------------------------------------------------------------

    private static final String HEAD = "{\"hub\":\"HB_WEST\",\"month\":\"2023-01\",\"rtm\":[";
    private static final long T0 = Instant.parse("2023-01-01T06:00:00Z").toEpochMilli();

    private static String quarter(int i, String price) {
        return "{\"t\":" + (T0 + i * 900_000L) + ",\"price\":" + price + "}";
    }

    private static String rtm(List<String> elements) {
        return HEAD + String.join(",", elements) + "],\"dam\":[]}";
    }

    private static List<String> quarters(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(quarter(i, Double.toString(20 + i % 7)));
        }
        return out;
    }

    @Test
    void gapDuplicateNanAndNonNumericAreReportedWithTheArrayIndex() {
        List<String> e = quarters(16);
        e.remove(9);                                       // gap: 2023-01-01T08:15Z missing
        e.set(3, quarter(3, "NaN"));                       // element 4
        e.set(5, quarter(5, "\"abc\""));                   // element 6
        e.add(quarter(0, "99.0"));                         // element 16: duplicate of the first, other value
        e.add(quarter(1, "21.0"));                         // element 17: identical duplicate
        ImportResult r = parseText(ImportFormat.FLUXCORE_JSON, rtm(e), "x.json", RTM);

        assertThat(r.hasErrors()).isTrue();
        assertThat(issues(r, ImportIssue.Severity.ERROR, "NOT_FINITE")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(4));
        assertThat(issues(r, ImportIssue.Severity.ERROR, "NON_NUMERIC")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(6));
        assertThat(issues(r, ImportIssue.Severity.ERROR, "DUPLICATE")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(16));
        assertThat(issues(r, ImportIssue.Severity.WARNING, "DUPLICATE")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(17));
        // the removed element and the two invalid cells leave one-interval gaps each
        assertThat(issues(r, ImportIssue.Severity.WARNING, "GAP")).extracting(ImportIssue::line)
                .containsExactly(5, 7, 10);
        assertThat(issues(r, ImportIssue.Severity.WARNING, "GAP").get(2).message())
                .contains("1 missing").contains("starting at 2023-01-01T08:15:00Z");
        // gaps and invalid cells leave partial hours
        assertThat(issues(r, ImportIssue.Severity.WARNING, "PARTIAL_HOUR")).hasSize(3);
    }

    @Test
    void missingArrayMalformedJsonAndEmptyFileAreErrors() {
        ImportResult noRtm = parseText(ImportFormat.FLUXCORE_JSON, "{\"hub\":\"HB_WEST\",\"dam\":[]}", "a.json", RTM);
        assertThat(issues(noRtm, ImportIssue.Severity.ERROR, "MISSING_COLUMN")).hasSize(1);
        assertThat(noRtm.series()).isEmpty();

        ImportResult broken = parseText(ImportFormat.FLUXCORE_JSON, "{\"hub\":\"HB_WEST\",\"rtm\":[{\"t\":1,", "b.json", RTM);
        assertThat(issues(broken, ImportIssue.Severity.ERROR, "MALFORMED_JSON")).hasSize(1);

        ImportResult empty = parseText(ImportFormat.FLUXCORE_JSON, "", "c.json", RTM);
        assertThat(issues(empty, ImportIssue.Severity.ERROR, "EMPTY_FILE")).hasSize(1);
        assertThat(empty.rowsRead()).isZero();

        ImportResult emptyArray = parseText(ImportFormat.FLUXCORE_JSON, rtm(List.of()), "d.json", RTM);
        assertThat(issues(emptyArray, ImportIssue.Severity.ERROR, "EMPTY_FILE")).hasSize(1);
    }

    @Test
    void pricesInUsdPerKwhAreAUnitSlip() {
        List<String> e = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            e.add(quarter(i, Double.toString(0.02 + (i % 5) * 0.005)));
        }
        ImportResult r = parseText(ImportFormat.FLUXCORE_JSON, rtm(e), "kwh.json", RTM);

        assertThat(issues(r, ImportIssue.Severity.ERROR, "UNIT_SLIP")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("USD/kWh").contains("multiply by 1000"));
    }
}
