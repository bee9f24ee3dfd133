package com.gridpivot.marketdata;

import java.util.Locale;
import java.util.OptionalDouble;

/** Parses numeric cells, reporting NON_NUMERIC, NOT_FINITE and MISSING_VALUE errors with line and column. */
final class Cells {
    private Cells() {
    }

    /** The finite number in {@code text}, or empty after reporting an ERROR. */
    static OptionalDouble number(String text, int line, String column, IssueCollector issues) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            issues.error(line, "MISSING_VALUE", "line " + line + ", column '" + column + "': empty value");
            return OptionalDouble.empty();
        }
        String lower = t.toLowerCase(Locale.ROOT).replace("+", "");
        if (lower.equals("nan") || lower.equals("inf") || lower.equals("-inf") || lower.equals("infinity")
                || lower.equals("-infinity")) {
            issues.error(line, "NOT_FINITE", "line " + line + ", column '" + column + "': '" + t
                    + "' is not a finite number");
            return OptionalDouble.empty();
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            issues.error(line, "NON_NUMERIC", "line " + line + ", column '" + column + "': '" + t
                    + "' is not a number");
            return OptionalDouble.empty();
        }
        if (!Double.isFinite(v)) {
            issues.error(line, "NOT_FINITE", "line " + line + ", column '" + column + "': '" + t
                    + "' is not a finite number");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v);
    }
}
