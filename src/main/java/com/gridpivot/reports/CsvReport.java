package com.gridpivot.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 CSV of report tables: one table is a plain CSV (header row, then rows); several tables are written one
 * after the other, each preceded by a line with its title and followed by an empty line.
 */
public final class CsvReport {
    private CsvReport() {
    }

    public static String write(ReportTable table) {
        StringBuilder out = new StringBuilder();
        append(out, table);
        return out.toString();
    }

    public static String write(List<ReportTable> tables) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            if (i > 0) {
                out.append("\r\n");
            }
            out.append(quote(tables.get(i).title())).append("\r\n");
            append(out, tables.get(i));
        }
        return out.toString();
    }

    private static void append(StringBuilder out, ReportTable t) {
        for (int c = 0; c < t.columns().size(); c++) {
            out.append(c == 0 ? "" : ",").append(quote(t.columns().get(c).header()));
        }
        out.append("\r\n");
        for (List<Object> row : t.rows()) {
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "" : ",").append(cell(row.get(c)));
            }
            out.append("\r\n");
        }
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "";
            }
            String s = BigDecimal.valueOf(d).toPlainString();
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return quote(v.toString());
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
