package com.gridpivot.errors;

import java.util.List;

/**
 * Thrown when a request clashes with stored state: a duplicate name, a stale version. Mapped to HTTP 409
 * problem+json by the api layer's StorageProblemMappers.
 */
public class ConflictException extends RuntimeException {
    private final List<FieldError> errors;

    public ConflictException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public ConflictException(String field, String reason) {
        this((field.isEmpty() ? "request" : field) + ": " + reason, List.of(FieldError.of(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
