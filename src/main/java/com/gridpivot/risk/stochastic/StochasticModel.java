package com.gridpivot.risk.stochastic;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.rows.CashRows.Term;
import java.util.List;

/**
 * A built two-stage LP. Owns the MPSolver: {@link #close()} deletes it.
 *
 * @param start   S[j][m], shared      @param retired R[i][m]     @param bought B[i][m] (row null: no purchases)
 * @param sold    T[m] or null         @param npv     npv[s]      @param cash   cash[s][m]
 * @param terms   the cash-flow terms of scenario s, month m: terms.get(s).get(m)
 * @param var     ζ (VaR) or null      @param shortfall u[s] or null
 */
public record StochasticModel(StochasticProblem problem, MPSolver solver, MPVariable[][] start, MPVariable[][] retired, MPVariable[][] bought,
                              MPVariable[] sold, MPVariable[] npv, MPVariable[][] cash, List<List<List<Term>>> terms, MPVariable var,
                              MPVariable[] shortfall, double buildMs)
        implements AutoCloseable {
    @Override
    public void close() {
        solver.delete();
    }
}
