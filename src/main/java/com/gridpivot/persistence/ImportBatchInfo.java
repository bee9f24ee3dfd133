package com.gridpivot.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.marketdata.ImportResult;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Provenance of one import, stored as a row of {@code import_batch}.
 *
 * @param format     the ImportFormat name, or e.g. {@code DERIVED} for a computed series, {@code DEMO} for demo data
 * @param sourceName the file name or source, e.g. {@code ercot_fluxcore/HB_WEST_2024-01.json}
 * @param sha256     SHA-256 of the bytes imported (lower-case hex), or null when there were no bytes
 * @param rowsRead   data rows read from the file
 * @param reportJson the validation report as JSON (e.g. the list of ImportIssues), or null
 * @param caller     who asked for the import (user, "bulk-import", "demo-loader")
 */
public record ImportBatchInfo(String format, String sourceName, String sha256, int rowsRead, String reportJson, String caller) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The provenance of a parsed file: its format, rows and issues, and the hash of its bytes. */
    public static ImportBatchInfo of(ImportResult result, String sourceName, byte[] bytes, String caller) {
        String report;
        try {
            report = JSON.writeValueAsString(result.issues());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the import report as JSON", e);
        }
        return new ImportBatchInfo(result.format().name(), sourceName, bytes == null ? null : sha256(bytes),
                result.rowsRead(), report, caller);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
