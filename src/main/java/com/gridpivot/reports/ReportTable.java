package com.gridpivot.reports;

import java.util.List;

/**
 * One result table as exported (one CSV file or one XLSX sheet). Cells are {@link String}, {@link Number} or null
 * (an empty cell); the unit of a column is in its header, never in its cells, so the numbers stay numbers.
 *
 * @param id      short machine name, also the CSV file suffix and the {@code table} query value (e.g. {@code dispatch})
 * @param title   the sheet name and the heading shown to people
 * @param columns the header
 * @param rows    the cells, one list per row, as many cells as columns
 */
public record ReportTable(String id, String title, List<Column> columns, List<List<Object>> rows) {
    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * @param name   header text
     * @param unit   e.g. {@code USD}, {@code MW}, {@code USD/MWh}; null for text and pure numbers
     * @param format how a spreadsheet shows it: {@link Format#TEXT}, {@link Format#INTEGER}, {@link Format#DECIMAL},
     *               {@link Format#MONEY}, {@link Format#PERCENT},
     *               {@link Format#GENERAL} (numbers shown as given, for tables whose columns are not known in advance)
     */
    public record Column(String name, String unit, Format format) {
        public String header() {
            return unit == null ? name : name + " (" + unit + ")";
        }
    }

    public enum Format { TEXT, INTEGER, DECIMAL, MONEY, PERCENT, GENERAL }
}
