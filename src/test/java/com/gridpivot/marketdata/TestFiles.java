package com.gridpivot.marketdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Test helpers: the copied real files under src/test/resources/marketdata and issue lookups. */
final class TestFiles {
    /** The read-only shared data folder; present on the team's machines, not in the repository. */
    static final Path SHARED_DATA = Path.of("/work/shared/data");

    private TestFiles() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/marketdata/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource marketdata/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportResult parse(ImportFormat format, String path, ImportOptions options) {
        return new MarketDataImporter().parse(format, new ByteArrayInputStream(bytes(path)), path, options);
    }

    static ImportResult parseText(ImportFormat format, String text, String sourceName, ImportOptions options) {
        return new MarketDataImporter().parse(format,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sourceName, options);
    }

    static ImportResult parseShared(ImportFormat format, Path file, ImportOptions options) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MarketDataImporter().parse(format, in, file.getFileName().toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ImportIssue> issues(ImportResult r, ImportIssue.Severity severity, String code) {
        return r.issues().stream().filter(i -> i.severity() == severity && i.code().equals(code)).toList();
    }

    static List<ImportIssue> errors(ImportResult r) {
        return filter(r, i -> i.severity() == ImportIssue.Severity.ERROR);
    }

    static List<ImportIssue> warnings(ImportResult r) {
        return filter(r, i -> i.severity() == ImportIssue.Severity.WARNING);
    }

    static List<ImportIssue> filter(ImportResult r, Predicate<ImportIssue> p) {
        return r.issues().stream().filter(p).toList();
    }

    static ImportedSeries only(ImportResult r) {
        if (r.series().size() != 1) {
            throw new AssertionError("expected one series, got " + r.series().size() + "; issues " + r.issues());
        }
        return r.series().get(0);
    }

    static ImportedSeries series(ImportResult r, String key) {
        return r.series().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + key + " in " + r.series().stream()
                        .map(ImportedSeries::key).toList()));
    }
}
