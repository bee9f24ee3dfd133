package com.gridpivot.reports;

import com.gridpivot.reports.ReportTable.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An XLSX workbook with one sheet per report table: a bold header row (units in the header), numbers as numeric
 * cells with thousands separators, the header row frozen. Column widths are set from the text length, not measured
 * with fonts, so nothing depends on the fonts of a headless server. Rows are streamed (SXSSF, a window of
 * {@value #ROWS_IN_MEMORY} rows in memory, the rest in a temporary file deleted on close), so a sheet of 100,000 rows
 * does not need the memory of 100,000 rows of XSSF cells.
 */
public final class XlsxReport {
    private static final int MAX_WIDTH_CHARS = 80;
    static final int ROWS_IN_MEMORY = 200;

    private XlsxReport() {
    }

    public static byte[] write(List<ReportTable> tables) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), ROWS_IN_MEMORY); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.setCompressTempFiles(true);
            DataFormat df = wb.createDataFormat();
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            Map<ReportTable.Format, CellStyle> styles = new EnumMap<>(ReportTable.Format.class);
            styles.put(ReportTable.Format.TEXT, wb.createCellStyle());
            styles.put(ReportTable.Format.INTEGER, style(wb, df, "#,##0"));
            styles.put(ReportTable.Format.DECIMAL, style(wb, df, "#,##0.00"));
            styles.put(ReportTable.Format.MONEY, style(wb, df, "#,##0"));
            styles.put(ReportTable.Format.PERCENT, style(wb, df, "0.0%"));
            styles.put(ReportTable.Format.GENERAL, style(wb, df, "General"));
            styles.get(ReportTable.Format.TEXT).setWrapText(true);

            for (ReportTable t : tables) {
                Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(t.title()));
                int[] width = new int[t.columns().size()];
                Row head = sheet.createRow(0);
                for (int c = 0; c < t.columns().size(); c++) {
                    String text = t.columns().get(c).header();
                    var cell = head.createCell(c);
                    cell.setCellValue(text);
                    cell.setCellStyle(header);
                    width[c] = text.length();
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> cells = t.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        if (v == null) {
                            continue;
                        }
                        Column col = t.columns().get(c);
                        var cell = row.createCell(c);
                        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                            cell.setCellValue(n.doubleValue());
                            cell.setCellStyle(styles.get(col.format() == ReportTable.Format.TEXT ? ReportTable.Format.DECIMAL : col.format()));
                            width[c] = Math.max(width[c], 14);
                        } else {
                            cell.setCellValue(v.toString());
                            cell.setCellStyle(styles.get(ReportTable.Format.TEXT));
                            width[c] = Math.max(width[c], v.toString().length());
                        }
                    }
                }
                for (int c = 0; c < width.length; c++) {
                    sheet.setColumnWidth(c, 256 * (Math.min(width[c], MAX_WIDTH_CHARS) + 2));
                }
                sheet.createFreezePane(0, 1);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the XLSX workbook", e);
        }
    }

    private static CellStyle style(Workbook wb, DataFormat df, String format) {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(df.getFormat(format));
        return s;
    }
}
