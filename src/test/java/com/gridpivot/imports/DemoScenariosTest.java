package com.gridpivot.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.api.RestAssuredDoubles;
import com.gridpivot.demo.DemoDataLoader;
import com.gridpivot.demo.DemoScenarios;
import com.gridpivot.jobs.JobPolling;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo scenarios (base, bear, bull) are stored with the demo data, fit the demo site and solve with it. */
@QuarkusTest
@TestProfile(ImportDemoDataTest.DemoData.class)
class DemoScenariosTest {

    @Inject
    DemoDataLoader loader;

    @Inject
    DemoScenarios demoScenarios;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    @Test
    void theThreeScenariosAreStoredWithTheirSourcesAndALoadAgainAddsNone() throws Exception {
        assertThat(loader.awaitDone(Duration.ofMinutes(3)).state()).isEqualTo(DemoDataLoader.State.LOADED);
        JsonPath list = given().get("/api/v1/scenarios").then().statusCode(200).extract().jsonPath();
        // listed by name
        assertThat(list.getList("name", String.class)).containsExactly("Base case (demo)", "Bear case (demo)", "Bull case (demo)");

        // python3 over shared/data/btc: lukmol close 2026-02-13 = 69069.98; difficulty 125864590119494 from 2026-02-08;
        // (125864590119494 / 114167270716408 on 2025-02-12)^(1/12) - 1 = 0.00816; blockchain.com fees 84.4987 BTC/day / 144
        // = 0.5868 BTC/block
        assertThat(list.getDouble("find { it.name == 'Base case (demo)' }.scenario.btc.priceUsd")).isEqualTo(69070.0);
        assertThat(list.getDouble("find { it.name == 'Base case (demo)' }.scenario.btc.annualGrowth")).isEqualTo(0.0);
        for (String name : List.of("Base case (demo)", "Bear case (demo)", "Bull case (demo)")) {
            String c = "find { it.name == '" + name + "' }.scenario.";
            assertThat(list.getDouble(c + "btc.startDifficulty")).as(name).isEqualTo(1.25864590119494e14);
            assertThat(list.getDouble(c + "btc.difficultyGrowthPerMonth")).as(name).isCloseTo(0.00816, within(0.0001));
            assertThat(list.getDouble(c + "btc.feesBtcPerBlock")).as(name).isCloseTo(84.4987 / 144, within(0.001));
            assertThat(list.getString(c + "energy.node")).as(name).isEqualTo("HB_WEST");
            assertThat(list.getInt(c + "energy.replayYear")).as(name).isEqualTo(2024);
            assertThat(list.getString(c + "description")).as(name).contains("lukmol", "blockchain.com", "HB_WEST");
        }
        // bear: 69,070 in 2026-02 down to 40,000 in 2027-02 in four equal quarterly steps (7,267.5 each), then held
        Map<String, Double> bear = list.getMap("find { it.name == 'Bear case (demo)' }.scenario.btc.pricePointsUsd");
        assertThat(bear).containsEntry("2026-02", 69070.0).containsEntry("2026-08", 54535.0).containsEntry("2027-02", 40000.0).hasSize(5);
        // bull: toward Bernstein's $150,000 (market brief) in seven quarterly steps of 11,561.4, reached 2027-11
        Map<String, Double> bull = list.getMap("find { it.name == 'Bull case (demo)' }.scenario.btc.pricePointsUsd");
        assertThat(bull).containsEntry("2026-02", 69070.0).containsEntry("2027-11", 150000.0).hasSize(8);
        assertThat(list.getString("find { it.name == 'Bull case (demo)' }.scenario.description")).contains("Bernstein");

        // idempotent: a second load stores none
        assertThat(demoScenarios.load()).allSatisfy(l -> assertThat(l).endsWith("exists already"));
        assertThat(given().get("/api/v1/scenarios").then().statusCode(200).extract().jsonPath().getList("id")).hasSize(3);
    }

    @Test
    void aPlanOnTheBaseCaseAndTheDemoSiteIsOptimal() throws Exception {
        assertThat(loader.awaitDone(Duration.ofMinutes(3)).state()).isEqualTo(DemoDataLoader.State.LOADED);
        long base = given().get("/api/v1/scenarios").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.name == 'Base case (demo)' }.id");
        // the demo site's fleets and AI options as the dashboard sends them (js/lib/plan-problem.js)
        String plan = """
                {"scenarioId": %d, "site": {"name": "West Texas demo", "interconnectMw": 100},
                 "asicFleets": [{"name": "S21 fleet", "model": "Antminer S21", "units": 10000, "pue": 1.05, "poolFeeFraction": 0.02},
                                {"name": "S19 XP fleet", "model": "Antminer S19 XP", "units": 8000, "pue": 1.05, "poolFeeFraction": 0.02}],
                 "aiOptions": [{"name": "Colocation lease", "offering": "colocation lease"},
                               {"name": "H100 cloud", "offering": "H100 cloud", "utilization": 0.8, "maxItMw": 40}],
                 "finance": {"startingCashUsd": 2.0e7}, "startMonth": "2026-07", "months": 36}""".formatted(base);
        Response accepted = given().contentType(ContentType.JSON).body(plan).post("/api/v1/plans/runs");
        accepted.then().statusCode(202);
        String location = accepted.header("Location");
        JobPolling.poll(location).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("OPTIMAL"));
        JsonPath result = given().get(location + "/result").then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("status")).isEqualTo("OPTIMAL");
        // the optimizer is never worse than staying on Bitcoin, which it may choose
        assertThat(result.getDouble("npvUsd")).isGreaterThanOrEqualTo(result.getDouble("stayOnBitcoinNpvUsd") - 1e-3);
        assertThat(result.getList("monthly")).hasSize(36);
    }
}
