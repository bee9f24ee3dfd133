package com.gridpivot.lp;

import java.util.StringJoiner;

/**
 * LP names: {@code group[index,index,…]}, so that an exported model reads ({@code dispatch[S21,2027-06,b003]}). The one
 * sanitizer of the code base: a user-given name must not bring its own brackets, commas or blanks into an index.
 */
public final class LpNames {
    private LpNames() {
    }

    /** A name safe for LP and MPS files: every run of characters other than letters, digits, '_', '-', '.', '+' becomes '_'. */
    public static String clean(String name) {
        return name.replaceAll("[^A-Za-z0-9_.+-]+", "_");
    }

    /** {@code group[i1,i2,…]}; the indices are used as given (clean user names first), null indices are skipped. */
    public static String of(String group, String... indices) {
        StringJoiner j = new StringJoiner(",", group + "[", "]");
        for (String i : indices) {
            if (i != null) {
                j.add(i);
            }
        }
        return j.toString();
    }
}
