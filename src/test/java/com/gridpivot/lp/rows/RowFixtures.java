package com.gridpivot.lp.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.AllocationProblem.SiteSpec;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.model.HourBlock;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.CapexTiming;
import com.gridpivot.planning.input.PlanProblem.HourModel;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.model.MonthBlock;
import java.time.YearMonth;
import java.util.List;

/**
 * One-block models for the row-group tests, in the style of a constraint verifier: build one group, fix its variables
 * (lo = hi), and compare each row's activity and bounds with a hand calculation.
 *
 * <p>Figures. Fleet "S21": 1,600 units × 150 TH/s × 3,125 W → cap 5 MW, e = 3125/150 J/TH, 24e = 500; at hashprice 50
 * USD/PH/day revenue 50·1000/500 = 100 USD/MWh; pue 1.1, no pool fee, varOpex 2 USD/MWh, fixed opex 8,760 USD/MW-year
 * (1 USD per MW-hour). AI "H100": 120 USD/MWh, pue 1.2, maxItMw 8, capex 1,000,000 USD/MW, varOpex 3 USD/MWh, fixed 17,520
 * USD/MW-year (2 USD per MW-hour). Two hours at 20 and 40 USD/MWh.
 */
final class RowFixtures {
    static final FleetSpec S21 = new FleetSpec("S21", null, 1600, 150, 3125, 1.1, 0.0, 2.0, 8760.0);
    static final AiOptionSpec H100 = new AiOptionSpec("H100", null, RevenueBasis.FLAT_PER_MWH, 120.0, false, 1.2, 8.0, 1_000_000.0, 3.0,
            17_520.0);

    private RowFixtures() {
    }

    /** Site: interconnect 10 MW, AI between 1 and 6 MW, capex budget 5,000,000 USD; r = 0, recovery 5 years (CRF 0.2). */
    static AllocationProblem whatIf(HourAggregation aggregation) {
        return new AllocationProblem(new SiteSpec("t", 10.0, 6.0, 1.0, 5_000_000.0), List.of(S21), List.of(H100), new double[] {20.0, 40.0},
                new double[] {50.0, 50.0}, 0.0, 5, SolverKind.GLOP, aggregation, 10.0);
    }

    /** One block of both hours, fleet S21 active, margin sum (100 − 1.1·20 − 2) + (100 − 1.1·40 − 2) = 76 + 54 = 130. */
    static HourBlock block() {
        return new HourBlock("b000", new int[] {0, 1}, new int[] {0}, new double[] {130.0});
    }

    /**
     * Two months from 2026-01 of two hours each: Jan at 20 and 40 USD/MWh and BTC 50,000 USD, Feb at 30 and 30 and BTC
     * 60,000 USD; hashprice 50. Interconnect 10 MW, most AI 6 MW, contract 1 MW from Feb, at most 4 MW started a month,
     * starting cash 1,000,000 USD, credit line 500,000 USD, treasury 10 BTC, r = 12 %. S21 salvage 100,000 and new 300,000
     * USD/MW; H100 lead time 2 months, capex spread, no rate decline.
     */
    static PlanProblem plan() {
        List<MonthData> months = List.of(
                new MonthData(YearMonth.of(2026, 1), new double[] {20.0, 40.0}, new double[] {50.0, 50.0}, 50_000.0, new double[] {0.0, 0.0}),
                new MonthData(YearMonth.of(2026, 2), new double[] {30.0, 30.0}, new double[] {50.0, 50.0}, 60_000.0, new double[] {0.0, 0.0}));
        return new PlanProblem(YearMonth.of(2026, 1), months, 10.0, 6.0, 1.0, 1, 4.0, List.of(new PlanFleet(S21, 100_000.0, 300_000.0)),
                List.of(new PlanOption(H100, 2, CapexTiming.SPREAD, 0.0)), 1_000_000.0, -500_000.0, 10.0, 0.12, SolverKind.GLOP,
                HourModel.EXACT_BLOCKS, 10.0);
    }

    /** The plan of {@link #plan()} with these financing sources and covenants. */
    static PlanProblem plan(com.gridpivot.planning.input.PlanFinancing financing) {
        PlanProblem b = plan();
        return new PlanProblem(b.startMonth(), b.months(), b.interconnectMw(), b.maxAiItMw(), b.minAiItMw(), b.minAiFromIndex(),
                b.maxConversionMwPerMonth(), b.fleets(), b.options(), b.startingCashUsd(), 0.0, b.treasuryBtc(), b.discountRate(), b.solver(),
                b.hourModel(), b.timeLimitSeconds(), List.of(), PlanProblem.TerminalValue.NONE, financing);
    }

    /** One block per month of both hours with S21 active: revenue 200, energy 1.1·60 = 66 (both months), varOpex 4. */
    static List<List<MonthBlock>> planBlocks() {
        MonthBlock b = new MonthBlock("b000", 2, new int[] {0}, new double[] {200.0}, new double[] {66.0}, new double[] {4.0});
        return List.of(List.of(b), List.of(b));
    }

    static void fix(MPVariable v, double value) {
        v.setBounds(value, value);
    }

    /** Σ a·v over the row, v at its (fixed) lower bound. */
    static double activity(MPSolver s, MPConstraint row) {
        double sum = 0.0;
        for (MPVariable v : s.variables()) {
            sum += row.getCoefficient(v) * v.lb();
        }
        return sum;
    }

    static MPConstraint row(MPSolver s, String name) {
        for (MPConstraint c : s.constraints()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no row " + name);
    }

    /** The row's activity and bounds. */
    static void assertRow(MPSolver s, String name, double activity, double lb, double ub) {
        MPConstraint row = row(s, name);
        assertThat(activity(s, row)).as(name + " activity").isCloseTo(activity, within(1e-9 * Math.max(1.0, Math.abs(activity))));
        assertThat(row.lb()).as(name + " lower bound").isEqualTo(lb);
        assertThat(row.ub()).as(name + " upper bound").isEqualTo(ub);
    }

    /** Every fixed variable and row holds: the solver finds the fixed point feasible. */
    static void assertFeasible(MPSolver s) {
        assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
    }
}
