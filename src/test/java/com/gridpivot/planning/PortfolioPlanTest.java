package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.RunControl;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PortfolioProblem;
import com.gridpivot.planning.input.PortfolioProblem.Site;
import com.gridpivot.planning.model.PlanModel;
import com.gridpivot.planning.model.PlanModelBuilder;
import com.gridpivot.planning.model.PortfolioModel;
import com.gridpivot.planning.model.PortfolioModelBuilder;
import com.gridpivot.planning.portfolio.PortfolioEngine;
import com.gridpivot.planning.portfolio.PortfolioResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Portfolio plans by hand (models/PLANS.md, Portfolios). Figures as in {@link PlanModelTest}: BTC 50,000 USD, hashprice 50
 * USD/PH/day, months Jan–Mar 2026 (744 + 672 + 744 = 2,160 h), r = 0 unless stated.
 */
class PortfolioPlanTest {
    private static final double EPS = 1e-4;

    /** A site without ASICs: AI "flat" at 120 USD/MWh (pue 1), at most 8 MW, capex 100,000 USD/MW at start, no lead time. */
    static PlanProblem aiSite(String name, double energyUsdPerMwh) {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': %s}, 'discountRate': 0},
                 'site': {'name': '%s', 'interconnectMw': 10},
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 120, 'maxItMw': 8, 'capexUsdPerMw': 100000, 'leadTimeMonths': 0}],
                 'startMonth': '2026-01', 'months': 3}""".formatted(Double.toString(D_STAR), Double.toString(energyUsdPerMwh), name)));
    }

    static PortfolioProblem twoSites(List<Double> budget, double crews) {
        return new PortfolioProblem(List.of(new Site("A", aiSite("A", 20.0)), new Site("B", aiSite("B", 60.0))), 2_000_000.0, 0.0, 0.0,
                budget, crews);
    }

    static double started(PortfolioResult r, int site, int month) {
        return r.sites().get(site).monthly().get(month).aiStartedMw().get("flat");
    }

    /*
     * Site A buys energy at 20 USD/MWh: AI margin 120 − 20 = 100 USD/MWh; site B at 60: margin 60. One MW started in Jan
     * earns its margin over 2,160 h and costs 100,000: A 100·2,160 − 100,000 = 116,000; B 60·2,160 − 100,000 = 29,600.
     * Started in Feb (1,416 h): A 141,600 − 100,000 = 41,600; B 84,960 − 100,000 = −15,040.
     * Shared budget of 1,000,000 USD in plan year 1 = 10 MW of capex: the better site first, A's 8 MW (its limit), then B's
     * 2 MW, all in Jan. NPV = 8·116,000 + 2·29,600 = 928,000 + 59,200 = 987,200; capex paid in Jan 1,000,000; cash after Jan
     * 2,000,000 − 1,000,000 + (8·100 + 2·60)·744 = 1,684,480.
     * Without the budget both sites build 8 MW: 928,000 + 8·29,600 = 1,164,800.
     */
    @Test
    void aSharedBudgetFundsTheBetterSiteFirst() {
        PortfolioResult r = PortfolioEngine.optimize(twoSites(List.of(1_000_000.0), Double.POSITIVE_INFINITY), RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.npvUsd()).isCloseTo(987_200.0, within(EPS));
        assertThat(started(r, 0, 0)).isCloseTo(8.0, within(1e-7));
        assertThat(started(r, 1, 0)).isCloseTo(2.0, within(1e-7));
        assertThat(r.sites().get(0).npvContributionUsd()).isCloseTo(928_000.0, within(EPS));
        assertThat(r.sites().get(1).npvContributionUsd()).isCloseTo(59_200.0, within(EPS));
        assertThat(r.sites().get(0).npvContributionUsd() + r.sites().get(1).npvContributionUsd() + r.treasuryNpvUsd())
                .isCloseTo(r.npvUsd(), within(1e-6));
        assertThat(r.monthly().get(0).capexPaidUsd()).isCloseTo(1_000_000.0, within(EPS));
        assertThat(r.monthly().get(0).cashUsd()).isCloseTo(1_684_480.0, within(EPS));
        assertThat(r.sites().get(1).monthly().get(2).aiOnlineMw().get("flat")).isCloseTo(2.0, within(1e-7));

        PortfolioResult free = PortfolioEngine.optimize(twoSites(List.of(), Double.POSITIVE_INFINITY), RunControl.NONE);
        assertThat(free.npvUsd()).isCloseTo(1_164_800.0, within(EPS));
        assertThat(started(free, 1, 0)).isCloseTo(8.0, within(1e-7));
    }

    /*
     * Crews of 5 MW a month company-wide, no budget: Jan's 5 MW go to A (116,000 each against B's 29,600); in Feb A's last
     * 3 MW still pay (41,600 each) and B's do not (−15,040). NPV = 5·116,000 + 3·41,600 = 580,000 + 124,800 = 704,800.
     */
    @Test
    void crewsLimitTheStartsCompanyWide() {
        PortfolioResult r = PortfolioEngine.optimize(twoSites(null, 5.0), RunControl.NONE);
        assertThat(r.npvUsd()).isCloseTo(704_800.0, within(EPS));
        assertThat(started(r, 0, 0)).isCloseTo(5.0, within(1e-7));
        assertThat(started(r, 0, 1)).isCloseTo(3.0, within(1e-7));
        assertThat(r.monthly().get(1).aiStartedMw()).isCloseTo(3.0, within(1e-7));
        assertThat(r.sites().get(1).npvContributionUsd()).isCloseTo(0.0, within(EPS));
    }

    /*
     * A portfolio of one site, sharing exactly the site's own cash, credit line and treasury, is the site's plan: a 6-month
     * plan at r = 8 % with a 5 MW S21 fleet (difficulty +1 % a month), AI "flat" with capex 150,000 USD/MW spread over a
     * 2-month lead time, starting cash 300,000 USD, credit line 200,000 USD, 3 BTC of treasury, the BTC price rising 30 % a year.
     * Same optimum (relative 1e-9) and the same decisions.
     */
    @Test
    void aPortfolioOfOneSiteIsTheSitesPlan() {
        PlanProblem p = problem(node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'annualGrowth': 0.3, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0.01,
                              'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 35}, 'discountRate': 0.08},
                 'site': {'name': 'solo', 'interconnectMw': 10, 'maxConversionMwPerMonth': 4},
                 'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 120, 'maxItMw': 10, 'capexUsdPerMw': 150000, 'leadTimeMonths': 2,
                                'capexTiming': 'SPREAD'}],
                 'finance': {'startingCashUsd': 300000, 'creditLineUsd': 200000, 'treasuryBtc': 3},
                 'startMonth': '2026-01', 'months': 6}""".formatted(Double.toString(D_STAR))));
        PortfolioProblem pp = new PortfolioProblem(List.of(new Site("solo", p)), p.startingCashUsd(), p.cashFloorUsd(), p.treasuryBtc(),
                null, Double.POSITIVE_INFINITY);
        try (PlanModel plan = PlanModelBuilder.build(p, null); PortfolioModel port = PortfolioModelBuilder.build(pp)) {
            SolveOutcome po = PlanSolver.solve(plan, RunControl.NONE).outcome();
            SolveOutcome qo = PortfolioEngine.solve(port, RunControl.NONE);
            assertThat(po.status().name()).isEqualTo("OPTIMAL");
            assertThat(qo.status().name()).isEqualTo("OPTIMAL");
            assertThat(po.objective()).isGreaterThan(1e5);
            assertThat(qo.objective()).isCloseTo(po.objective(), within(1e-9 * Math.abs(po.objective())));
            assertThat(port.solver().numVariables()).isEqualTo(plan.solver().numVariables());
            assertThat(port.solver().numConstraints()).isEqualTo(plan.solver().numConstraints());
            PortfolioModel.SiteModel site = port.sites().get(0);
            double aiStarted = 0.0;
            for (int m = 0; m < p.monthCount(); m++) {
                aiStarted += plan.start()[0][m].solutionValue();
                assertThat(site.ai().start()[0][m].solutionValue()).as("aiStart " + m).isCloseTo(plan.start()[0][m].solutionValue(), within(1e-6));
                assertThat(site.asic().retired()[0][m].solutionValue()).as("asicRetired " + m)
                        .isCloseTo(plan.retired()[0][m].solutionValue(), within(1e-6));
                assertThat(port.cash()[m].solutionValue()).as("cash " + m).isCloseTo(plan.cash()[m].solutionValue(), within(1e-3));
                if (plan.sold() != null) {
                    assertThat(port.sold()[m].solutionValue()).as("treasurySold " + m).isCloseTo(plan.sold()[m].solutionValue(), within(1e-6));
                }
            }
            assertThat(aiStarted).isGreaterThan(0.0);
            PortfolioResult r = PortfolioEngine.read(port, qo);
            assertThat(r.sites().get(0).npvContributionUsd() + r.treasuryNpvUsd()).isCloseTo(po.objective(), within(1e-6 * Math.abs(po.objective())));
        }
    }
}
