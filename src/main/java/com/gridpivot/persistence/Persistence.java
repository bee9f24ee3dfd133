package com.gridpivot.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small helpers shared by the services. */
public final class Persistence {
    private Persistence() {
    }

    /** Now, at the microsecond precision of {@code TIMESTAMP(6)}, so what is returned equals what is stored. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** True when the throwable or one of its causes is a unique or foreign-key violation. */
    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
