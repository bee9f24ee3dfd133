package com.gridpivot.imports;

import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.marketdata.ImportFormat;
import com.gridpivot.marketdata.ImportIssue;
import com.gridpivot.marketdata.ImportResult;
import com.gridpivot.marketdata.ImportedSeries;
import com.gridpivot.marketdata.MarketDataImporter;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.marketdata.SeriesMerger;
import com.gridpivot.persistence.ImportBatchInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports market-data files: detects the format, parses and validates them with {@link MarketDataImporter}, and stores
 * the series all or nothing through {@link ImportBatches}. A file with any ERROR issue stores nothing and raises
 * {@link ImportRejectedException}; importing the same data twice adds nothing (the batch is recorded, with
 * {@code duplicateOf} when the bytes were imported before).
 *
 * <p>Parsing happens outside any transaction; only the store is one.
 */
@ApplicationScoped
public class ImportService {
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** Bytes of the head given to format detection. */
    static final int HEAD_BYTES = 4096;

    private final MarketDataImporter importer = new MarketDataImporter();

    @Inject
    ImportBatches batches;

    /**
     * Imports one file as one batch.
     *
     * @throws InvalidRequestException when the format is not given and cannot be detected ({@code format}), or a
     *                                 GENERIC_CSV has no kind ({@code kind})
     * @throws ImportRejectedException when the file has ERROR issues (nothing stored)
     * @throws ConflictException when a series is stored at another resolution
     */
    public ImportReport importFile(byte[] bytes, ImportParams params, String caller) {
        return importFiles(List.of(new SourceFile(params.fileName(), bytes)), params, params.fileName(), caller);
    }

    /**
     * Imports several files as one batch in one transaction: the parts of one series (e.g. the 24 month files of a
     * fluxcore hub, or daily GPU listing snapshots) are merged, and the seams checked for duplicates and gaps. Issues
     * of a file name the file in their message when there is more than one file.
     *
     * @param files      the files; each file's name is used to detect its format when {@code params.format()} is null
     * @param params     hints shared by all files (the file name in it is ignored)
     * @param sourceName the provenance recorded for the batch, e.g. a directory name
     * @throws InvalidRequestException when a format cannot be detected, or a GENERIC_CSV has no kind
     * @throws ImportRejectedException when any file (or a seam) has ERROR issues (nothing stored)
     */
    public ImportReport importFiles(List<SourceFile> files, ImportParams params, String sourceName, String caller) {
        if (files.isEmpty()) {
            throw new InvalidRequestException("files", "no file to import");
        }
        MessageDigest sha = sha256();
        List<ImportIssue> issues = new ArrayList<>();
        Map<String, List<ImportedSeries>> parts = new LinkedHashMap<>();
        String format = null;
        int rows = 0;
        boolean many = files.size() > 1;
        for (SourceFile f : files) {
            ImportFormat fmt = resolveFormat(params.withFileName(f.name()), f.bytes());
            format = format == null || format.equals(fmt.name()) ? fmt.name() : "MIXED";
            sha.update(f.bytes());
            ImportResult r = importer.parse(fmt, new ByteArrayInputStream(f.bytes()), f.name(), params.options());
            rows += r.rowsRead();
            for (ImportIssue i : r.issues()) {
                issues.add(many ? new ImportIssue(i.severity(), i.line(), i.code(), f.name() + ": " + i.message()) : i);
            }
            for (ImportedSeries s : r.series()) {
                parts.computeIfAbsent(s.kind() + "/" + s.key(), k -> new ArrayList<>()).add(s);
            }
        }
        List<ImportedSeries> series = new ArrayList<>();
        for (List<ImportedSeries> p : parts.values()) {
            if (p.size() == 1) {
                series.add(p.get(0));
                continue;
            }
            try {
                SeriesMerger.Merged m = SeriesMerger.merge(p);
                issues.addAll(m.issues());
                series.add(m.series());
            } catch (IllegalArgumentException e) {
                issues.add(new ImportIssue(ImportIssue.Severity.ERROR, null, "MERGE", e.getMessage()));
            }
        }
        String digest = HexFormat.of().formatHex(sha.digest());
        ImportBatchInfo info = new ImportBatchInfo(format, sourceName, digest, rows, null, caller);
        if (issues.stream().anyMatch(i -> i.severity() == ImportIssue.Severity.ERROR)) {
            metrics.counter("gridpivot.imports", "outcome", "rejected").increment();
            throw new ImportRejectedException(ImportBatches.report(null, info, series, null, issues, null, null));
        }
        ImportReport report = batches.store(series, issues, info);
        metrics.counter("gridpivot.imports", "outcome", report.duplicateOf() != null ? "unchanged" : "stored").increment();
        return report;
    }

    /**
     * The format to read a file with: the one given, or the one {@link MarketDataImporter#detect detected}.
     *
     * @throws InvalidRequestException naming {@code format} when it cannot be detected, or {@code kind} when a
     *                                 GENERIC_CSV has no kind
     */
    public ImportFormat resolveFormat(ImportParams params, byte[] bytes) {
        ImportFormat format = params.format();
        if (format == null) {
            byte[] head = bytes == null ? new byte[0] : Arrays.copyOf(bytes, Math.min(bytes.length, HEAD_BYTES));
            format = importer.detect(params.fileName(), head);
            if (format == null) {
                throw new InvalidRequestException("format", "cannot be detected from the file name '"
                        + (params.fileName() == null ? "" : params.fileName()) + "' and the header line; give one of "
                        + Arrays.toString(ImportFormat.values()));
            }
        }
        if (format == ImportFormat.GENERIC_CSV && params.kind() == null) {
            throw new InvalidRequestException(List.of(FieldError.of("kind",
                    "is required for GENERIC_CSV files: one of " + Arrays.toString(SeriesKind.values()))));
        }
        return format;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
