package com.gridpivot.marketdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the issues of one import. To keep reports readable, at most {@link #MAX_PER_CODE} issues of one
 * severity and code are kept; the rest are counted and summarized in one issue at the end.
 */
final class IssueCollector {
    static final int MAX_PER_CODE = 20;

    private final List<ImportIssue> issues = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();

    void error(Integer line, String code, String message) {
        add(ImportIssue.Severity.ERROR, line, code, message);
    }

    void warning(Integer line, String code, String message) {
        add(ImportIssue.Severity.WARNING, line, code, message);
    }

    void info(Integer line, String code, String message) {
        add(ImportIssue.Severity.INFO, line, code, message);
    }

    void add(ImportIssue.Severity severity, Integer line, String code, String message) {
        String k = severity + "/" + code;
        int n = counts.merge(k, 1, Integer::sum);
        if (n <= MAX_PER_CODE) {
            issues.add(new ImportIssue(severity, line, code, message));
        }
    }

    boolean hasErrors() {
        return issues.stream().anyMatch(i -> i.severity() == ImportIssue.Severity.ERROR);
    }

    void addAll(List<ImportIssue> more) {
        more.forEach(i -> add(i.severity(), i.line(), i.code(), i.message()));
    }

    /** The kept issues plus one summary per code that overflowed. */
    List<ImportIssue> toList() {
        List<ImportIssue> out = new ArrayList<>(issues);
        counts.forEach((k, n) -> {
            if (n > MAX_PER_CODE) {
                String[] parts = k.split("/", 2);
                out.add(new ImportIssue(ImportIssue.Severity.valueOf(parts[0]), null, parts[1],
                        (n - MAX_PER_CODE) + " more " + parts[1] + " issues not listed (" + n + " in total)"));
            }
        });
        return out;
    }
}
