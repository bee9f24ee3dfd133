package com.gridpivot.errors;

/** The service is at capacity; answered 503 problem+json with Retry-After. */
public class OverloadedException extends RuntimeException {
    private final long retryAfterSeconds;

    public OverloadedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
