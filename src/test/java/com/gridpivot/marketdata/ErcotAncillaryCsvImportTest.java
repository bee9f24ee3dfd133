package com.gridpivot.marketdata;

import static com.gridpivot.marketdata.TestFiles.errors;
import static com.gridpivot.marketdata.TestFiles.issues;
import static com.gridpivot.marketdata.TestFiles.only;
import static com.gridpivot.marketdata.TestFiles.parseText;
import static com.gridpivot.marketdata.TestFiles.series;
import static com.gridpivot.marketdata.TestFiles.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * ERCOT_ANCILLARY_CSV: ERCOT's day-ahead clearing prices for capacity ({@code DeliveryDate,HourEnding,AncillaryType,MCPC,DSTFlag}).
 * The shipped file is CONSTRUCTED (demo/ercot_ancillary/PROVENANCE.md): base level in every hour, evening level in hours
 * ending 17–21 (ECRS 5 and 25 USD/MW-h).
 */
class ErcotAncillaryCsvImportTest {
    static final String SHIPPED = "/demo/ercot_ancillary/constructed_dam_mcpc_2024-08-20.csv";

    static byte[] shipped() {
        try (InputStream in = ErcotAncillaryCsvImportTest.class.getResourceAsStream(SHIPPED)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /*
     * 08/20/2024 is CDT (UTC−5): hour ending 01:00 starts at 00:00 CDT = 05:00Z; hour ending 17:00 starts 16:00 CDT = 21:00Z.
     * ECRS mean = (19·5 + 5·25) / 24 = 220 / 24 = 9.1667 USD/MW-h.
     */
    @Test
    void theShippedConstructedDayGivesFiveHourlySeries() {
        byte[] bytes = shipped();
        assertThat(new MarketDataImporter().detect("constructed_dam_mcpc_2024-08-20.csv", Arrays.copyOf(bytes, 200)))
                .isEqualTo(ImportFormat.ERCOT_ANCILLARY_CSV);
        ImportResult r = new MarketDataImporter().parse(ImportFormat.ERCOT_ANCILLARY_CSV, new java.io.ByteArrayInputStream(bytes), SHIPPED, null);
        assertThat(r.hasErrors()).isFalse();
        assertThat(warnings(r)).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(120);
        assertThat(r.series()).extracting(ImportedSeries::key).containsExactly("REGUP", "REGDN", "RRS", "NSPIN", "ECRS");
        ImportedSeries ecrs = series(r, "ECRS");
        assertThat(ecrs.kind()).isEqualTo(SeriesKind.ANCILLARY_PRICE);
        assertThat(ecrs.resolution()).isEqualTo(Duration.ofHours(1));
        assertThat(ecrs.points()).hasSize(24);
        assertThat(ecrs.points().get(0)).isEqualTo(new SeriesPoint(Instant.parse("2024-08-20T05:00:00Z"), 5.0));
        assertThat(ecrs.points().get(16)).isEqualTo(new SeriesPoint(Instant.parse("2024-08-20T21:00:00Z"), 25.0));
        assertThat(ecrs.points().get(21)).isEqualTo(new SeriesPoint(Instant.parse("2024-08-21T02:00:00Z"), 5.0));
        assertThat(ecrs.points().stream().mapToDouble(SeriesPoint::value).average().orElseThrow()).isEqualTo(220.0 / 24);
        assertThat(series(r, "REGDN").points().get(18).value()).isEqualTo(2.0);
    }

    /* Fall-back day 11/03/2024: hour ending 02:00 twice; N = 01:00 CDT = 06:00Z, Y = 01:00 CST = 07:00Z. */
    @Test
    void theRepeatedFallBackHourIsKeptByItsDstFlag() {
        String text = "DeliveryDate,HourEnding,AncillaryType,MCPC,DSTFlag\n"
                + "11/03/2024,01:00,NSPIN,1.50,N\n11/03/2024,02:00,NSPIN,2.50,N\n11/03/2024,02:00,NSPIN,3.50,Y\n11/03/2024,03:00,NSPIN,4.50,N\n";
        ImportResult r = parseText(ImportFormat.ERCOT_ANCILLARY_CSV, text, "x.csv", null);
        assertThat(r.hasErrors()).isFalse();
        ImportedSeries s = only(r);
        assertThat(s.points()).containsExactly(new SeriesPoint(Instant.parse("2024-11-03T05:00:00Z"), 1.5),
                new SeriesPoint(Instant.parse("2024-11-03T06:00:00Z"), 2.5), new SeriesPoint(Instant.parse("2024-11-03T07:00:00Z"), 3.5),
                new SeriesPoint(Instant.parse("2024-11-03T08:00:00Z"), 4.5));
        assertThat(issues(r, ImportIssue.Severity.INFO, "DST_FALL_BACK")).singleElement().satisfies(i -> assertThat(i.line()).isEqualTo(4));
    }

    @Test
    void badRowsAreReportedByLine() {
        String text = "DeliveryDate,HourEnding,AncillaryType,MCPC,DSTFlag\n"
                + "08/20/2024,01:00,ECRS,abc,N\n2024-08-20,02:00,ECRS,1,N\n08/20/2024,25:00,ECRS,1,N\n08/20/2024,03:00,FOO,1,N\n";
        ImportResult r = parseText(ImportFormat.ERCOT_ANCILLARY_CSV, text, "x.csv", null);
        assertThat(errors(r)).extracting(ImportIssue::line).containsExactly(2, 3, 4);
        assertThat(issues(r, ImportIssue.Severity.WARNING, "UNKNOWN_TYPE")).singleElement().satisfies(i -> assertThat(i.line()).isEqualTo(5));
        ImportResult missing = parseText(ImportFormat.ERCOT_ANCILLARY_CSV, "DeliveryDate,HourEnding,MCPC\n08/20/2024,01:00,1\n", "x.csv", null);
        assertThat(issues(missing, ImportIssue.Severity.ERROR, "MISSING_COLUMN")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("AncillaryType"));
    }
}
