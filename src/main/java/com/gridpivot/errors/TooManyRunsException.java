package com.gridpivot.errors;

/** A key has as many runs queued or running as it may; answered 429 problem+json with Retry-After. */
public class TooManyRunsException extends RuntimeException {
    public TooManyRunsException(String message) {
        super(message);
    }
}
