package com.gridpivot.lp.rows;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PortfolioProblem;
import com.gridpivot.planning.input.PortfolioProblem.Relocation;
import com.gridpivot.planning.input.PortfolioProblem.Site;
import com.gridpivot.planning.model.PortfolioModel;
import com.gridpivot.planning.model.PortfolioModelBuilder;
import com.gridpivot.planning.portfolio.PortfolioEngine;
import com.gridpivot.planning.portfolio.PortfolioResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ASIC relocation by hand (issue 19: "a relocation that pays only when the destination's energy is cheaper by more than
 * the move costs"). Two sites, Jan–Mar 2026 (744 + 672 + 744 = 2,160 h), r = 0, BTC 50,000 USD, 10⁻⁶ BTC per TH/s per day:
 * hashprice 50 USD/PH/day. Fleet "S": 120 TH/s and 2,500 W a machine, J/TH = 2,500/120 = 20.8333, pue 1, no pool fee:
 * revenue 50·1,000/(24·20.8333) = 100 USD/MWh; 10⁶/20.8333 = 48,000 TH/s per MW. Site A: energy 90 USD/MWh (margin 10),
 * 1,000 machines = 2.5 MW. Site B: energy 40 USD/MWh (margin 60), the same machine with 0 units (the receiving fleet).
 */
public class AsicRelocationRowsTest {
    private static final double EPS = 1e-4;

    public static PlanProblem site(String name, double energyUsdPerMwh, double units, double interconnectMw) {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': %s}, 'discountRate': 0},
                 'site': {'name': '%s', 'interconnectMw': %s},
                 'asicFleets': [{'name': 'S', 'units': %s, 'hashrateThPerUnit': 120, 'powerWPerUnit': 2500}],
                 'startMonth': '2026-01', 'months': 3}""".formatted(Double.toString(D_STAR), Double.toString(energyUsdPerMwh), name,
                Double.toString(interconnectMw), Double.toString(units))));
    }

    /** A to B at costUsdPerTh (× 48,000 TH/s per MW) and downtime d; B's interconnect interconnectB. */
    static PortfolioResult run(double costUsdPerTh, int downtimeMonths, double interconnectB) {
        PortfolioProblem pp = new PortfolioProblem(List.of(new Site("A", site("A", 90.0, 1000, 10)), new Site("B", site("B", 40.0, 0, interconnectB))),
                0.0, Double.NEGATIVE_INFINITY, 0.0, List.of(), Double.POSITIVE_INFINITY,
                List.of(new Relocation(0, 0, 1, 0, costUsdPerTh * 48_000.0, downtimeMonths)));
        PortfolioResult r = PortfolioEngine.optimize(pp, RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        return r;
    }

    /*
     * Staying: A runs 2.5 MW all 2,160 h at a margin of 10: 2.5·10·2,160 = 54,000 USD.
     * Moving one MW in Jan with one month of downtime: A loses 10·2,160 = 21,600, B gains 60·(672 + 744) = 84,960: +63,360
     * before the move. (In Feb, arriving in Mar: −10·1,416 + 60·744 = 30,480, less.) At 1.00 USD/TH the move costs 48,000 per
     * MW < 63,360: all 2.5 MW move in Jan. NPV = 2.5·(84,960 − 48,000) = 92,400 = 54,000 + 2.5·15,360; B pays the 120,000.
     */
    @Test
    void aMoveToCheaperEnergyPaysWhenTheGainExceedsItsCost() {
        PortfolioResult r = run(1.00, 1, 10.0);
        assertThat(r.npvUsd()).isCloseTo(92_400.0, within(EPS));
        assertThat(r.relocations()).hasSize(1);
        PortfolioResult.PortfolioMove move = r.relocations().get(0);
        assertThat(move.month()).isEqualTo("2026-01");
        assertThat(move.arrivalMonth()).isEqualTo("2026-02");
        assertThat(move.fromSite() + "→" + move.toSite()).isEqualTo("A→B");
        assertThat(move.movedMw()).isCloseTo(2.5, within(1e-7));
        assertThat(move.movedTh()).isCloseTo(120_000.0, within(1e-3));
        assertThat(move.costUsd()).isCloseTo(120_000.0, within(EPS));
        // in transit in Jan: installed at neither site; from Feb at B
        assertThat(r.sites().get(0).monthly().get(0).miningMw()).isCloseTo(0.0, within(1e-7));
        assertThat(r.sites().get(1).monthly().get(0).miningMw()).isCloseTo(0.0, within(1e-7));
        assertThat(r.sites().get(1).monthly().get(1).miningMw()).isCloseTo(2.5, within(1e-7));
        assertThat(r.sites().get(0).npvContributionUsd()).isCloseTo(0.0, within(EPS));
        assertThat(r.sites().get(1).npvContributionUsd()).isCloseTo(92_400.0, within(EPS));
        assertThat(r.sites().get(1).monthly().get(0).cashFlowUsd()).isCloseTo(-120_000.0, within(EPS));
    }

    /* At 1.50 USD/TH a move costs 72,000 per MW > 63,360 (Jan) and > 30,480 (Feb): the fleet stays. NPV 54,000. */
    @Test
    void aMoveThatCostsMoreThanTheCheaperEnergyGainsDoesNotHappen() {
        PortfolioResult r = run(1.50, 1, 10.0);
        assertThat(r.npvUsd()).isCloseTo(54_000.0, within(EPS));
        assertThat(r.relocations()).isEmpty();
        assertThat(r.sites().get(0).monthly().get(2).miningMw()).isCloseTo(2.5, within(1e-7));
    }

    /*
     * The downtime is what made 1.50 USD/TH too dear: without downtime one MW moved in Jan gains (90 − 40)·2,160 = 108,000,
     * the energy price difference over the horizon, > 72,000: all move. NPV = 2.5·(60·2,160 − 72,000) = 2.5·57,600 = 144,000.
     */
    @Test
    void withoutDowntimeTheEnergyDifferenceAlonePaysForTheMove() {
        PortfolioResult r = run(1.50, 0, 10.0);
        assertThat(r.npvUsd()).isCloseTo(144_000.0, within(EPS));
        assertThat(r.relocations().get(0).arrivalMonth()).isEqualTo("2026-01");
        assertThat(r.sites().get(1).monthly().get(0).miningMw()).isCloseTo(2.5, within(1e-7));
    }

    /*
     * Within the destination's interconnect: B has 1 MW. A second MW at B could not run, so only 1 MW moves (in Jan, at
     * 1.00 USD/TH): NPV = 54,000 − 21,600 + (84,960 − 48,000) = 69,360.
     */
    @Test
    void movesStayWithinTheDestinationsInterconnect() {
        PortfolioResult r = run(1.00, 1, 1.0);
        assertThat(r.npvUsd()).isCloseTo(69_360.0, within(EPS));
        assertThat(r.relocations()).hasSize(1);
        assertThat(r.relocations().get(0).movedMw()).isCloseTo(1.0, within(1e-7));
    }

    /*
     * The rows: asicMoved[A,S,B,m] enters asicBalance[A,S,m] with +1 and asicBalance[B,S,m+1] with −1 (downtime 1); the last
     * month's move would arrive after the horizon: bound to 0. B's receiving fleet (0 units, no purchases) is unbounded above.
     */
    @Test
    void theMoveLeavesTheOriginsBalanceAndJoinsTheDestinationsAfterTheDowntime() {
        PortfolioProblem pp = new PortfolioProblem(List.of(new Site("A", site("A", 90.0, 1000, 10)), new Site("B", site("B", 40.0, 0, 10))),
                0.0, Double.NEGATIVE_INFINITY, 0.0, List.of(), Double.POSITIVE_INFINITY, List.of(new Relocation(0, 0, 1, 0, 48_000.0, 1)));
        try (PortfolioModel model = PortfolioModelBuilder.build(pp)) {
            var jan = model.solver().lookupVariableOrNull("asicMoved[A,S,B,2026-01]");
            var mar = model.solver().lookupVariableOrNull("asicMoved[A,S,B,2026-03]");
            assertThat(jan).isNotNull();
            assertThat(model.solver().lookupConstraintOrNull("asicBalance[A,S,2026-01]").getCoefficient(jan)).isEqualTo(1.0);
            assertThat(model.solver().lookupConstraintOrNull("asicBalance[B,S,2026-02]").getCoefficient(jan)).isEqualTo(-1.0);
            assertThat(model.solver().lookupConstraintOrNull("asicBalance[B,S,2026-01]").getCoefficient(jan)).isEqualTo(0.0);
            assertThat(mar.ub()).isEqualTo(0.0);
            assertThat(model.solver().lookupVariableOrNull("asicKept[B,S,2026-02]").ub()).isGreaterThan(1e20);
        }
    }
}
