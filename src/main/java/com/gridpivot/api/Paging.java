package com.gridpivot.api;

import java.util.ArrayList;
import java.util.List;

/** Checks the {@code page} and {@code size} query parameters of list endpoints. */
public final class Paging {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    public static void check(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(FieldError.of("page", "must be 0 or more (pages are numbered from 0)"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(FieldError.of("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    public static <T> PageResponse<T> response(com.gridpivot.persistence.Page<T> p) {
        return PageResponse.of(p.page(), p.size(), p.totalItems(), p.items());
    }
}
