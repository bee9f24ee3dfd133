package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.PowerContract;
import com.gridpivot.optimization.input.PowerContract.FixedPriceBlock;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.model.HourBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Power contract rows on the two-hour fixture (prices 20 and 40 USD/MWh): a block of 3 MW at 25 USD/MWh in both hours with a
 * minimum take of 2 MW, and a second block of 1 MW at 50 USD/MWh in hour 1 only.
 */
class PowerContractRowsTest {
    static AllocationProblem problem() {
        AllocationProblem base = RowFixtures.whatIf(HourAggregation.NONE);
        PowerContract c = new PowerContract(PowerContract.Kind.FIXED_PRICE_BLOCKS,
                List.of(new FixedPriceBlock(3.0, 25.0, 0, 2, 2.0), new FixedPriceBlock(1.0, 50.0, 1, 2, 0.0)), 0.0);
        return new AllocationProblem(base.site(), base.fleets(), base.aiOptions(), base.priceUsdPerMwh(), base.hashpriceUsdPerPhDay(),
                base.discountRate(), base.capexRecoveryYears(), base.solver(), base.hourAggregation(), base.timeLimitSeconds(), c);
    }

    /**
     * minimumTakeMw[h]: D at pue 1.1 plus the H100's y at pue 1.2 (the site pays its power) ≥ 2 MW in both hours.
     * D = 1, y = 0.5 → 1.1 + 0.6 = 1.7 in hour 0 (the row's lower bound 2 is not met: the activity is what is checked);
     * objective offset = hedge = 3·(20 − 25) + 3·(40 − 25) + 1·(40 − 50) = −15 + 45 − 10 = 20 USD.
     */
    @Test
    void minimumTakeRowsAndTheHedge() {
        AllocationProblem p = problem();
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            List<HourBlock> blocks = List.of(new HourBlock("h00000", new int[] {0}, new int[] {0}, new double[] {76.0}),
                    new HourBlock("h00001", new int[] {1}, new int[] {0}, new double[] {54.0}));
            MPVariable[][] d = {{Lp.var(s, 0, 5, "d0")}, {Lp.var(s, 0, 5, "d1")}};
            MPVariable[] y = AiBuildRows.addAiItMw(s, p);
            PowerContractRows.add(s, p, blocks, d, y);
            fix(d[0][0], 1.0);
            fix(d[1][0], 2.0);
            fix(y[0], 0.5);
            assertRow(s, "minimumTakeMw[h00000]", 1.1 * 1.0 + 1.2 * 0.5, 2.0, Double.POSITIVE_INFINITY);
            assertRow(s, "minimumTakeMw[h00001]", 1.1 * 2.0 + 1.2 * 0.5, 2.0, Double.POSITIVE_INFINITY);
            assertThat(s.objective().offset()).isCloseTo(20.0, within(1e-12));
            fix(d[0][0], 2.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }

    /**
     * Split with bought load 2.5 MW in hour 0 and 3.5 MW in hour 1 (blocks used in request order). Hour 0: block 1 u = 2.5,
     * s = 0.5 at spread 20 − 25 = −5 → credits −2.5, savings −12.5. Hour 1: block 1 u = 3 (spread 15) → savings 45, block 2
     * u = 0.5, s = 0.5 (spread −10) → savings −5, credits −5. Credits −7.5, savings 27.5; sum 20 = the hedge.
     */
    @Test
    void splitIntoCreditsAndSavings() {
        PowerContractRows.Split split = PowerContractRows.split(problem(), new double[] {2.5, 3.5});
        assertThat(split.creditsUsd()).isCloseTo(-7.5, within(1e-12));
        assertThat(split.savingsUsd()).isCloseTo(27.5, within(1e-12));
        assertThat(split.resoldMwh()).isCloseTo(1.0, within(1e-12));
        assertThat(split.usedMwh()).isCloseTo(6.0, within(1e-12));
        assertThat(split.creditsUsd() + split.savingsUsd()).isCloseTo(PowerContractRows.hedgeUsd(problem()), within(1e-12));
    }
}
