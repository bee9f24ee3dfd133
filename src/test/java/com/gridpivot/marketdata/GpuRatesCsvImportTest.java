package com.gridpivot.marketdata;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.gridpivot.marketdata.TestFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** GPU_RATES_CSV on the real ccir-index/cri-h100 files (listings, indices, rate cards). */
class GpuRatesCsvImportTest {

    private static final ImportOptions NONE = ImportOptions.defaults();
    private static final String DIR = "gpu/ccir_cri_h100/";

    @Test
    void listingSnapshotBecomesTheDailyMedianPerModel() {
        ImportResult r = parse(ImportFormat.GPU_RATES_CSV, DIR + "h100-sxm-us/2026-02-26.csv", NONE);

        assertThat(r.issues()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(8);
        ImportedSeries s = only(r);
        assertThat(s.kind()).isEqualTo(SeriesKind.GPU_LEASE_RATE);
        assertThat(s.key()).isEqualTo("H100 SXM");
        assertThat(s.resolution()).isEqualTo(Duration.ofDays(1));
        // 8 listings; median = mean of the 4th and 5th dph_per_gpu (1.600556, 1.601111); meta.json says 1.6008
        assertThat(s.points()).containsExactly(new SeriesPoint(Instant.parse("2026-02-26T00:00:00Z"),
                (1.600556 + 1.601111) / 2));
    }

    @Test
    void nineDailyH100SnapshotsMergeIntoAContinuousSeries() {
        String[] days = {"2026-02-26", "2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02", "2026-03-03",
                "2026-03-04", "2026-03-05", "2026-03-06"};
        // medians computed with python3 statistics.median over dph_per_gpu of each file
        double[] medians = {1.6008335, 1.7347225, 1.934102, 1.6020835, 1.5827775, 1.60125, 2.066944, 2.0007685, 1.815324};
        int[] listings = {8, 16, 8, 12, 4, 6, 7, 8, 8};
        List<ImportedSeries> parts = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            ImportResult r = parse(ImportFormat.GPU_RATES_CSV, DIR + "h100-sxm-us/" + days[i] + ".csv", NONE);
            assertThat(r.issues()).as(days[i]).isEmpty();
            assertThat(r.rowsRead()).as(days[i]).isEqualTo(listings[i]);
            parts.add(only(r));
        }
        SeriesMerger.Merged merged = SeriesMerger.merge(parts);
        assertThat(merged.issues()).isEmpty();
        assertThat(merged.series().points()).hasSize(9);
        for (int i = 0; i < days.length; i++) {
            assertThat(merged.series().points().get(i).intervalStart()).isEqualTo(Instant.parse(days[i] + "T00:00:00Z"));
            assertThat(merged.series().points().get(i).value()).isCloseTo(medians[i], within(1e-9));
        }
    }

    @Test
    void h200ListingWithCrlfLineEnds() {
        ImportResult r = parse(ImportFormat.GPU_RATES_CSV, DIR + "h200-us/2026-03-01.csv", NONE);
        assertThat(r.issues()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(11);
        assertThat(only(r).key()).isEqualTo("H200");
        assertThat(only(r).points().get(0).value()).isCloseTo(2.323656, within(1e-12));
    }

    @Test
    void indexFiles() {
        ImportResult h100 = parse(ImportFormat.GPU_RATES_CSV, DIR + "outputs/cri-h100-index.csv", NONE);
        assertThat(h100.issues()).isEmpty();
        assertThat(h100.rowsRead()).isEqualTo(2);
        assertThat(only(h100).key()).isEqualTo("CRI-H100");
        assertThat(only(h100).points()).containsExactly(
                new SeriesPoint(Instant.parse("2026-03-05T00:00:00Z"), 1.6021),
                new SeriesPoint(Instant.parse("2026-03-06T00:00:00Z"), 1.735));

        ImportResult h200 = parse(ImportFormat.GPU_RATES_CSV, DIR + "outputs/cri-h200-index.csv", NONE);
        assertThat(h200.issues()).isEmpty();
        assertThat(only(h200).key()).isEqualTo("CRI-H200");
        assertThat(only(h200).points()).containsExactly(new SeriesPoint(Instant.parse("2026-03-06T00:00:00Z"), 2.3237));
    }

    @Test
    void rateCardsArePointsPerModelAndSource() {
        ImportResult r = parse(ImportFormat.GPU_RATES_CSV, DIR + "reference-rates_2026-03-03.csv", NONE);

        assertThat(r.hasErrors()).isFalse();
        assertThat(r.rowsRead()).isEqualTo(18);
        assertThat(r.series()).hasSize(18);
        assertThat(series(r, "H100 SXM/aws").points())
                .containsExactly(new SeriesPoint(Instant.parse("2026-03-03T00:00:00Z"), 6.88)); // collection date
        assertThat(series(r, "H100 SXM/azure").points())
                .containsExactly(new SeriesPoint(Instant.parse("2024-03-01T00:00:00Z"), 6.98));
        assertThat(series(r, "H100 SXM/azure/spot").points().get(0).value()).isEqualTo(2.491162);
        assertThat(series(r, "H100 SXM/gcp").points().get(0).value()).isEqualTo(9.796551);
        assertThat(series(r, "H100 SXM/runpod/secure").points().get(0).value()).isEqualTo(2.69);
        assertThat(series(r, "V100 SXM/runpod/community").points().get(0).value()).isEqualTo(0.33);
        // aws (3 rows) and runpod (8 rows) have no effective_date
        assertThat(issues(r, ImportIssue.Severity.INFO, "EFFECTIVE_DATE_MISSING")).hasSize(11);
        assertThat(warnings(r)).isEmpty();
    }

    @Test
    void ratesPerThousandGpuHoursAreAUnitSlipAndMissingColumnsAnError() {
        String cards = "gpu_model,price_per_gpu_hr,effective_date,source\n"
                + "H100 SXM,2690,2026-03-01,runpod\nH100 SXM,6.88,2026-03-01,aws\n";
        ImportResult r = parseText(ImportFormat.GPU_RATES_CSV, cards, "cards.csv", NONE);
        assertThat(issues(r, ImportIssue.Severity.ERROR, "UNIT_SLIP")).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(2);
            assertThat(i.message()).contains("divide by 1000");
        });

        ImportResult missing = parseText(ImportFormat.GPU_RATES_CSV, "gpu_model,price_per_gpu_hr\nH100,2\n", "c.csv", NONE);
        assertThat(issues(missing, ImportIssue.Severity.ERROR, "MISSING_COLUMN")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("effective_date").contains("source"));
    }
}
