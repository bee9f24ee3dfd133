package com.gridpivot.persistence;

/** The interval length a series is read at. */
public enum Resolution {
    /** As stored. */
    NATIVE(0),
    /** One value per UTC hour: the mean of finer values, or the step value of coarser ones. */
    HOURLY(3600),
    /** One value per UTC day: the mean of finer values. */
    DAILY(86_400);

    private final int seconds;

    Resolution(int seconds) {
        this.seconds = seconds;
    }

    /** The interval length, or 0 for {@link #NATIVE}. */
    public int seconds() {
        return seconds;
    }
}
