package com.gridpivot.optimization;

import com.gridpivot.optimization.input.SolverKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Solver settings ({@code gridpivot.solver.*}). */
@ConfigMapping(prefix = "gridpivot.solver")
public interface SolverConfig {
    /** The LP backend when a request names none. */
    @WithName("default")
    @WithDefault("GLOP")
    SolverKind defaultSolver();

    /** Wall-clock limit of one what-if solve, and the most a request may ask for, seconds. */
    @WithDefault("60")
    double timeLimitSeconds();

    /** Most ASIC fleets one what-if may hold. */
    @WithName("max-fleets")
    @WithDefault("100")
    int maxFleets();

    /** Most AI options one what-if may hold. */
    @WithName("max-ai-options")
    @WithDefault("50")
    int maxAiOptions();

    /**
     * The memory guard: most bytes one model may take (estimated before it is built, lp.ModelSize: 600 bytes per row, column
     * and non-zero); a request over it is refused with a 400 naming the size and what to change. 0 turns the guard off.
     */
    @WithName("max-model-bytes")
    @WithDefault("1073741824")
    long maxModelBytes();
}
