package com.gridpivot.errors;

import java.util.List;

/** Thrown by validation when a request has one or more invalid fields; mapped to HTTP 400 problem+json. */
public class InvalidRequestException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String reason) {
        this(List.of(FieldError.of(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError e = errors.get(0);
            return (e.field().isEmpty() ? "request" : e.field()) + ": " + e.reason();
        }
        return errors.size() + " fields are invalid";
    }
}
