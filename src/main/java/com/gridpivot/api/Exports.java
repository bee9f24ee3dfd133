package com.gridpivot.api;

import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.reports.CsvReport;
import com.gridpivot.reports.ReportTable;
import com.gridpivot.reports.XlsxReport;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** HTTP answers carrying report files (the reports package writes them), shared by the export resources. */
public final class Exports {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    private Exports() {
    }

    public static Response xlsx(List<ReportTable> tables, String baseName) {
        return Response.ok(XlsxReport.write(tables), XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + baseName + ".xlsx\"").build();
    }

    /** All tables one after the other, or the one named by {@code table} (400 problem when there is none such). */
    public static Response csv(List<ReportTable> tables, String table, String baseName) {
        if (table == null || table.isBlank()) {
            return csvResponse(CsvReport.write(tables), baseName);
        }
        ReportTable t = tables.stream().filter(x -> x.id().equals(table)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("table", "unknown table '" + table
                        + "'; one of " + String.join(", ", tables.stream().map(ReportTable::id).toList())));
        return csvResponse(CsvReport.write(t), baseName + "-" + t.id());
    }

    private static Response csvResponse(String body, String name) {
        return Response.ok(body, CSV + ";charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
}
