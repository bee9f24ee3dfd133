package com.gridpivot.bench;

import com.gridpivot.marketdata.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One table of the standard cases with the same columns for each (issue 8: "per case, model build ms, solve ms,
 * end-to-end API ms (p50 and p95 over repeated calls), variables, rows and peak heap"), collated from the files the
 * benchmark mains wrote in the same directory: allocation.csv, plans.csv, sweep.csv, risk.csv (in-process) and api.csv
 * (through the HTTP API of the packaged service, bench/run-allocation.sh). A value a case does not have is left empty,
 * never invented. Prints the table and writes summary.csv. Runs last in {@code ./mvnw -Pbench verify} and in
 * bench/run-allocation.sh. Argument: the results directory (default bench/results).
 */
public final class BenchmarkSummary {
    static final List<String> COLUMNS = List.of("case", "source", "variables", "rows", "build_ms", "solve_ms", "engine_ms_p50",
            "engine_ms_p95", "api_ms_p50", "api_ms_p95", "peak_heap_mb", "highs_naive_ms", "limit_ms");

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/results");
        List<Map<String, String>> out = new ArrayList<>();

        List<Map<String, String>> api = read(dir.resolve("api.csv"));
        for (Map<String, String> a : read(dir.resolve("allocation.csv"))) {
            Map<String, String> r = row(a.get("case") + " " + a.get("model") + " " + a.get("solver"), "allocation.csv", "300");
            copy(a, r, "variables", "variables", "rows", "rows", "build_ms_p50", "build_ms", "solve_ms_p50", "solve_ms", "engine_ms_p50",
                    "engine_ms_p50", "engine_ms_p95", "engine_ms_p95", "api_ms_p50", "api_ms_p50", "api_ms_p95", "api_ms_p95",
                    "peak_heap_mb", "peak_heap_mb", "highs_solve_ms", "highs_naive_ms");
            out.add(r);
        }
        for (Map<String, String> p : read(dir.resolve("plans.csv"))) {
            Map<String, String> r = row(p.get("case") + " " + p.get("hour_model"), "plans.csv", "10000");
            copy(p, r, "variables", "variables", "rows", "rows", "build_ms_p50", "build_ms", "solve_ms_p50", "solve_ms", "answer_ms_p50",
                    "engine_ms_p50", "peak_heap_mb", "peak_heap_mb");
            if ("EXACT_BLOCKS".equals(p.get("hour_model"))) {
                fromApi(r, api, c -> c.startsWith("plan-5y"));
            }
            out.add(r);
        }
        for (Map<String, String> s : read(dir.resolve("sweep.csv"))) {
            Map<String, String> r = row(s.get("case") + " " + s.get("points") + " points " + s.get("threads") + " thread(s)", "sweep.csv", "20000");
            copy(s, r, "variables", "variables", "rows", "rows", "build_ms", "build_ms", "solve_ms", "solve_ms", "wall_ms", "engine_ms_p50",
                    "peak_heap_mb", "peak_heap_mb");
            if ("2".equals(s.get("threads"))) {
                fromApi(r, api, c -> c.startsWith("sweep-200"));
            }
            out.add(r);
        }
        for (Map<String, String> k : read(dir.resolve("risk.csv"))) {
            Map<String, String> r = row(k.get("case"), "risk.csv", k.get("limit_ms"));
            copy(k, r, "variables", "variables", "rows", "rows", "build_ms", "build_ms", "solve_ms", "solve_ms", "wall_ms", "engine_ms_p50",
                    "peak_heap_mb", "peak_heap_mb");
            String c = k.get("case");
            fromApi(r, api, a -> c.startsWith("montecarlo") ? a.startsWith("montecarlo") : a.startsWith("stochastic"));
            out.add(r);
        }

        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", COLUMNS));
        for (Map<String, String> r : out) {
            List<String> cells = new ArrayList<>();
            for (String col : COLUMNS) {
                String v = r.get(col);
                cells.add(v == null ? "" : v);
            }
            lines.add(String.join(",", cells));
        }
        Files.write(dir.resolve("summary.csv"), lines);
        System.out.println(String.format(Locale.ROOT, "%-48s %9s %9s %9s %9s %10s %10s %9s %9s %8s", "case", "vars", "rows", "build ms",
                "solve ms", "engine p50", "engine p95", "API p50", "API p95", "heap MB"));
        for (Map<String, String> r : out) {
            System.out.println(String.format(Locale.ROOT, "%-48s %9s %9s %9s %9s %10s %10s %9s %9s %8s", r.get("case"), cell(r, "variables"),
                    cell(r, "rows"), cell(r, "build_ms"), cell(r, "solve_ms"), cell(r, "engine_ms_p50"), cell(r, "engine_ms_p95"),
                    cell(r, "api_ms_p50"), cell(r, "api_ms_p95"), cell(r, "peak_heap_mb")));
        }
    }

    private static Map<String, String> row(String name, String source, String limitMs) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("case", name);
        r.put("source", source);
        r.put("limit_ms", limitMs);
        return r;
    }

    /** Copies columns of a source file's row into the summary row: pairs of (source column, summary column). */
    private static void copy(Map<String, String> from, Map<String, String> to, String... pairs) {
        for (int k = 0; k < pairs.length; k += 2) {
            to.put(pairs[k + 1], from.get(pairs[k]));
        }
    }

    /** The API columns of the api.csv row of the same case; the server's LP size and times fill what in-process left empty. */
    private static void fromApi(Map<String, String> r, List<Map<String, String>> api, Predicate<String> sameCase) {
        for (Map<String, String> a : api) {
            if (sameCase.test(a.get("case"))) {
                r.put("api_ms_p50", a.get("api_ms_p50"));
                r.put("api_ms_p95", a.get("api_ms_p95"));
                r.put("source", r.get("source") + "+api.csv");
                for (String[] k : new String[][] {{"variables", "variables"}, {"rows", "rows"}, {"build_ms", "server_build_ms"}, {"solve_ms", "server_solve_ms"}}) {
                    if (blank(r.get(k[0])) && !blank(a.get(k[1]))) {
                        r.put(k[0], a.get(k[1]));
                    }
                }
            }
        }
    }

    private static String cell(Map<String, String> r, String k) {
        String v = r.get(k);
        return blank(v) ? "-" : v;
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    /** A CSV with a header, fields optionally in double quotes. Missing file: no rows. */
    static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            return rows;
        }
        List<String> header = CsvTable.split(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = CsvTable.split(line);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.add(m);
        }
        return rows;
    }
}
