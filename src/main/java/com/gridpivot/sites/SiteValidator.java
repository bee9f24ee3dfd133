package com.gridpivot.sites;

import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a site request field by field and reports every offending field by its JSON path (e.g.
 * {@code asicFleets[0].units}), not just the first.
 */
public final class SiteValidator {
    /** Largest power figure accepted anywhere, MW (the largest sites are a few GW). */
    public static final double MAX_MW = 1e5;
    public static final double MIN_PUE = 1.0;
    public static final double MAX_PUE = 3.0;
    public static final int MAX_NAME = 200;
    public static final int MAX_NOTES = 4000;
    public static final int MAX_UNITS = 100_000_000;
    public static final int MAX_LEAD_TIME_MONTHS = 240;
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final List<String> AI_KINDS = List.of("GPU_CLOUD", "COLOCATION");

    private final List<FieldError> errors = new ArrayList<>();

    private SiteValidator() {
    }

    /** Throws {@link InvalidRequestException} listing every invalid field, or returns quietly. */
    public static void validate(SiteRequest r) {
        SiteValidator v = new SiteValidator();
        if (r == null) {
            throw new InvalidRequestException("", "a site is required in the request body");
        }
        v.name("name", r.name());
        v.mw("interconnectMw", r.interconnectMw(), true);
        v.mw("maxAiItMw", r.maxAiItMw(), false);
        v.mw("minAiItMw", r.minAiItMw(), false);
        if (ok(r.interconnectMw()) && ok(r.maxAiItMw()) && r.maxAiItMw() > r.interconnectMw()) {
            v.add("maxAiItMw", "must not exceed interconnectMw (" + r.interconnectMw() + " MW)");
        }
        double max = ok(r.maxAiItMw()) ? r.maxAiItMw() : ok(r.interconnectMw()) ? r.interconnectMw() : Double.NaN;
        if (ok(r.minAiItMw()) && !Double.isNaN(max) && r.minAiItMw() > max) {
            v.add("minAiItMw", "must not exceed " + (ok(r.maxAiItMw()) ? "maxAiItMw" : "interconnectMw") + " (" + max + " MW)");
        }
        v.nonNegative("capexBudgetUsd", r.capexBudgetUsd(), false);
        if (r.marketNode() != null && !NODE.matcher(r.marketNode()).matches()) {
            v.add("marketNode", "must be 1 to 64 letters, digits, '_', '.' or '-', e.g. HB_WEST");
        }
        if (r.notes() != null && r.notes().length() > MAX_NOTES) {
            v.add("notes", "must be at most " + MAX_NOTES + " characters");
        }
        List<AsicFleetBody> fleets = r.asicFleets() == null ? List.of() : r.asicFleets();
        for (int i = 0; i < fleets.size(); i++) {
            v.fleet("asicFleets[" + i + "]", fleets.get(i));
        }
        List<AiOptionBody> options = r.aiOptions() == null ? List.of() : r.aiOptions();
        for (int i = 0; i < options.size(); i++) {
            v.option("aiOptions[" + i + "]", options.get(i));
        }
        if (!v.errors.isEmpty()) {
            throw new InvalidRequestException(v.errors);
        }
    }

    private void fleet(String path, AsicFleetBody f) {
        if (f == null) {
            add(path, "must be an object, not null");
            return;
        }
        name(path + ".name", f.name());
        if (f.model() != null && (f.model().isBlank() || f.model().length() > MAX_NAME)) {
            add(path + ".model", "must be a catalog model name of 1 to " + MAX_NAME + " characters");
        }
        if (f.units() == null) {
            add(path + ".units", "is required");
        } else if (f.units() < 0 || f.units() > MAX_UNITS) {
            add(path + ".units", "must be between 0 and " + MAX_UNITS);
        }
        boolean needFigures = f.model() == null;
        positive(path + ".hashrateThPerUnit", f.hashrateThPerUnit(), needFigures, "without a model");
        positive(path + ".powerWPerUnit", f.powerWPerUnit(), needFigures, "without a model");
        pue(path + ".pue", f.pue());
        fraction(path + ".poolFeeFraction", f.poolFeeFraction());
        nonNegative(path + ".variableOpexUsdPerMwh", f.variableOpexUsdPerMwh(), false);
        nonNegative(path + ".fixedOpexUsdPerMwYear", f.fixedOpexUsdPerMwYear(), false);
    }

    private void option(String path, AiOptionBody o) {
        if (o == null) {
            add(path, "must be an object, not null");
            return;
        }
        name(path + ".name", o.name());
        if (o.offering() != null && (o.offering().isBlank() || o.offering().length() > MAX_NAME)) {
            add(path + ".offering", "must be a catalog offering name of 1 to " + MAX_NAME + " characters");
        }
        if (o.kind() != null && !AI_KINDS.contains(o.kind())) {
            add(path + ".kind", "must be one of " + AI_KINDS);
        }
        if (o.offering() == null && o.leaseUsdPerGpuHour() == null && o.colocationUsdPerKwMonth() == null
                && o.revenueUsdPerMwh() == null) {
            add(path + ".offering", "give a catalog offering or one of leaseUsdPerGpuHour, colocationUsdPerKwMonth, revenueUsdPerMwh");
        }
        positive(path + ".kwPerGpu", o.kwPerGpu(), false, "");
        nonNegative(path + ".leaseUsdPerGpuHour", o.leaseUsdPerGpuHour(), false);
        fraction(path + ".utilization", o.utilization());
        nonNegative(path + ".colocationUsdPerKwMonth", o.colocationUsdPerKwMonth(), false);
        nonNegative(path + ".revenueUsdPerMwh", o.revenueUsdPerMwh(), false);
        pue(path + ".pue", o.pue());
        mw(path + ".maxItMw", o.maxItMw(), false);
        nonNegative(path + ".capexUsdPerMw", o.capexUsdPerMw(), false);
        nonNegative(path + ".variableOpexUsdPerMwh", o.variableOpexUsdPerMwh(), false);
        nonNegative(path + ".fixedOpexUsdPerMwYear", o.fixedOpexUsdPerMwYear(), false);
        if (o.leadTimeMonths() != null && (o.leadTimeMonths() < 0 || o.leadTimeMonths() > MAX_LEAD_TIME_MONTHS)) {
            add(path + ".leadTimeMonths", "must be between 0 and " + MAX_LEAD_TIME_MONTHS);
        }
    }

    private void name(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else if (value.length() > MAX_NAME) {
            add(field, "must be at most " + MAX_NAME + " characters");
        } else if (!value.equals(value.strip())) {
            add(field, "must not start or end with white space");
        }
    }

    private void mw(String field, Double value, boolean required) {
        if (nonNegative(field, value, required) && value > MAX_MW) {
            add(field, "must be at most " + (long) MAX_MW + " MW");
        }
    }

    private void positive(String field, Double value, boolean required, String when) {
        if (value == null) {
            if (required) {
                add(field, "is required" + (when.isEmpty() ? "" : " " + when));
            }
        } else if (!Double.isFinite(value) || value <= 0) {
            add(field, "must be a finite number greater than 0");
        }
    }

    /** @return true when the value is present and valid so far */
    private boolean nonNegative(String field, Double value, boolean required) {
        if (value == null) {
            if (required) {
                add(field, "is required");
            }
            return false;
        }
        if (!Double.isFinite(value) || value < 0) {
            add(field, "must be a finite number of at least 0");
            return false;
        }
        return true;
    }

    private void pue(String field, Double value) {
        if (value != null && (!Double.isFinite(value) || value < MIN_PUE || value > MAX_PUE)) {
            add(field, "must be between " + MIN_PUE + " and " + MAX_PUE);
        }
    }

    private void fraction(String field, Double value) {
        if (value != null && (!Double.isFinite(value) || value < 0 || value > 1)) {
            add(field, "must be a fraction between 0 and 1");
        }
    }

    private static boolean ok(Double v) {
        return v != null && Double.isFinite(v) && v >= 0;
    }

    private void add(String field, String reason) {
        errors.add(FieldError.of(field, reason));
    }
}
