package com.gridpivot.persistence;

import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.persistence.Resolution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the time-range query parameters of the series endpoints. */
public final class TimeParams {
    private TimeParams() {
    }

    /** An ISO 8601 instant with {@code Z} or an offset, or a date meaning 00:00 UTC; null or blank means open. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InvalidRequestException(field, "must be an ISO 8601 time with offset, e.g. 2024-01-01T00:00:00Z, or a date, e.g. 2024-01-01; got '" + value + "'");
            }
        }
    }

    public static void checkRange(Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidRequestException("to", "must be after from (" + from + ")");
        }
    }

    public static Resolution resolution(String value) {
        if (value == null || value.isBlank()) {
            return Resolution.NATIVE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "native" -> Resolution.NATIVE;
            case "hourly" -> Resolution.HOURLY;
            case "daily" -> Resolution.DAILY;
            default -> throw new InvalidRequestException("resolution", "must be hourly, daily or native; got '" + value + "'");
        };
    }
}
