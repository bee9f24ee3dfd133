package com.gridpivot.planning.model;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.rows.AiContractRows;
import com.gridpivot.lp.rows.GpuLifeRows;
import com.gridpivot.lp.rows.TerminalValueRows;
import com.gridpivot.lp.rows.CashRows.Term;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import java.util.List;

/**
 * A built plan LP with handles to its variables and rows. Owns the MPSolver: {@link #close()} deletes it.
 *
 * @param kept      K[i][m] asicKept
 * @param retired   R[i][m] asicRetired
 * @param bought    B[i][m] asicBought (row null when the fleet cannot be bought)
 * @param dispatch  D[m][b][k] dispatch of the k-th active fleet of block b of month m
 * @param start     S[j][m] aiStart
 * @param reserved  W[j][m] aiReserved (started, building or online: holds site power)
 * @param online    O[j][m] aiOnline
 * @param sold      T[m] treasurySold (null without treasury)
 * @param cash      cash[m] cumulative cash at the end of month m
 * @param terms     the cash-flow terms of each month
 * @param contracts Sc, Ss and Os of the options with contract terms, or null when none has terms
 * @param terminal  the terminal value's terms (empty for NONE)
 * @param financing the financing sources' variables, the debt by month and the covenant rows
 * @param gpu       the GPU generations of the options with a GPU life, or null when none has one
 */
public record PlanModel(PlanProblem problem, FixedPlan fixed, MPSolver solver, List<List<MonthBlock>> blocks, MPVariable[][] kept,
                        MPVariable[][] retired, MPVariable[][] bought, MPVariable[][][] dispatch, MPVariable[][] start,
                        MPVariable[][] reserved, MPVariable[][] online, MPVariable[] sold, MPVariable[] cash,
                        MPConstraint[] cashBalance, List<List<Term>> terms, double buildMs,
                        AiContractRows.Contracts contracts, List<TerminalValueRows.Term> terminal,
                        PlanFinancingModel financing, GpuLifeRows.Gpu gpu) implements AutoCloseable {

    @Override
    public void close() {
        solver.delete();
    }
}
