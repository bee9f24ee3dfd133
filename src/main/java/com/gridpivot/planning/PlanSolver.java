package com.gridpivot.planning;

import com.gridpivot.lp.LpSolver;
import com.gridpivot.lp.RunControl;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.lp.SolveProgress;
import com.gridpivot.planning.model.PlanModel;

/** Solves a plan model with the shared {@link LpSolver} (status confirmation, time limit, verification), interruptibly. */
public final class PlanSolver {
    /** Rows hold dollars in the 1e9 range (cash) next to MW: an absolute tolerance scaled to that. */
    public static final double FEASIBILITY_TOLERANCE = 1e-4;

    private PlanSolver() {
    }

    public static PlanSolveOutcome solve(PlanModel model, RunControl control) {
        control.solving(model.solver());
        try (SolveProgress clock = SolveProgress.start(control, model.problem().timeLimitSeconds())) {
            SolveOutcome o = LpSolver.solve(model.solver(), model.problem().solver(), model.problem().timeLimitSeconds(), FEASIBILITY_TOLERANCE);
            return new PlanSolveOutcome(model, o, control.cancelled());
        } finally {
            control.solving(null);
        }
    }
}
