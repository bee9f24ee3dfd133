package com.gridpivot.planning;

import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.planning.model.PlanModel;

/** A solved plan model (still owning its MPSolver) and how the solve went. */
public record PlanSolveOutcome(PlanModel model, SolveOutcome outcome, boolean interrupted) {
}
