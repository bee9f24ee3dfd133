package com.gridpivot.lp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * OR-Tools' Loader swallows the IOException of unpacking its libraries, and unpacking fails on an interrupted thread
 * (its file channels close): OR-Tools is then unusable in that JVM for good. A job worker is interrupted when the service
 * stops or a run is cancelled, so this happened in the test suite. Each case runs in a fresh JVM, where nothing is loaded
 * yet: loading on an interrupted thread gives a working solver, and the thread keeps its interrupt.
 */
class OrToolsNativesTest {

    /** The check itself, run in the child JVM. */
    public static final class InterruptedThreadLoads {
        public static void main(String[] args) {
            Thread.currentThread().interrupt();
            if (args.length > 0 && args[0].equals("raw")) {
                com.google.ortools.Loader.loadNativeLibraries(); // what OrToolsNatives wraps
            } else {
                OrToolsNatives.ensureLoaded();
            }
            boolean stillInterrupted = Thread.interrupted();
            try {
                MPSolver s = MPSolver.createSolver("GLOP");
                System.out.println("solver " + (s != null) + " interrupted " + stillInterrupted);
                s.delete();
            } catch (UnsatisfiedLinkError e) {
                System.out.println("unusable " + e.getMessage());
            }
        }
    }

    private static String runChild(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), InterruptedThreadLoads.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theRawLoaderOnAnInterruptedThreadLeavesOrToolsUnusable() throws Exception {
        // the failure this class guards against, shown with OR-Tools alone
        assertThat(runChild("raw")).contains("unusable");
    }

    @Test
    void ensureLoadedOnAnInterruptedThreadGivesAWorkingSolverAndKeepsTheInterrupt() throws Exception {
        assertThat(runChild()).contains("solver true interrupted true");
    }
}
