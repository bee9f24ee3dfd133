package com.gridpivot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridpivot.imports.BulkImportCommand;
import com.gridpivot.imports.ImportParams;
import com.gridpivot.imports.ImportReport;
import com.gridpivot.imports.ImportService;
import com.gridpivot.imports.SourceFile;
import com.gridpivot.marketdata.FluxcoreMarket;
import com.gridpivot.marketdata.ImportFormat;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.persistence.SeriesService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Import benchmark (issue 3, item 8), not a timed test: run it on purpose with
 * {@code ./mvnw -B test -Dtest=ImportBenchmark -Dgridpivot.bench=true [-Dquarkus.test.profile=test,pg]}; see
 * bench/IMPORT.md. Writes the rows of the database it ran on into bench/results/import.csv.
 *
 * <p>The 24 fluxcore month files of HB_WEST 2023–2024 (70,176 15-minute real-time prices, 17,544 hourly means), the
 * hub renamed to a key of its own, go through the same {@link ImportService} as the HTTP upload, the bulk command
 * and the demo loader.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "gridpivot.bench", matches = "true")
class ImportBenchmark {
    static final String KEY = "BENCH_HB_WEST";
    static final int RUNS = 5;
    static final int READ_RUNS = 20;
    static final Path RESULTS = Path.of("bench/results/import.csv");
    static final String HEADER = "case,database,ms_p50,ms_max,rows,points,runs";

    @Inject
    ImportService imports;

    @Inject
    SeriesService series;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    record Row(String name, double p50, double max, int rows, int points, int runs) {
    }

    @Test
    void importTwoYearsOfQuarterHoursAndReadAYearOfHours() throws IOException {
        List<SourceFile> files = months();
        ImportParams params = new ImportParams(ImportFormat.FLUXCORE_JSON, null, null, null, FluxcoreMarket.RTM);
        List<Row> rows = new ArrayList<>();
        deleteBenchSeries();
        importAll(files, params); // warm-up (JIT), not counted
        int[] last = new int[2];

        rows.add(time("import_24_files_one_batch_new", RUNS, () -> {
            deleteBenchSeries();
            return null;
        }, () -> {
            ImportReport r = importAll(files, params);
            last[0] = r.rowsRead();
            last[1] = r.pointsAdded();
        }, last));
        rows.add(time("import_24_files_one_batch_again_unchanged", RUNS, () -> null, () -> {
            ImportReport r = importAll(files, params);
            assertThat(r.pointsAdded()).isZero();
            last[0] = r.rowsRead();
            last[1] = r.pointsUnchanged();
        }, last));
        rows.add(time("import_24_files_24_batches_new", RUNS, () -> {
            deleteBenchSeries();
            return null;
        }, () -> {
            int read = 0;
            int added = 0;
            for (SourceFile f : files) {
                ImportReport r = imports.importFile(f.bytes(), params.withFileName(f.name()), BulkImportCommand.CALLER);
                read += r.rowsRead();
                added += r.pointsAdded();
            }
            last[0] = read;
            last[1] = added;
        }, last));
        assertThat(last[0]).isEqualTo(70_176);
        assertThat(last[1]).isEqualTo(17_544);

        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        Instant to = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            series.hourlyValues(SeriesKind.ENERGY_PRICE, KEY, from, to);
        }
        rows.add(time("hourly_values_one_year", READ_RUNS, () -> null, () -> {
            last[1] = series.hourlyValues(SeriesKind.ENERGY_PRICE, KEY, from, to).length;
            last[0] = last[1];
        }, last));
        assertThat(last[1]).isEqualTo(8_784);
        deleteBenchSeries();
        write(rows);
    }

    private ImportReport importAll(List<SourceFile> files, ImportParams params) {
        return imports.importFiles(files, params, "bench HB_WEST 2023-01..2024-12", "bench");
    }

    private void deleteBenchSeries() {
        series.find(SeriesKind.ENERGY_PRICE, KEY).ifPresent(s -> series.delete(s.id()));
    }

    private static Row time(String name, int runs, Supplier<Void> before, Runnable step, int[] last) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            before.get();
            long t0 = System.nanoTime();
            step.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new Row(name, ms[runs / 2], ms[runs - 1], last[0], last[1], runs);
    }

    private void write(List<Row> rows) throws IOException {
        String db = dbKind.toLowerCase(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        if (Files.exists(RESULTS)) {
            for (String l : Files.readAllLines(RESULTS)) {
                if (!l.equals(HEADER) && !l.isBlank() && !l.split(",")[1].equals(db)) {
                    lines.add(l);
                }
            }
        }
        for (Row r : rows) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%.1f,%.1f,%d,%d,%d", r.name(), db, r.p50(), r.max(), r.rows(),
                    r.points(), r.runs()));
        }
        lines.sort(null);
        lines.add(0, HEADER);
        Files.createDirectories(RESULTS.getParent());
        Files.write(RESULTS, lines);
    }

    static List<SourceFile> months() {
        List<SourceFile> files = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2023, 1); !m.isAfter(YearMonth.of(2024, 12)); m = m.plusMonths(1)) {
            String path = "demo/ercot_fluxcore/HB_WEST/" + m + ".json";
            try (InputStream in = ImportBenchmark.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + path);
                }
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"hub\":\"HB_WEST\"", "\"hub\":\"" + KEY + "\"");
                files.add(new SourceFile(KEY + "/" + m + ".json", json.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
