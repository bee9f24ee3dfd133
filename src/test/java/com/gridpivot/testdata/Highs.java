package com.gridpivot.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the committed scipy/HiGHS scripts of models/crosscheck.
 *
 * <p>A cross-check may only be skipped on a developer's machine that lacks python3 or scipy itself. In CI
 * ({@code CI=true}, as .ci/run runs) or with {@code -Dgridpivot.crosscheck.required=true} a missing python3 or scipy
 * fails the test. A script that fails for any other reason (a broken import of its own, an exception, a non-zero exit)
 * always fails the test: it is never taken for a missing scipy.
 */
public final class Highs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What python3 must import for the cross-check scripts; checked once per JVM. */
    static final String PROBE = "import numpy, scipy.sparse, scipy.optimize";
    private static volatile String missing;
    private static volatile boolean probed;

    private Highs() {
    }

    /** Solves an MPS text with models/crosscheck/solve_mps.py. */
    public static JsonNode solveMps(String mps, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, mps);
        return run("models/crosscheck/solve_mps.py", file);
    }

    /** Solves a v1 request with the independent formulation models/crosscheck/allocation_highs.py. */
    public static JsonNode solveRequest(Path requestJson) throws IOException, InterruptedException {
        return run("models/crosscheck/allocation_highs.py", requestJson);
    }

    /** Solves a plan problem written by {@link PlanProblemJson} with the independent formulation models/crosscheck/plan_highs.py. */
    public static JsonNode solvePlan(Path problemJson) throws IOException, InterruptedException {
        return run("models/crosscheck/plan_highs.py", problemJson);
    }

    /** True where a cross-check may not be skipped (CI, or asked for). */
    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("gridpivot.crosscheck.required");
    }

    /**
     * Skips (developer machine) or fails (CI) the calling test when python3 with numpy and scipy is not there; returns
     * normally when it is.
     */
    public static void requirePython() {
        String why = missingPython();
        if (why == null) {
            return;
        }
        if (required()) {
            Assertions.fail("the HiGHS cross-check cannot run, and it must in CI: " + why);
        }
        Assumptions.abort("SKIPPED: the HiGHS cross-check cannot run here: " + why);
    }

    /** Null when python3 imports numpy and scipy; otherwise why not. */
    static synchronized String missingPython() {
        if (!probed) {
            probed = true;
            try {
                Process p = new ProcessBuilder("python3", "-c", PROBE).redirectErrorStream(true).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    missing = "python3 -c '" + PROBE + "' did not finish in 60 s";
                } else if (p.exitValue() != 0) {
                    missing = "python3 has no numpy/scipy: " + new String(p.getInputStream().readAllBytes()).trim();
                }
            } catch (IOException e) {
                missing = "python3 is not installed: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                missing = "interrupted while probing python3";
            }
        }
        return missing;
    }

    static JsonNode run(String script, Path input) throws IOException, InterruptedException {
        requirePython();
        Process p = new ProcessBuilder("python3", script, input.toAbsolutePath().toString()).redirectErrorStream(true).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in 600 s");
        }
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.exitValue() != 0) {
            // python3 and scipy are there (requirePython passed): whatever failed is the script's own fault.
            throw new AssertionError(script + " failed (exit " + p.exitValue() + "): " + out);
        }
        return JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
    }
}
