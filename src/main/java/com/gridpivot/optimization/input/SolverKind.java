package com.gridpivot.optimization.input;

/** The OR-Tools LP backends a request may choose. All three give correct duals. */
public enum SolverKind {
    /** Google's primal-dual simplex: exact vertex solutions, the default. */
    GLOP,
    /** COIN-OR CLP simplex. */
    CLP,
    /** First-order primal-dual hybrid gradient: for very large models; tolerances 1e-8 relative. */
    PDLP
}
