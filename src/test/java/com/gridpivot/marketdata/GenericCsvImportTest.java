package com.gridpivot.marketdata;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.gridpivot.marketdata.TestFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

/** GENERIC_CSV (interval_start,value with ISO 8601 offsets) and the shared validation report. */
class GenericCsvImportTest {

    private static final ImportOptions HASHPRICE = ImportOptions.of(SeriesKind.HASHPRICE, "luxor");
    private static final ImportOptions ENERGY = ImportOptions.of(SeriesKind.ENERGY_PRICE, "SITE_NODE");

    @Test
    void offsetsAndZAreTheSameInstantsAndBomIsSkipped() {
        String text = "\uFEFFinterval_start,value\r\n"
                + "2024-01-01T00:00:00-06:00,30.5\r\n"
                + "2024-01-01T07:00:00Z,31.5\r\n"
                + "2024-01-01T02:00:00-06:00,32.5\r\n";
        ImportResult r = parseText(ImportFormat.GENERIC_CSV, text, "node.csv", ENERGY);

        assertThat(r.issues()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(3);
        ImportedSeries s = only(r);
        assertThat(s.key()).isEqualTo("SITE_NODE");
        assertThat(s.resolution()).isEqualTo(Duration.ofHours(1));
        assertThat(s.points()).containsExactly(
                new SeriesPoint(Instant.parse("2024-01-01T06:00:00Z"), 30.5),
                new SeriesPoint(Instant.parse("2024-01-01T07:00:00Z"), 31.5),
                new SeriesPoint(Instant.parse("2024-01-01T08:00:00Z"), 32.5));
    }

    @Test
    void quarterHourlyEnergyPricesAreAveragedPerHourWithAPartialHourWarning() {
        String text = "interval_start,value\n"
                + "2024-01-01T06:00:00Z,10\n2024-01-01T06:15:00Z,20\n2024-01-01T06:30:00Z,30\n2024-01-01T06:45:00Z,40\n"
                + "2024-01-01T07:00:00Z,50\n2024-01-01T07:15:00Z,70\n";
        ImportResult r = parseText(ImportFormat.GENERIC_CSV, text, "q.csv", ENERGY);

        assertThat(r.hasErrors()).isFalse();
        ImportedSeries s = only(r);
        assertThat(s.resolution()).isEqualTo(Duration.ofHours(1));
        assertThat(s.points()).containsExactly(
                new SeriesPoint(Instant.parse("2024-01-01T06:00:00Z"), 25),
                new SeriesPoint(Instant.parse("2024-01-01T07:00:00Z"), 60));
        assertThat(issues(r, ImportIssue.Severity.WARNING, "PARTIAL_HOUR")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("2024-01-01T07:00:00Z").contains("2 of 4"));
    }

    @Test
    void hashpricePerThDayIsAUnitSlipNamingTheFix() {
        StringBuilder sb = new StringBuilder("interval_start,value\n");
        for (int d = 1; d <= 10; d++) {
            sb.append(String.format("2025-11-%02dT00:00:00Z,0.0%d%n", d, 38 + d % 3)); // 0.038 USD/TH/day
        }
        ImportResult r = parseText(ImportFormat.GENERIC_CSV, sb.toString(), "hp.csv", HASHPRICE);

        assertThat(r.hasErrors()).isTrue();
        assertThat(issues(r, ImportIssue.Severity.ERROR, "UNIT_SLIP")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("USD/TH/day").contains("multiply by 1000"));
    }

    @Test
    void explicitExpectedScaleOverridesTheDefault() {
        String text = "interval_start,value\n2024-01-01T00:00:00Z,0.04\n2024-01-02T00:00:00Z,0.05\n";
        ImportResult r = parseText(ImportFormat.GENERIC_CSV, text, "hp.csv",
                HASHPRICE.withExpectedScale(ExpectedScale.positive(0.01, 1)));
        assertThat(r.issues()).isEmpty();
    }

    @Test
    void everyErrorKindWithItsLineNumber() {
        String text = "interval_start,value\n"
                + "2024-01-01T00:00:00Z,40\n"          // 2
                + "2024-01-01T01:00:00,41\n"           // 3 no offset
                + "2024-01-01T02:00:00Z,forty-two\n"   // 4
                + "2024-01-01T03:00:00Z,Infinity\n"    // 5
                + "2024-01-01T04:00:00Z,\n"            // 6 empty
                + "2024-01-01T05:00:00Z,45\n"          // 7
                + "2024-01-01T05:00:00Z,46\n"          // 8 duplicate, other value
                + "2024-01-01T06:00:00Z,47\n"          // 9
                + "2024-01-01T06:00:00Z,47\n"          // 10 duplicate, same value
                + "2024-01-01T10:00:00Z,48\n";         // 11 after a 3-hour gap
        ImportResult r = parseText(ImportFormat.GENERIC_CSV, text, "e.csv", HASHPRICE);

        assertThat(r.hasErrors()).isTrue();
        assertThat(r.rowsRead()).isEqualTo(10);
        assertThat(issues(r, ImportIssue.Severity.ERROR, "BAD_TIMESTAMP")).extracting(ImportIssue::line).containsExactly(3);
        assertThat(issues(r, ImportIssue.Severity.ERROR, "NON_NUMERIC")).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(4);
            assertThat(i.message()).contains("column 'value'").contains("forty-two");
        });
        assertThat(issues(r, ImportIssue.Severity.ERROR, "NOT_FINITE")).extracting(ImportIssue::line).containsExactly(5);
        assertThat(issues(r, ImportIssue.Severity.ERROR, "MISSING_VALUE")).extracting(ImportIssue::line).containsExactly(6);
        assertThat(issues(r, ImportIssue.Severity.ERROR, "DUPLICATE")).extracting(ImportIssue::line).containsExactly(8);
        assertThat(issues(r, ImportIssue.Severity.WARNING, "DUPLICATE")).extracting(ImportIssue::line).containsExactly(10);
        assertThat(issues(r, ImportIssue.Severity.WARNING, "GAP")).anySatisfy(i -> {
            assertThat(i.line()).isEqualTo(11);
            assertThat(i.message()).contains("3 missing").contains("starting at 2024-01-01T07:00:00Z");
        });
    }

    @Test
    void missingKindMissingColumnAndEmptyFile() {
        ImportResult noKind = parseText(ImportFormat.GENERIC_CSV, "interval_start,value\n2024-01-01T00:00:00Z,1\n",
                "a.csv", ImportOptions.defaults());
        assertThat(issues(noKind, ImportIssue.Severity.ERROR, "MISSING_OPTION")).hasSize(1);

        ImportResult noColumn = parseText(ImportFormat.GENERIC_CSV, "time_utc,price\n2024-01-01T00:00:00Z,1\n",
                "a.csv", ENERGY);
        assertThat(issues(noColumn, ImportIssue.Severity.ERROR, "MISSING_COLUMN")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(1));

        ImportResult empty = parseText(ImportFormat.GENERIC_CSV, "\uFEFF\n  \n", "a.csv", ENERGY);
        assertThat(issues(empty, ImportIssue.Severity.ERROR, "EMPTY_FILE")).hasSize(1);
        assertThat(empty.series()).isEmpty();
    }

    @Test
    void manyErrorsAreCappedWithASummary() {
        StringBuilder sb = new StringBuilder("interval_start,value\n");
        for (int h = 0; h < 48; h++) {
            sb.append(String.format("2024-01-0%dT%02d:00:00Z,x%n", 1 + h / 24, h % 24));
        }
        ImportResult r = parseText(ImportFormat.GENERIC_CSV, sb.toString(), "x.csv", ENERGY);
        assertThat(issues(r, ImportIssue.Severity.ERROR, "NON_NUMERIC")).hasSize(IssueCollector.MAX_PER_CODE + 1)
                .last().satisfies(i -> assertThat(i.message()).contains("48 in total"));
    }
}
