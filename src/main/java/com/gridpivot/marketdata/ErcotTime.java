package com.gridpivot.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * ERCOT's hour-ending convention in US Central time (America/Chicago), converted to UTC.
 *
 * <p>Hour ending {@code h} on a delivery date is the hour whose end the local clock shows as {@code h}:00.
 * On the spring-forward day hour ending 02:00 does not exist (the hour from 01:00 CST ends at 03:00 CDT), so
 * the day has 23 hours. On the fall-back day hour ending 02:00 occurs twice: first in daylight time
 * (repeated-hour flag N) and then in standard time (flag Y), so the day has 25 hours.
 */
final class ErcotTime {
    static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    private static final ZoneRules RULES = CENTRAL.getRules();

    private ErcotTime() {
    }

    /**
     * The UTC instant at which hour ending {@code hourEnding} (1..24) of {@code date} ends, or null when that hour
     * does not exist (hour ending 02:00 on the spring-forward day).
     *
     * @param repeated the DSTFlag / Repeated Hour Flag: true for the second (standard-time) occurrence
     */
    static Instant hourEnd(LocalDate date, int hourEnding, boolean repeated) {
        LocalDateTime end = date.atStartOfDay().plusHours(hourEnding);
        ZoneOffsetTransition atEnd = RULES.getTransition(end);
        if (atEnd != null) {
            if (atEnd.isGap()) {
                return null;
            }
            // end lies in the repeated local hour (fall-back overlap)
            return end.toInstant(repeated ? atEnd.getOffsetAfter() : atEnd.getOffsetBefore());
        }
        ZoneOffsetTransition justBefore = RULES.getTransition(end.minusNanos(1));
        if (justBefore != null && justBefore.isOverlap() && !repeated) {
            // the first occurrence of the repeated hour ends when the clock is set back (02:00 daylight time)
            return justBefore.getInstant();
        }
        ZoneOffset offset = RULES.getOffset(end);
        return end.toInstant(offset);
    }

    /** Whether the local day has 23 hours (DST starts). */
    static boolean isSpringForward(LocalDate date) {
        return hoursIn(date) == 23;
    }

    /** Whether the local day has 25 hours (DST ends). */
    static boolean isFallBack(LocalDate date) {
        return hoursIn(date) == 25;
    }

    static long hoursIn(LocalDate date) {
        Instant start = date.atStartOfDay(CENTRAL).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(CENTRAL).toInstant();
        return Duration.between(start, end).toHours();
    }
}
