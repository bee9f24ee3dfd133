package com.gridpivot.api;

import static com.gridpivot.jobs.JobPolling.poll;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.gridpivot.planning.PlanTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portfolio plan run over HTTP: 202 + Location, the hand-computed result, and problem+json naming the site's field. */
@QuarkusTest
public class PortfolioResourceTest {

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /** PortfolioPlanTest.aSharedBudgetFundsTheBetterSiteFirst over HTTP: sites A (20 USD/MWh) and B (60), budget 1,000,000 USD. */
    static String body(String interconnectB) {
        return """
                {"scenario": {"btc": {"priceUsd": 50000, "startDifficulty": %s, "difficultyGrowthPerMonth": 0, "feesBtcPerBlock": 0},
                              "energy": {"flatPriceUsdPerMwh": 20}, "discountRate": 0},
                 "sites": [
                   {"name": "A", "interconnectMw": 10,
                    "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 8, "capexUsdPerMw": 100000, "leadTimeMonths": 0}]},
                   {"name": "B", "interconnectMw": %s, "energy": {"flatPriceUsdPerMwh": 60},
                    "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 8, "capexUsdPerMw": 100000, "leadTimeMonths": 0}]}],
                 "shared": {"startingCashUsd": 2000000, "capexBudgetUsdByYear": [1000000]},
                 "startMonth": "2026-01", "months": 3, "label": "two sites"}""".formatted(Double.toString(PlanTestSupport.D_STAR), interconnectB);
    }

    @Test
    void aPortfolioRunFundsTheBetterSiteFirst() throws InterruptedException {
        Response accepted = given().contentType(ContentType.JSON).body(body("10")).post("/api/v1/portfolios/plans/runs");
        accepted.then().statusCode(202).header("Location", containsString("/api/v1/portfolios/plans/runs/"));
        String location = accepted.header("Location");
        poll(location).then().statusCode(200).body("status", equalTo("OPTIMAL")).body("resultUrl", endsWith("/result"));
        // by hand in PortfolioPlanTest: 8·116,000 + 2·29,600
        given().get(location + "/result").then().statusCode(200).body("npvUsd", closeTo(987_200.0, 1e-4))
                .body("sites[0].name", equalTo("A")).body("sites[0].npvContributionUsd", closeTo(928_000.0, 1e-4))
                .body("sites[1].npvContributionUsd", closeTo(59_200.0, 1e-4))
                .body("sites[1].monthly[0].aiStartedMw.flat", closeTo(2.0, 1e-7))
                .body("monthly[0].capexPaidUsd", closeTo(1_000_000.0, 1e-4));
    }

    @Test
    void badInputNamesTheSitesField() {
        given().contentType(ContentType.JSON).body(body("-5").replace("\"name\": \"A\"", "\"name\": \"B\"")
                        .replace("[1000000]", "[-1]")).post("/api/v1/portfolios/plans/runs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("sites[1].interconnectMw", "sites[1].name", "shared.capexBudgetUsdByYear[0]"));
        given().contentType(ContentType.JSON).body("{\"sites\": []}").post("/api/v1/portfolios/plans/runs")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("sites"));
        given().get("/api/v1/portfolios/plans/runs/987654321").then().statusCode(404).contentType("application/problem+json");
    }

    /**
     * AsicRelocationRowsTest's case over HTTP: A (90 USD/MWh, 1,000 machines) may move its fleet to B (40 USD/MWh); starting
     * cash 200,000 USD so that the 120,000 USD move in Jan (no income that month) keeps the consolidated cash above 0.
     */
    static String relocating(String relocations) {
        return """
                {"scenario": {"btc": {"priceUsd": 50000, "startDifficulty": %s, "difficultyGrowthPerMonth": 0, "feesBtcPerBlock": 0},
                              "energy": {"flatPriceUsdPerMwh": 90}, "discountRate": 0},
                 "sites": [
                   {"name": "A", "interconnectMw": 10, "asicFleets": [{"name": "S", "units": 1000, "hashrateThPerUnit": 120, "powerWPerUnit": 2500}]},
                   {"name": "B", "interconnectMw": 10, "energy": {"flatPriceUsdPerMwh": 40},
                    "asicFleets": [{"name": "S", "units": 0, "hashrateThPerUnit": 120, "powerWPerUnit": 2500},
                                   {"name": "T", "units": 0, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}]}],
                 "relocations": %s,
                 "shared": {"startingCashUsd": 200000},
                 "startMonth": "2026-01", "months": 3}""".formatted(Double.toString(PlanTestSupport.D_STAR), relocations);
    }

    @Test
    void aRunMovesTheFleetWhereItPays() throws InterruptedException {
        Response accepted = given().contentType(ContentType.JSON)
                .body(relocating("[{\"fromSite\": \"A\", \"fleet\": \"S\", \"toSite\": \"B\", \"costUsdPerTh\": 1.0, \"downtimeMonths\": 1}]"))
                .post("/api/v1/portfolios/plans/runs");
        accepted.then().statusCode(202);
        String location = accepted.header("Location");
        poll(location).then().statusCode(200).body("status", equalTo("OPTIMAL"));
        // by hand in AsicRelocationRowsTest: 2.5·(60·1,416 − 48,000)
        given().get(location + "/result").then().statusCode(200).body("npvUsd", closeTo(92_400.0, 1e-4))
                .body("relocations[0].month", equalTo("2026-01")).body("relocations[0].arrivalMonth", equalTo("2026-02"))
                .body("relocations[0].fromSite", equalTo("A")).body("relocations[0].toSite", equalTo("B"))
                .body("relocations[0].toFleet", equalTo("S")).body("relocations[0].movedTh", closeTo(120_000.0, 1e-3));
    }

    @Test
    void badRelocationsNameTheirFields() {
        given().contentType(ContentType.JSON).body(relocating("""
                        [{"fromSite": "A", "fleet": "S", "toSite": "C", "costUsdPerTh": -1},
                         {"fromSite": "A", "fleet": "X", "toSite": "B", "costUsdPerTh": 1, "downtimeMonths": 1.5},
                         {"fromSite": "A", "fleet": "S", "toSite": "B", "toFleet": "T", "costUsdPerTh": 1},
                         {"fromSite": "A", "fleet": "S", "toSite": "A", "costUsdPerTh": 1}]"""))
                .post("/api/v1/portfolios/plans/runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("relocations[0].toSite", "relocations[0].costUsdPerTh", "relocations[1].fleet",
                        "relocations[1].downtimeMonths", "relocations[2].toFleet", "relocations[3].toSite"));
    }

    /** PortfolioComparisonTest's fixed plans in a run (a durable job): "stay" and "convert B first" beside the optimizer's. */
    @Test
    void aRunComparesFixedPlansWithTheOptimizersPlan() throws InterruptedException {
        String fixed = """
                , "fixedPlans": [{"name": "stay"},
                   {"name": "convert B first", "sites": [{"site": "B", "aiStartsMw": [{"name": "flat", "month": "2026-01", "amount": 8}]},
                                                         {"site": "A", "aiStartsMw": [{"name": "flat", "month": "2026-Q1", "amount": 2}]}]}]}""";
        String request = body("10");
        request = request.substring(0, request.lastIndexOf('}')) + fixed;
        Response accepted = given().contentType(ContentType.JSON).body(request).post("/api/v1/portfolios/plans/runs");
        accepted.then().statusCode(202);
        String location = accepted.header("Location");
        poll(location).then().statusCode(200).body("status", equalTo("OPTIMAL"));
        given().get(location + "/result").then().statusCode(200).body("npvUsd", closeTo(987_200.0, 1e-4))
                .body("fixedPlans[0].name", equalTo("stay")).body("fixedPlans[0].npvUsd", closeTo(0.0, 1e-4))
                .body("fixedPlans[1].npvUsd", closeTo(468_800.0, 1e-4)).body("fixedPlans[1].npvVsOptimizerUsd", closeTo(-518_400.0, 1e-4))
                .body("fixedPlans[1].sites[1].npvContributionUsd", closeTo(236_800.0, 1e-4))
                .body("fixedPlans[1].monthly[0].debtUsd", closeTo(0.0, 1e-9));
    }

    @Test
    void badFixedPlansNameTheirFields() {
        String fixed = """
                , "fixedPlans": [{"name": "x", "sites": [{"site": "C"}, {"site": "A", "aiStartsMw": [{"name": "nope", "month": "2026-01", "amount": 1}]}],
                                  "movedMw": [{"route": 0, "month": "2026-01", "amount": 1}], "treasurySoldBtc": [{"month": "2026-01", "amount": 1}]},
                                 {"name": "x", "sites": [{"site": "B", "aiStartsMw": [{"name": "flat", "month": "2031-01", "amount": 1}]}]}]}""";
        String request = body("10");
        request = request.substring(0, request.lastIndexOf('}')) + fixed;
        given().contentType(ContentType.JSON).body(request).post("/api/v1/portfolios/plans/runs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("fixedPlans[0].sites[0].site", "fixedPlans[0].sites[1].aiStartsMw[0].name",
                        "fixedPlans[0].movedMw[0].route", "fixedPlans[0].treasurySoldBtc", "fixedPlans[1].name",
                        "fixedPlans[1].sites[0].aiStartsMw[0].month"));
    }
}
