package com.gridpivot.persistence;

import com.gridpivot.marketdata.SeriesKind;
import java.time.Instant;

/**
 * A stored series lacks values the caller needs: the hours from {@code firstMissing}, {@code missingHours} in all
 * within the asked range. Thrown by {@link SeriesService#hourlyValues}; callers that take series by reference
 * turn it into a 400 naming their field.
 */
public class SeriesGapException extends RuntimeException {
    private final SeriesKind kind;
    private final String key;
    private final Instant firstMissing;
    private final int missingHours;

    public SeriesGapException(SeriesKind kind, String key, Instant from, Instant to, Instant firstMissing, int missingHours) {
        super("series " + kind + "/" + key + " has no value for " + missingHours + " of the hours from " + from + " to " + to
                + ", the first at " + firstMissing);
        this.kind = kind;
        this.key = key;
        this.firstMissing = firstMissing;
        this.missingHours = missingHours;
    }

    public SeriesKind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public Instant firstMissing() {
        return firstMissing;
    }

    public int missingHours() {
        return missingHours;
    }
}
