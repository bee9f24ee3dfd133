package com.gridpivot.imports;

import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.marketdata.FluxcoreMarket;
import com.gridpivot.marketdata.ImportFormat;
import com.gridpivot.marketdata.ImportIssue;
import com.gridpivot.marketdata.SeriesKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code import} command of the packaged application:
 * {@code java -jar quarkus-run.jar import [--format F] [--kind K] [--key KEY] [--market RTM|DAM] FILE_OR_DIR...}.
 * Imports each file as its own batch (all or nothing per file) into the configured database and prints one line per
 * file. Directories are walked recursively in name order; in them only {@code .csv} and {@code .json} files are read,
 * and {@code index.json} and {@code *.meta.json} (fluxcore and GPU metadata) are skipped.
 */
@ApplicationScoped
public class BulkImportCommand {
    /** The caller recorded with the batches. */
    public static final String CALLER = "bulk-import";
    static final String USAGE = "usage: import [--format ERCOT_CSV|GENERIC_CSV|FLUXCORE_JSON|BTC_DAILY_CSV|GPU_RATES_CSV|ERCOT_ANCILLARY_CSV] "
            + "[--kind SERIES_KIND] [--key KEY] [--market RTM|DAM] FILE_OR_DIR...";

    @Inject
    ImportService imports;

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code import}
     * @return 0 when every file was imported, 1 when any failed or the arguments are wrong
     */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String format = null;
        String kind = null;
        String key = null;
        String market = null;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (a.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    err.println("option " + a + " needs a value\n" + USAGE);
                    return 1;
                }
                String v = args.get(++i);
                switch (a) {
                    case "--format" -> format = v;
                    case "--kind" -> kind = v;
                    case "--key" -> key = v;
                    case "--market" -> market = v;
                    default -> {
                        err.println("unknown option " + a + "\n" + USAGE);
                        return 1;
                    }
                }
            } else {
                paths.add(Path.of(a));
            }
        }
        if (paths.isEmpty()) {
            err.println("no file or directory given\n" + USAGE);
            return 1;
        }
        ImportParams params;
        try {
            params = new ImportParams(parse(ImportFormat.class, "--format", format), null,
                    parse(SeriesKind.class, "--kind", kind), key, parse(FluxcoreMarket.class, "--market", market));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 1;
        }
        Totals totals = new Totals();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(p)) {
                    files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
                } catch (IOException e) {
                    out.println("FAIL " + p + ": cannot list the directory: " + e.getMessage());
                    totals.failed++;
                    continue;
                }
                for (Path f : files) {
                    if (skipped(f)) {
                        out.println("SKIP " + f);
                        totals.skipped++;
                    } else {
                        importOne(f, params, out, totals);
                    }
                }
            } else if (Files.isRegularFile(p)) {
                importOne(p, params, out, totals);
            } else {
                out.println("FAIL " + p + ": no such file or directory");
                totals.failed++;
            }
        }
        out.printf(Locale.ROOT, "%d file(s) imported, %d failed, %d skipped; points added %d, updated %d, unchanged %d%n",
                totals.ok, totals.failed, totals.skipped, totals.added, totals.updated, totals.unchanged);
        return totals.failed == 0 ? 0 : 1;
    }

    /** Files a directory walk leaves alone. */
    static boolean skipped(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.equals("index.json") || name.endsWith(".meta.json")
                || !(name.endsWith(".csv") || name.endsWith(".json"));
    }

    private void importOne(Path file, ImportParams params, PrintStream out, Totals totals) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            out.println("FAIL " + file + ": cannot read: " + e.getMessage());
            totals.failed++;
            return;
        }
        try {
            ImportReport r = imports.importFile(bytes, params.withFileName(file.toString()), CALLER);
            long warnings = r.issues().stream().filter(i -> i.severity() == ImportIssue.Severity.WARNING).count();
            String series = r.series().stream().map(s -> s.kind() + "/" + s.key()).collect(Collectors.joining(","));
            out.printf(Locale.ROOT, "OK   %s %s rows=%d added=%d updated=%d unchanged=%d warnings=%d batch=%d%s series=%s%n",
                    file, r.format(), r.rowsRead(), r.pointsAdded(), r.pointsUpdated(), r.pointsUnchanged(), warnings,
                    r.batchId(), r.duplicateOf() == null ? "" : " duplicateOf=" + r.duplicateOf(), series);
            totals.ok++;
            totals.added += r.pointsAdded();
            totals.updated += r.pointsUpdated();
            totals.unchanged += r.pointsUnchanged();
        } catch (ImportRejectedException e) {
            ImportReport r = e.report();
            List<ImportIssue> errors = r.errors();
            out.printf(Locale.ROOT, "FAIL %s %s rows=%d, %d error(s), nothing stored: %s%n", file, r.format(), r.rowsRead(),
                    errors.size(), errors.stream().limit(20)
                            .map(i -> (i.line() == null ? "" : "line " + i.line() + " ") + i.code() + ": " + i.message())
                            .collect(Collectors.joining("; ")) + (errors.size() > 20 ? "; …" : ""));
            totals.failed++;
        } catch (InvalidRequestException | ConflictException e) {
            List<FieldError> errors = e instanceof InvalidRequestException ire ? ire.errors() : ((ConflictException) e).errors();
            out.println("FAIL " + file + ": " + errors.stream().map(fe -> fe.field() + " " + fe.reason())
                    .collect(Collectors.joining("; ")));
            totals.failed++;
        } catch (RuntimeException e) {
            out.println("FAIL " + file + ": " + e);
            totals.failed++;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static final class Totals {
        int ok;
        int failed;
        int skipped;
        long added;
        long updated;
        long unchanged;
    }
}
