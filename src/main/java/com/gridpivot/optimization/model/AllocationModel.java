package com.gridpivot.optimization.model;

import com.gridpivot.lp.rows.AncillaryRows;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.AllocationProblem;
import java.util.List;

/**
 * A built allocation LP and the handles to read it back. Owns native memory: close it (it calls
 * {@link MPSolver#delete()}).
 *
 * @param problem       the inputs it was built from
 * @param solver        the OR-Tools solver holding the model
 * @param blocks        the hour blocks, one interconnect row each
 * @param deployed      xᵢ per fleet, or null where the fleet has no fixed opex (then Dᵢ is bounded by capᵢ directly)
 * @param aiIt          yⱼ per AI option
 * @param dispatch      D[b][k] for the k-th active fleet of block b
 * @param interconnect  interconnect[b] rows
 * @param aiTotal       the row minAiItMw ≤ Σⱼ yⱼ ≤ maxAiItMw, or null when neither limit applies
 * @param capexBudget   the row Σⱼ capexⱼ yⱼ ≤ capexBudgetUsd, or null when there is no budget
 * @param ancillary     the ancillary services' variables, or null when none are offered
 * @param buildMs       time to build, ms
 */
public record AllocationModel(
        AllocationProblem problem,
        MPSolver solver,
        List<HourBlock> blocks,
        MPVariable[] deployed,
        MPVariable[] aiIt,
        MPVariable[][] dispatch,
        MPConstraint[] interconnect,
        MPConstraint aiTotal,
        MPConstraint capexBudget,
        AncillaryRows.Vars ancillary,
        double buildMs) implements AutoCloseable {

    @Override
    public void close() {
        solver.delete();
    }
}
