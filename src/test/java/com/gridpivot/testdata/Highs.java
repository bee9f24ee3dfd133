package com.gridpivot.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the committed scipy/HiGHS scripts of models/crosscheck; empty when python3 or scipy is missing. */
public final class Highs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Highs() {
    }

    /** Solves an MPS text with models/crosscheck/solve_mps.py. */
    public static Optional<JsonNode> solveMps(String mps, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, mps);
        return run("models/crosscheck/solve_mps.py", file);
    }

    /** Solves a v1 request with the independent formulation models/crosscheck/allocation_highs.py. */
    public static Optional<JsonNode> solveRequest(Path requestJson) throws IOException, InterruptedException {
        return run("models/crosscheck/allocation_highs.py", requestJson);
    }

    private static Optional<JsonNode> run(String script, Path input) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", script, input.toAbsolutePath().toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in 600 s");
        }
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (out.contains("No module named")) {
            return Optional.empty();
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(script + " failed: " + out);
        }
        return Optional.of(JSON.readTree(out.substring(out.lastIndexOf('\n') + 1)));
    }
}
