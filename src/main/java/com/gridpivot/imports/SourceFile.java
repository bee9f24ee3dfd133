package com.gridpivot.imports;

/**
 * One file to import: its name (provenance and format detection) and its bytes.
 *
 * @param name  the file name or relative path, e.g. {@code HB_WEST/2024-01.json}
 * @param bytes the file's content
 */
public record SourceFile(String name, byte[] bytes) {
}
