package com.gridpivot;

import com.gridpivot.imports.BulkImportCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * The application's entry point. {@code import FILE_OR_DIR...} runs the {@link BulkImportCommand} against the
 * configured database and exits with its status; anything else (or no arguments) runs the HTTP server until it is
 * stopped.
 */
@QuarkusMain
public class GridPivotMain implements QuarkusApplication {
    /** The first argument that selects the bulk import command. */
    public static final String IMPORT = "import";

    @Inject
    BulkImportCommand bulkImport;

    /**
     * Starts Quarkus. For the import command the HTTP server listens on a random port (so a running server on 8080
     * does not stop it), the demo data is not loaded and only warnings are logged.
     */
    public static void main(String... args) {
        if (args.length > 0 && IMPORT.equals(args[0])) {
            setIfAbsent("quarkus.http.port", "0");
            setIfAbsent("gridpivot.demo-data.enabled", "false");
            setIfAbsent("quarkus.log.level", "WARN");
            setIfAbsent("quarkus.banner.enabled", "false");
        }
        Quarkus.run(GridPivotMain.class, args);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public int run(String... args) {
        if (args.length > 0 && IMPORT.equals(args[0])) {
            return bulkImport.run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
        }
        Quarkus.waitForExit();
        return 0;
    }
}
