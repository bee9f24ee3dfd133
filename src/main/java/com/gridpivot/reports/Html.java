package com.gridpivot.reports;

import java.util.Map;

/** Text for the board pack's XHTML: escaped, and limited to the characters the PDF's standard fonts can draw. */
final class Html {
    /** Characters the input texts use that the standard PDF fonts lack, written the way a reader expects. */
    private static final Map<Character, String> PLAIN = Map.ofEntries(Map.entry('\u2212', "-"), Map.entry('\u2013', "-"),
            Map.entry('\u2014', "-"), Map.entry('\u2192', "->"), Map.entry('\u2190', "<-"), Map.entry('\u2265', ">="),
            Map.entry('\u2264', "<="), Map.entry('\u2260', "!="), Map.entry('\u2248', "~"), Map.entry('\u2026', "..."),
            Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201C', "\""), Map.entry('\u201D', "\""),
            Map.entry('\u00D7', "x"), Map.entry('\u03A3', "sum "), Map.entry('\u03B4', "delta"), Map.entry('\u2009', " "),
            Map.entry('\u202F', " "), Map.entry('\u00A0', " "));

    private Html() {
    }

    /** XML-escaped text; characters outside Latin-1 that have no plain form become '?'. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    String plain = PLAIN.get(c);
                    if (plain != null) {
                        b.append(escape(plain));
                    } else if (c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7F) || (c >= 0xA1 && c <= 0xFF)) {
                        b.append(c);
                    } else if (c >= 0x20) {
                        b.append('?');
                    }
                }
            }
        }
        return b.toString();
    }
}
