package com.gridpivot.marketdata;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.gridpivot.marketdata.TestFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

/** BTC_DAILY_CSV on the real lukmol and blockchain.com files (copied byte-exact into test resources). */
class BtcDailyCsvImportTest {

    private static final ImportOptions NONE = ImportOptions.defaults();
    private static final String BC = "btc/blockchaincom_2023_2024/";
    private static final Instant JUNE_1 = Instant.parse("2023-06-01T00:00:00Z");

    private static double valueOn(ImportedSeries s, Instant day) {
        return s.points().stream().filter(p -> p.intervalStart().equals(day)).findFirst().orElseThrow().value();
    }

    @Test
    void blockchainComExportsWithBomAndEpochMsGetTheirKindFromTheFileName() {
        record Expect(String file, SeriesKind kind, int rows, double first, double june1) {
        }
        for (Expect e : new Expect[]{
                new Expect("difficulty.csv", SeriesKind.DIFFICULTY, 364, 48712405953118d, 51234338863443d),
                new Expect("hash-rate.csv", SeriesKind.HASHRATE, 364, 358383011.4671458, 336187209.4940784),
                new Expect("market-price.csv", SeriesKind.BTC_PRICE, 365, 29244.68, 27213.71),
                new Expect("miners-revenue.csv", SeriesKind.MINERS_REVENUE, 364, 28548026.97705134, 24808640.12866411),
                new Expect("transaction-fees.csv", SeriesKind.FEES_BTC_PER_DAY, 364, 47.64650049999998, 70.13588614000001)}) {
            ImportResult r = parse(ImportFormat.BTC_DAILY_CSV, BC + e.file(), NONE);
            assertThat(r.issues()).as(e.file()).isEmpty();
            assertThat(r.rowsRead()).as(e.file()).isEqualTo(e.rows());
            ImportedSeries s = only(r);
            assertThat(s.kind()).isEqualTo(e.kind());
            assertThat(s.key()).isEqualTo("BTC");
            assertThat(s.resolution()).isEqualTo(Duration.ofDays(1));
            assertThat(s.points()).hasSize(e.rows());
            // the first data row sits right after the BOM-prefixed header: 1682812800000 = 2023-04-30
            assertThat(s.points().get(0)).isEqualTo(new SeriesPoint(Instant.parse("2023-04-30T00:00:00Z"), e.first()));
            assertThat(valueOn(s, JUNE_1)).isEqualTo(e.june1());
        }
    }

    @Test
    void theKindOfARenamedExportComesFromTheOptions() {
        byte[] bytes = bytes(BC + "market-price.csv");
        ImportResult noKind = new MarketDataImporter().parse(ImportFormat.BTC_DAILY_CSV,
                new java.io.ByteArrayInputStream(bytes), "export (3).csv", NONE);
        assertThat(issues(noKind, ImportIssue.Severity.ERROR, "UNKNOWN_KIND")).hasSize(1);
        assertThat(noKind.series()).isEmpty();

        ImportResult withKind = new MarketDataImporter().parse(ImportFormat.BTC_DAILY_CSV,
                new java.io.ByteArrayInputStream(bytes), "export (3).csv", ImportOptions.of(SeriesKind.BTC_PRICE, null));
        assertThat(withKind.issues()).isEmpty();
        assertThat(only(withKind).kind()).isEqualTo(SeriesKind.BTC_PRICE);
    }

    @Test
    void lukmolPriceFile() {
        ImportResult r = parse(ImportFormat.BTC_DAILY_CSV, "btc/lukmol_btc_price_volume.csv", NONE);

        assertThat(r.issues()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(4062);
        ImportedSeries s = only(r);
        assertThat(s.kind()).isEqualTo(SeriesKind.BTC_PRICE);
        assertThat(s.points()).hasSize(4062);
        assertThat(s.points().get(0)).isEqualTo(new SeriesPoint(Instant.parse("2015-01-01T00:00:00Z"), 314.248992919922));
        assertThat(s.points().get(4061)).isEqualTo(new SeriesPoint(Instant.parse("2026-02-13T00:00:00Z"), 69069.9765625));
    }

    @Test
    void lukmolDifficultyAndHashrateHaveTheKnownThreeDayGap() {
        for (String file : new String[]{"btc/lukmol_difficulty.csv", "btc/lukmol_hashrate.csv"}) {
            ImportResult r = parse(ImportFormat.BTC_DAILY_CSV, file, NONE);
            assertThat(r.hasErrors()).as(file).isFalse();
            assertThat(r.rowsRead()).isEqualTo(6247);
            assertThat(only(r).points()).hasSize(6247);
            // PROVENANCE.md: gap 2025-11-13 … 15
            assertThat(r.issues()).as(file).singleElement().satisfies(i -> {
                assertThat(i.code()).isEqualTo("GAP");
                assertThat(i.severity()).isEqualTo(ImportIssue.Severity.WARNING);
                assertThat(i.message()).contains("3 missing").contains("2025-11-13T00:00:00Z");
            });
        }
        ImportedSeries difficulty = only(parse(ImportFormat.BTC_DAILY_CSV, "btc/lukmol_difficulty.csv", NONE));
        assertThat(difficulty.kind()).isEqualTo(SeriesKind.DIFFICULTY);
        assertThat(difficulty.points().get(6246))
                .isEqualTo(new SeriesPoint(Instant.parse("2026-02-12T00:00:00Z"), 125864590119494d));
        ImportedSeries hashrate = only(parse(ImportFormat.BTC_DAILY_CSV, "btc/lukmol_hashrate.csv", NONE));
        assertThat(hashrate.kind()).isEqualTo(SeriesKind.HASHRATE);
        assertThat(hashrate.points().get(0).value()).isEqualTo(4.97102696296296e-08);
    }

    @Test
    void priceInThousandsOfUsdIsAUnitSlip() {
        StringBuilder sb = new StringBuilder("date,price\n");
        for (int d = 1; d <= 20; d++) {
            sb.append(String.format("2024-03-%02d,%s%n", d, 62.5 + d * 0.1));
        }
        ImportResult r = parseText(ImportFormat.BTC_DAILY_CSV, sb.toString(), "kusd.csv", NONE);
        assertThat(issues(r, ImportIssue.Severity.ERROR, "UNIT_SLIP")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("multiply by 1000"));
    }

    @Test
    void a1000xJumpInsideADifficultySeriesIsAUnitSlip() {
        StringBuilder sb = new StringBuilder("\"x\",\"y\"\n");
        long day0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        for (int d = 0; d < 30; d++) {
            double difficulty = d < 20 ? 72.0e12 : 72.0e9; // last 10 days given in "G" units
            sb.append('"').append(day0 + d * 86_400_000L).append("\",\"").append(difficulty).append("\"\n");
        }
        ImportResult r = parseText(ImportFormat.BTC_DAILY_CSV, sb.toString(), "difficulty.csv", NONE);
        assertThat(issues(r, ImportIssue.Severity.ERROR, "UNIT_SLIP")).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(22); // header line 1, day index 20 on line 22
            assertThat(i.message()).contains("2024-01-21T00:00:00Z").contains("1000x down");
        });
    }

    @Test
    void badEpochNonNumericAndMissingColumnAreErrors() {
        ImportResult r = parseText(ImportFormat.BTC_DAILY_CSV,
                "\uFEFF\"x\",\"y\"\n\"1682812800000\",\"10\"\n\"yesterday\",\"11\"\n\"1682985600000\",\"twelve\"\n",
                "transaction-fees.csv", NONE);
        assertThat(issues(r, ImportIssue.Severity.ERROR, "BAD_TIMESTAMP")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(3));
        assertThat(issues(r, ImportIssue.Severity.ERROR, "NON_NUMERIC")).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(4));

        ImportResult noValue = parseText(ImportFormat.BTC_DAILY_CSV, "date,volume\n2024-01-01,5\n", "v.csv", NONE);
        assertThat(issues(noValue, ImportIssue.Severity.ERROR, "MISSING_COLUMN")).hasSize(1);
    }
}
