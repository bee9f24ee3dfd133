package com.gridpivot.optimization.input;

import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every offending field of a request, so one answer lists them all. Each check returns the value when
 * it is valid and records an error otherwise.
 */
public final class FieldChecks {
    /** Largest power a request may state, MW. */
    public static final double MAX_MW = 1e5;
    /** Largest |price| a request may state, USD/MWh. */
    public static final double MAX_PRICE_USD_PER_MWH = 1e6;

    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> warnings = new ArrayList<>();

    public void error(String field, String reason) {
        errors.add(FieldError.of(field, reason));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public int errorCount() {
        return errors.size();
    }

    /** One of an enum's names, case-insensitive: {@code fallback} when absent, else the constant or an error listing them. */
    public <E extends Enum<E>> E choice(String field, String v, Class<E> type, E fallback) {
        if (v == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + " (got '" + v + "')");
            return fallback;
        }
    }

    /**
     * Records a warning when a valid value lies outside its plausible range ({@link PlausibleRanges}); the request is
     * still answered. Values that are not finite are errors, reported by the range checks.
     */
    public void plausible(String field, PlausibleRanges.Range range, Double v) {
        if (v != null) {
            warn(field, PlausibleRanges.warning(range, v));
        }
    }

    /** Records a warning (null: none). */
    public void warn(String field, String message) {
        if (message != null) {
            warnings.add(FieldError.of(field, message));
        }
    }

    /** Moves warnings recorded under a field to another path (e.g. to the scenario field a value came from). */
    public void renameWarnings(java.util.Map<String, String> fromTo) {
        if (fromTo.isEmpty()) {
            return;
        }
        warnings.replaceAll(w -> fromTo.containsKey(w.field()) ? FieldError.of(fromTo.get(w.field()), w.reason()) : w);
    }

    /** The warnings as "field: message", in the order found. */
    public List<String> warnings() {
        return warnings("");
    }

    /** The warnings with {@code prefix} before each field (e.g. "problem." for a plan inside a comparison). */
    public List<String> warnings(String prefix) {
        return warnings.stream().map(w -> prefix + w.field() + ": " + w.reason()).toList();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * A number given as text (a query parameter): null when absent; records an error and returns null when it is not
     * a number. JAX-RS would answer an unparseable parameter with 404; a planner deserves a 400 naming it.
     */
    public Double number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            error(field, "must be a number (got '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "')");
            return null;
        }
    }

    /** A value that must be present, finite and inside [min, max]. Returns NaN after recording an error. */
    public double required(String field, Double v, double min, double max, String unit) {
        if (v == null) {
            error(field, "is required");
            return Double.NaN;
        }
        return range(field, v, min, max, unit);
    }

    /** An optional value: {@code fallback} when absent, else finite and inside [min, max]. */
    public double optional(String field, Double v, double fallback, double min, double max, String unit) {
        if (v == null) {
            return fallback;
        }
        return range(field, v, min, max, unit);
    }

    public double range(String field, double v, double min, double max, String unit) {
        if (Double.isNaN(v)) {
            error(field, "must be a number, not NaN");
            return Double.NaN;
        }
        if (Double.isInfinite(v)) {
            error(field, "must be finite, not " + (v > 0 ? "Infinity" : "-Infinity"));
            return Double.NaN;
        }
        if (v < min) {
            error(field, min == 0.0 ? "must not be negative (got " + fmt(v) + ")" : "must be at least " + fmt(min) + suffix(unit) + " (got " + fmt(v) + ")");
            return Double.NaN;
        }
        if (v > max) {
            error(field, "must be at most " + fmt(max) + suffix(unit) + " (got " + fmt(v) + "); check the unit");
            return Double.NaN;
        }
        return v;
    }

    /** A whole number inside [min, max]. */
    public int wholeNumber(String field, Double v, int fallback, int min, int max) {
        if (v == null) {
            return fallback;
        }
        double d = range(field, v, min, max, "");
        if (Double.isNaN(d)) {
            return fallback;
        }
        if (d != Math.rint(d)) {
            error(field, "must be a whole number (got " + fmt(d) + ")");
            return fallback;
        }
        return (int) d;
    }

    private static String suffix(String unit) {
        return unit == null || unit.isEmpty() ? "" : " " + unit;
    }

    public static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(java.util.Locale.ROOT, "%,.0f", v);
        }
        if (Double.isFinite(v) && Math.abs(v) >= 1e-6 && Math.abs(v) < 1e15) {
            // six significant digits, no trailing zeros: 0.05, 24.5, 1.23457e-05 → 0.0000123457
            return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
