package com.gridpivot.jobs;

/** What a running job may tell and ask its runner. */
public interface JobContext {
    long jobId();

    /** Records progress (0–100) in the job's row. */
    void progress(int percent);

    /** True once a cancel was requested. */
    boolean cancelled();

    /**
     * Registers what stops the current step (e.g. {@code MPSolver::interruptSolve}); null clears it. A cancel runs it at most
     * once, while it is registered, never after it was cleared.
     */
    void onCancel(Runnable interrupt);
}
