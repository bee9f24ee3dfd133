package com.gridpivot.jobs;

import com.gridpivot.errors.InvalidRequestException;

/**
 * What a stored run is called in lists and comparisons: the name of its site and the caller's optional label. Stored
 * with the run (columns {@code site_name} and {@code label} of {@code allocation_run} and {@code job_run}, V18).
 *
 * @param siteName the site's name when the run was stored (a what-if's inline site or the stored site it named, a
 *                 plan's site); null when the request named none
 * @param label    the request's {@code label}, as given; null when absent
 */
public record RunTags(String siteName, String label) {
    /** No site, no label. */
    public static final RunTags NONE = new RunTags(null, null);

    /** The longest label, in characters (UTF-16 code units), as the columns hold it (V18). */
    public static final int MAX_LABEL = 200;

    public RunTags {
        siteName = siteName == null || siteName.length() <= MAX_LABEL ? siteName : siteName.substring(0, MAX_LABEL);
    }

    /**
     * A site name and a request's label, the label checked: at most {@value #MAX_LABEL} characters, no control
     * characters (tabs and line breaks included: a label is one line in a list), not blank. {@link
     * InvalidRequestException} naming {@code field} otherwise.
     */
    public static RunTags of(String siteName, String label, String field) {
        return new RunTags(siteName, checkedLabel(label, field));
    }

    /** The label as given when valid, null when absent; {@link InvalidRequestException} naming {@code field} otherwise. */
    public static String checkedLabel(String label, String field) {
        if (label == null) {
            return null;
        }
        if (label.isBlank()) {
            throw new InvalidRequestException(field, "must not be blank; leave it out for no label");
        }
        if (label.length() > MAX_LABEL) {
            throw new InvalidRequestException(field, "must be at most " + MAX_LABEL + " characters; got " + label.length());
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidRequestException(field, "must not contain control characters (tab, line break and the like); found U+"
                        + String.format("%04X", (int) c) + " at character " + (i + 1));
            }
        }
        return label;
    }

    /** The first label given, in order of precedence (e.g. a sweep's own label, then its plan's). */
    public static String firstLabel(String... labels) {
        for (String l : labels) {
            if (l != null) {
                return l;
            }
        }
        return null;
    }
}
