package com.gridpivot.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small CSV reader for the market files: header on the first non-blank line, a UTF-8 byte-order mark is
 * skipped, LF or CRLF line ends, double-quoted fields with {@code ""} escapes (one record per physical line:
 * quoted line breaks are not supported, none of the supported formats use them), lines starting with
 * {@code #} and blank lines are skipped. Line numbers are 1-based physical lines of the file.
 */
public final class CsvTable {

    /** One data record. */
    record Row(int line, List<String> cells) {
        String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index).trim() : "";
        }
    }

    final List<String> header;
    final int headerLine;
    final List<Row> rows;

    private CsvTable(List<String> header, int headerLine, List<Row> rows) {
        this.header = header;
        this.headerLine = headerLine;
        this.rows = rows;
    }

    /** Reads the whole stream; returns a table with an empty header when the stream holds no header line. */
    static CsvTable read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> header = List.of();
        int headerLine = 0;
        List<Row> rows = new ArrayList<>();
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            List<String> cells = split(text);
            if (header.isEmpty()) {
                header = cells.stream().map(String::trim).toList();
                headerLine = line;
            } else {
                rows.add(new Row(line, cells));
            }
        }
        return new CsvTable(header, headerLine, rows);
    }

    /** Splits one line into cells, honouring double quotes. */
    public static List<String> split(String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    boolean isEmpty() {
        return header.isEmpty();
    }

    /** Index of the first header column whose name equals one of {@code names} (case-insensitive), or −1. */
    int column(String... names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
        }
        return -1;
    }

    boolean has(String... names) {
        return column(names) >= 0;
    }
}
