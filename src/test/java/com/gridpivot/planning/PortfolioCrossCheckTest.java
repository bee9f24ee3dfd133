package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PortfolioProblem;
import com.gridpivot.planning.input.PortfolioProblem.Site;
import com.gridpivot.planning.portfolio.PortfolioEngine;
import com.gridpivot.planning.portfolio.PortfolioResult;
import com.gridpivot.testdata.Highs;
import com.gridpivot.testdata.PlanProblemJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The portfolio plan LP (GLOP, merged blocks) against the `portfolio` mode of models/crosscheck/plan_highs.py (the sites'
 * naive hourly models joined by the shared rows written from models/PLANS.md, Portfolios, solved by HiGHS): the optimal
 * consolidated NPV to 1e-6 relative, on a case whose optimum uses the shared capex budget and the crews.
 */
class PortfolioCrossCheckTest {

    static PlanProblem site(String name, double energy, boolean fleet) {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'annualGrowth': 0.3, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0.03,
                                      'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': %s}, 'discountRate': 0.1},
                 'site': {'name': '%s', 'interconnectMw': 10, 'maxConversionMwPerMonth': 5},
                 %s
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 120, 'maxItMw': 8, 'capexUsdPerMw': 100000, 'leadTimeMonths': 1}],
                 'startMonth': '2026-01', 'months': 4}""".formatted(Double.toString(D_STAR), Double.toString(energy), name,
                fleet ? "'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}]," : "")));
    }

    @Test
    void sharedBudgetAndCrewsAgreeWithHighs() throws Exception {
        Highs.requirePython();
        PortfolioProblem pp = new PortfolioProblem(List.of(new Site("A", site("A", 30.0, true)), new Site("B", site("B", 50.0, false))),
                300_000.0, -400_000.0, 2.0, List.of(900_000.0), 6.0);
        PortfolioResult r = PortfolioEngine.optimize(pp, RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        double capex = r.monthly().stream().mapToDouble(PortfolioResult.PortfolioMonth::capexPaidUsd).sum();
        assertThat(capex).as("the budget binds").isCloseTo(900_000.0, within(1e-3));
        assertThat(r.monthly().stream().mapToDouble(PortfolioResult.PortfolioMonth::aiStartedMw).max().orElseThrow())
                .as("the crews bind in some month").isCloseTo(6.0, within(1e-6));

        Map<String, Object> portfolio = new LinkedHashMap<>();
        portfolio.put("sites", pp.sites().stream().map(s -> PlanProblemJson.toMap(s.plan(), null)).toList());
        portfolio.put("startingCashUsd", pp.startingCashUsd());
        portfolio.put("cashFloorUsd", pp.cashFloorUsd());
        portfolio.put("treasuryBtc", pp.treasuryBtc());
        portfolio.put("capexBudgetUsdByYear", pp.capexBudgetUsdByYear());
        portfolio.put("crewMwPerMonth", pp.crewMwPerMonth());
        Path file = Path.of("target/crosscheck-portfolio.json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().writeValue(file.toFile(), Map.of("portfolio", portfolio));
        JsonNode highs = Highs.solvePlan(file);
        assertThat(highs.path("status").asText()).isEqualTo("OPTIMAL");
        assertThat(r.npvUsd()).isCloseTo(highs.path("objective").asDouble(), within(1e-6 * Math.abs(r.npvUsd())));
    }

    /** A site at `energy` USD/MWh with an S21 fleet of `units` machines (0: a receiving fleet) and the AI option. */
    static PlanProblem fleetSite(String name, double energy, int units) {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'annualGrowth': 0.3, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0.03,
                                      'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': %s}, 'discountRate': 0.1},
                 'site': {'name': '%s', 'interconnectMw': 10, 'maxConversionMwPerMonth': 5},
                 'asicFleets': [{'name': 'S21', 'units': %d, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 120, 'maxItMw': 8, 'capexUsdPerMw': 100000, 'leadTimeMonths': 1}],
                 'startMonth': '2026-01', 'months': 4}""".formatted(Double.toString(D_STAR), Double.toString(energy), name, units)));
    }

    /**
     * Site A (60 USD/MWh, 1,600 S21 = 5 MW) may move its fleet to B (25 USD/MWh, no machines yet) at 0.50 USD per TH/s
     * (24,000 USD per MW) with one month of downtime; B also builds AI under the shared budget: the optimum moves MW, and the
     * consolidated NPV agrees with HiGHS's.
     */
    @Test
    void relocationAgreesWithHighs() throws Exception {
        PortfolioProblem pp = new PortfolioProblem(List.of(new Site("A", fleetSite("A", 60.0, 1600)), new Site("B", fleetSite("B", 25.0, 0))),
                300_000.0, -400_000.0, 0.0, List.of(500_000.0), Double.POSITIVE_INFINITY,
                List.of(new PortfolioProblem.Relocation(0, 0, 1, 0, 0.5 * 48_000.0, 1)));
        PortfolioResult r = PortfolioEngine.optimize(pp, RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        double moved = r.relocations().stream().mapToDouble(PortfolioResult.PortfolioMove::movedMw).sum();
        assertThat(moved).as("the fleet moves").isGreaterThan(1.0);

        Map<String, Object> portfolio = new LinkedHashMap<>();
        portfolio.put("sites", pp.sites().stream().map(s -> PlanProblemJson.toMap(s.plan(), null)).toList());
        portfolio.put("startingCashUsd", pp.startingCashUsd());
        portfolio.put("cashFloorUsd", pp.cashFloorUsd());
        portfolio.put("treasuryBtc", pp.treasuryBtc());
        portfolio.put("capexBudgetUsdByYear", pp.capexBudgetUsdByYear());
        portfolio.put("relocations", pp.relocations().stream().map(x -> Map.of("fromSite", x.fromSite(), "fromFleet", x.fromFleet(),
                "toSite", x.toSite(), "toFleet", x.toFleet(), "costUsdPerMw", x.costUsdPerMw(), "downtimeMonths", x.downtimeMonths())).toList());
        Path file = Path.of("target/crosscheck-portfolio-relocation.json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().writeValue(file.toFile(), Map.of("portfolio", portfolio));
        JsonNode highs = Highs.solvePlan(file);
        assertThat(highs.path("status").asText()).isEqualTo("OPTIMAL");
        assertThat(r.npvUsd()).isCloseTo(highs.path("objective").asDouble(), within(1e-6 * Math.abs(r.npvUsd())));
        double highsMoved = 0.0;
        for (JsonNode v : highs.path("movedMw").path(0)) {
            highsMoved += v.asDouble();
        }
        assertThat(moved).isCloseTo(highsMoved, within(1e-5));
    }
}
