package com.gridpivot.errors;

/**
 * The thing a caller named (a run, a site, a series, a key) does not exist. The domain throws it without knowing
 * of HTTP; the api layer answers 404 problem+json with this message as the detail.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
