package com.gridpivot.optimization.solve;

import com.google.ortools.Loader;

/** Loads the OR-Tools native libraries exactly once per JVM, however many threads ask. */
public final class OrToolsNatives {
    private static volatile boolean loaded;

    private OrToolsNatives() {
    }

    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (OrToolsNatives.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
