package com.gridpivot.errors;

/**
 * One offending field of a request.
 *
 * @param field   the field's JSON path, e.g. {@code asicFleets[0].units}
 * @param pointer the same location as an RFC 6901 JSON pointer, e.g. {@code /asicFleets/0/units}
 * @param reason  why it was rejected, in words a planner understands
 */
public record FieldError(String field, String pointer, String reason) {

    public static FieldError of(String field, String reason) {
        return new FieldError(field, toPointer(field), reason);
    }

    /** {@code a.b[3].c} becomes {@code /a/b/3/c}; the empty path is the whole document. */
    static String toPointer(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : path.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                out.append('/').append(part.replace("~", "~0").replace("/", "~1"));
            }
        }
        return out.toString();
    }
}
