package com.gridpivot.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Tables a page already shows, sent back to be written as an XLSX workbook (one sheet per table).
 *
 * @param fileName the download's name without extension (letters, digits, dot, dash, underscore); default {@code gridpivot-export}
 * @param tables   1 to 20 tables
 */
@Schema(description = "Result tables to write as an XLSX workbook, one sheet per table")
public record ReportExportRequest(
        @Schema(description = "Download name without extension", examples = "gridpivot-plans") String fileName,
        @Schema(description = "1 to 20 tables; at most 100,000 rows in all") List<Table> tables) {

    /**
     * @param name    the sheet name: 1 to 31 characters, none of {@code : \ / ? * [ ]}
     * @param columns header texts (units in the header, e.g. {@code NPV (USD)}); 1 to 50
     * @param rows    cells: numbers (kept numeric), strings, or null for an empty cell; as many cells as columns at most
     */
    public record Table(
            @Schema(description = "Sheet name, 1 to 31 characters", examples = "Plans") String name,
            @Schema(description = "Header texts, 1 to 50") List<String> columns,
            @Schema(description = "Rows of cells: number, string or null") List<List<JsonNode>> rows) {
    }
}
