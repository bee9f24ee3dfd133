package com.gridpivot.web;

import com.gridpivot.marketdata.ImportFormat;
import com.gridpivot.marketdata.ImportOptions;
import com.gridpivot.marketdata.ImportResult;
import com.gridpivot.marketdata.ImportedSeries;
import com.gridpivot.marketdata.MarketDataImporter;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.marketdata.SeriesPoint;
import com.gridpivot.persistence.ImportBatchInfo;
import com.gridpivot.persistence.SeriesService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The market data the browser tests need, stored through {@link SeriesService} so that they depend on no import
 * endpoint: real ERCOT real-time prices of January 2023 (HB_WEST, HB_NORTH; test resources) under test keys, a daily
 * hashprice for that month, the CRI H100 GPU rate index (test resources) and three monthly colocation rates.
 * Storing is an idempotent upsert, so every test may call {@link #store}.
 */
final class WebTestData {
    static final String WEST = "HB_WEST_TEST";
    static final String NORTH = "HB_NORTH_TEST";
    static final String HASHPRICE_KEY = "web-test";

    private WebTestData() {
    }

    static void store(SeriesService series) {
        List<ImportedSeries> all = new ArrayList<>();
        all.add(rekey(parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_WEST/2023-01.json", ImportOptions.defaults()), WEST));
        all.add(rekey(parse(ImportFormat.FLUXCORE_JSON, "ercot_fluxcore/HB_NORTH/2023-01.json", ImportOptions.defaults()), NORTH));
        all.addAll(parse(ImportFormat.GPU_RATES_CSV, "gpu/ccir_cri_h100/outputs/cri-h100-index.csv", ImportOptions.defaults()).series());
        // Daily hashprice over the prices' UTC days (2023-01-01 .. 2023-02-01), USD/PH/day, rising as it did that month.
        List<SeriesPoint> hp = new ArrayList<>();
        for (int d = 0; d <= 31; d++) {
            hp.add(new SeriesPoint(Instant.parse("2023-01-01T00:00:00Z").plus(Duration.ofDays(d)), 58.0 + 0.5 * d));
        }
        all.add(new ImportedSeries(SeriesKind.HASHPRICE, HASHPRICE_KEY, Duration.ofDays(1), hp, "browser test fixture"));
        List<SeriesPoint> colo = List.of(new SeriesPoint(Instant.parse("2026-01-01T00:00:00Z"), 130.0),
                new SeriesPoint(Instant.parse("2026-01-02T00:00:00Z"), 135.0), new SeriesPoint(Instant.parse("2026-01-03T00:00:00Z"), 140.0));
        all.add(new ImportedSeries(SeriesKind.COLOCATION_RATE, "web-test", Duration.ofDays(1), colo, "browser test fixture"));
        series.store(all, new ImportBatchInfo("DEMO", "browser test fixtures", null, 0, null, "WebTestData"));
    }

    private static ImportedSeries rekey(ImportResult r, String key) {
        ImportedSeries s = r.series().get(0);
        return new ImportedSeries(s.kind(), key, s.resolution(), s.points(), s.source());
    }

    private static ImportResult parse(ImportFormat format, String path, ImportOptions options) {
        try (InputStream in = WebTestData.class.getResourceAsStream("/marketdata/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource marketdata/" + path);
            }
            return new MarketDataImporter().parse(format, new ByteArrayInputStream(in.readAllBytes()), path, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
