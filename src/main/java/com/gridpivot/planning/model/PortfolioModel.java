package com.gridpivot.planning.model;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.rows.AiBuildRows;
import com.gridpivot.lp.rows.CashRows.Term;
import com.gridpivot.lp.rows.FleetStockRows;
import com.gridpivot.planning.input.PortfolioProblem;
import java.util.List;

/**
 * A built portfolio plan LP with handles to each site's variables and the shared rows. Owns the MPSolver: {@link #close()}
 * deletes it.
 *
 * @param sites         each site's decisions and cash terms
 * @param sold          T[m] treasurySold of the company (null without treasury)
 * @param treasuryTerms the treasury's cash terms of each month (empty months without treasury)
 * @param cash          the consolidated cash[m]
 * @param capexBudget   capexBudget[y] rows (null entries: years without a budget)
 * @param crews         conversionCrews[m] rows, or null
 * @param moved         X[r][m] asicMoved of each relocation route (no rows without routes)
 */
public record PortfolioModel(PortfolioProblem problem, MPSolver solver, List<SiteModel> sites, MPVariable[] sold,
                             List<List<Term>> treasuryTerms, MPVariable[] cash, MPConstraint[] capexBudget, MPConstraint[] crews, MPVariable[][] moved,
                             double buildMs) implements AutoCloseable {

    /** One site's part of the LP: its name, its AI options' names, blocks, fleet stock, dispatch D[m][b][k], AI and cash terms. */
    public record SiteModel(String name, List<String> optionNames, List<List<MonthBlock>> blocks, FleetStockRows.Asic asic, MPVariable[][][] dispatch,
                            AiBuildRows.Ai ai, List<List<Term>> terms) {
    }

    @Override
    public void close() {
        solver.delete();
    }
}
