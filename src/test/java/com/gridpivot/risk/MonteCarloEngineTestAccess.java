package com.gridpivot.risk;

import com.gridpivot.planning.input.PlanProblem;

/** The Monte Carlo tests' fixtures, for the tests of other packages. */
public final class MonteCarloEngineTestAccess {
    private MonteCarloEngineTestAccess() {
    }

    public static PlanProblem twelveMonths() {
        return MonteCarloEngineTest.twelveMonths();
    }
}
