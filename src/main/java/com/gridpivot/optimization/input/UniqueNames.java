package com.gridpivot.optimization.input;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one rule for the names of fleets and AI options, in a what-if and in a plan alike: a name is trimmed; two names that
 * differ only in case or surrounding blanks are the same name (they would be one column of the answers and one LP index);
 * "mining" is reserved for the ASIC total in {@code revenuePerItMwhUsd}, so no AI option may take it. Blank or missing
 * names are left to the "is required" checks.
 */
public final class UniqueNames {
    public static final String RESERVED = "mining";

    private final Map<String, String> seen = new HashMap<>();
    private final FieldChecks checks;

    public UniqueNames(FieldChecks checks) {
        this.checks = checks;
    }

    /** The name as it is used: trimmed (null stays null). */
    public static String clean(String name) {
        return name == null ? null : name.trim();
    }

    /** A fleet's name at {@code path} (e.g. {@code asicFleets[0].name}). */
    public void fleet(String name, String path) {
        check(name, path);
    }

    /** An AI option's name at {@code path}: unique, and not "mining" in any case. */
    public void aiOption(String name, String path) {
        if (name != null && name.trim().equalsIgnoreCase(RESERVED)) {
            checks.error(path, "'" + RESERVED + "' is reserved for the ASIC total in revenuePerItMwhUsd; choose another name");
        }
        check(name, path);
    }

    private void check(String name, String path) {
        if (name == null || name.isBlank()) {
            return;
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        String first = seen.putIfAbsent(key, path);
        if (first != null) {
            checks.error(path, "duplicate name '" + name.trim() + "' (also used by " + first + "); fleet and option names must be unique");
        }
    }
}
