package com.gridpivot.lp;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;

/**
 * Loads the OR-Tools native libraries exactly once per JVM, however many threads ask, and proves they are loaded.
 *
 * <p>{@link Loader#loadNativeLibraries()} unpacks the libraries from the jar and swallows any IOException of that step:
 * it then returns as if all were well, and every later call into OR-Tools fails with UnsatisfiedLinkError. The step is
 * interruptible (file channels close on a thread interrupt), and a job worker is interrupted when the service stops or a
 * run is cancelled, so an interrupt at the wrong moment used to poison the JVM for good (seen in the test suite, where a
 * Quarkus restart stops a worker that was loading). Here the interrupt flag is held back while loading, a GLOP solver is
 * created as proof, and loading is retried before giving up with a clear error.
 */
public final class OrToolsNatives {
    static final int ATTEMPTS = 3;

    private static volatile boolean loaded;

    private OrToolsNatives() {
    }

    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (OrToolsNatives.class) {
            if (loaded) {
                return;
            }
            boolean interrupted = false;
            try {
                for (int attempt = 1; attempt <= ATTEMPTS && !loaded; attempt++) {
                    interrupted |= Thread.interrupted(); // clear it: an interrupt closes the unpacking's file channels
                    Loader.loadNativeLibraries();
                    loaded = usable();
                }
            } finally {
                if (interrupted | Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!loaded) {
                throw new IllegalStateException("the OR-Tools native libraries could not be loaded after " + ATTEMPTS + " attempts");
            }
        }
    }

    /** True when a solver can be created, i.e. the natives are really bound. */
    private static boolean usable() {
        try {
            MPSolver probe = MPSolver.createSolver("GLOP");
            if (probe == null) {
                return false;
            }
            probe.delete();
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
