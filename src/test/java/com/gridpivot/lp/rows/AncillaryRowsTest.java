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
import com.gridpivot.optimization.input.Ancillary;
import com.gridpivot.optimization.input.FourCp;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.input.PowerContract;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.optimization.model.HourBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ancillary rows on the two-hour fixture (prices 20 and 40 USD/MWh; S21 5 MW IT at pue 1.1, margin 76 and 54 per MWh of IT):
 * minimumRunningMw 1.1 of L̄ = min(1.1 · 5, 10) = 5.5 MW → α = 1 − 1.1 / 5.5 = 0.8; ECRS at 3 and 7 USD per MW-h; ERS_10 over
 * [0, 2) at 4 USD per MW-h, deployed in hour 1 with probability 0.5.
 */
class AncillaryRowsTest {
    static AllocationProblem problem() {
        AllocationProblem base = RowFixtures.whatIf(HourAggregation.NONE);
        Ancillary a = new Ancillary(1.1, 1.0, List.of(
                new Ancillary.Service(Ancillary.Type.ECRS, new double[] {3.0, 7.0}, List.of(), List.of()),
                new Ancillary.Service(Ancillary.Type.ERS_10, null, List.of(new Ancillary.Period(0, 2, 4.0)),
                        List.of(new Ancillary.Deployment(1, 2, 0.5)))));
        return new AllocationProblem(base.site(), base.fleets(), base.aiOptions(), base.priceUsdPerMwh(), base.hashpriceUsdPerPhDay(),
                base.discountRate(), base.capexRecoveryYears(), base.solver(), base.hourAggregation(), base.timeLimitSeconds(),
                PowerContract.INDEX, FourCp.NONE, a);
    }

    /**
     * D = 5 MW in hour 0 and 4 in hour 1; z_ECRS = 1 and 0.5; e = 2; c = 1 / 1.1.
     * ancillaryCapacityMw[h00000] = 1 + 2 − 0.8 · 1.1 · 5 = −1.4 ≤ 0; [h00001] = 0.5 + 2 − 0.88 · 4 = −1.02 ≤ 0.
     * deploymentMw[h00001] = 1.1 · c − 0 · 0.5 − 0.5 · 2 = 0 (ECRS is not deployed in hour 1, ERS half the hour);
     * deployedLimit[S21,h00001] = c − 4 = 1/1.1 − 4 ≤ 0; ersProgramCapUsd = 4 · 2 · e = 16 ≤ 50,000,000 · 2 / 8760.
     * Objective: z 3 and 7, e 4 · 2 = 8, c −54 (the margin of hour 1).
     */
    @Test
    void rowsAndObjectiveByHand() {
        AllocationProblem p = problem();
        assertThat(p.ancillaryOfferShare()).isCloseTo(0.8, within(1e-15));
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            List<HourBlock> blocks = List.of(new HourBlock("h00000", new int[] {0}, new int[] {0}, new double[] {76.0}),
                    new HourBlock("h00001", new int[] {1}, new int[] {0}, new double[] {54.0}));
            MPVariable[][] d = {{Lp.var(s, 0, 5, "d0")}, {Lp.var(s, 0, 5, "d1")}};
            s.objective().setMaximization();
            AncillaryRows.Vars v = AncillaryRows.add(s, p, blocks, d);
            fix(d[0][0], 5.0);
            fix(d[1][0], 4.0);
            fix(v.offered()[0][0], 1.0);
            fix(v.offered()[1][0], 0.5);
            fix(v.ers()[0][0], 2.0);
            assertThat(v.deployed()[0]).isNull();
            fix(v.deployed()[1][0], 1.0 / 1.1);
            assertRow(s, "ancillaryCapacityMw[h00000]", 1.0 + 2.0 - 0.8 * 1.1 * 5.0, Double.NEGATIVE_INFINITY, 0.0);
            assertRow(s, "ancillaryCapacityMw[h00001]", 0.5 + 2.0 - 0.8 * 1.1 * 4.0, Double.NEGATIVE_INFINITY, 0.0);
            assertRow(s, "deploymentMw[h00001]", 0.0, 0.0, 0.0);
            assertRow(s, "deployedLimit[S21,h00001]", 1.0 / 1.1 - 4.0, Double.NEGATIVE_INFINITY, 0.0);
            assertRow(s, "ersProgramCapUsd", 16.0, Double.NEGATIVE_INFINITY, 50_000_000.0 * 2 / 8760);
            assertThat(v.offered()[0][0].name()).isEqualTo("ancillaryMw[ECRS,h00000]");
            assertThat(v.ers()[0][0].name()).isEqualTo("ersMw[ERS_10,q0]");
            assertThat(s.objective().getCoefficient(v.offered()[0][0])).isEqualTo(3.0);
            assertThat(s.objective().getCoefficient(v.offered()[1][0])).isEqualTo(7.0);
            assertThat(s.objective().getCoefficient(v.ers()[0][0])).isEqualTo(8.0);
            assertThat(s.objective().getCoefficient(v.deployed()[1][0])).isCloseTo(-54.0, within(1e-12));
            assertFeasible(s);
            AncillaryRows.Totals totals = AncillaryRows.totals(p, blocks, v);
            // revenue 1·3 + 0.5·7 + 2·4·2 = 22.5; deployment cost 54 / 1.1; ERS deployed 2 · 0.5 = 1 MWh
            assertThat(totals.revenueUsd()).isCloseTo(22.5, within(1e-9));
            assertThat(totals.deploymentCostUsd()).isCloseTo(54.0 / 1.1, within(1e-9));
            assertThat(totals.services().get("ERS_10").expectedDeployedMwh()).isCloseTo(1.0, within(1e-9));
            assertThat(totals.services().get("ECRS").offeredMwh()).isCloseTo(1.5, within(1e-9));
        } finally {
            s.delete();
        }
    }
}
