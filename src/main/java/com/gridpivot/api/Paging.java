package com.gridpivot.api;

import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** Checks the {@code page} and {@code size} query parameters of list endpoints. */
public final class Paging {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    /** A page asked for by the {@code page} and {@code size} query parameters. */
    public record Request(int page, int size) {
    }

    /**
     * Parses and checks the {@code page} and {@code size} query parameters (absent: page 0 of 50). Read as text so a
     * malformed number is a 400 naming the parameter rather than the REST layer's bare 404.
     */
    public static Request parse(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = whole(errors, "page", page, 0);
        int s = whole(errors, "size", size, DEFAULT_SIZE);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        check(p, s);
        return new Request(p, s);
    }

    private static int whole(List<FieldError> errors, String field, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            errors.add(FieldError.of(field, "must be a whole number; got '" + shown + "'"));
            return absent;
        }
    }

    public static void check(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(FieldError.of("page", "must be 0 or more (pages are numbered from 0)"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(FieldError.of("size", "must be between 1 and " + MAX_SIZE));
        }
        if (errors.isEmpty() && (long) page * size > Integer.MAX_VALUE) {
            // The first item's index (page × size) is an int offset in the stores' queries.
            errors.add(FieldError.of("page", "page × size must be at most " + Integer.MAX_VALUE + "; got " + page + " × " + size));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    public static <T> PageResponse<T> response(com.gridpivot.persistence.Page<T> p) {
        return PageResponse.of(p.page(), p.size(), p.totalItems(), p.items());
    }
}
