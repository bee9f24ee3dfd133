package com.gridpivot.planning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridpivot.api.RestAssuredDoubles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plan run stopped by its solver time limit ends TIMED_OUT (no plan found in time) or FEASIBLE (the best plan found),
 * never RUNNING and never FAILED, and says why: five years of hourly rows (≈ 150k variables) cannot be solved in 50 ms.
 */
@QuarkusTest
class PlanTimeLimitTest {
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    @Test
    void aRunStoppedByTheTimeLimitReportsWhatItHas() throws Exception {
        String plan = """
                {"scenario": {"name": "time limit", "btc": {"priceUsd": 65000, "annualGrowth": 0.0, "startDifficulty": 1.2586e14,
                              "difficultyGrowthPerMonth": 0.02, "feesBtcPerBlock": 0.025},
                              "energy": {"flatPriceUsdPerMwh": 40}, "discountRate": 0.10},
                 "site": {"name": "time limit", "interconnectMw": 100, "maxAiItMw": 60},
                 "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 20000, "pue": 1.05},
                                {"name": "S19", "model": "Antminer S19 XP", "units": 8000, "pue": 1.05}],
                 "aiOptions": [{"name": "colo", "offering": "colocation lease", "pue": 1.3}],
                 "startMonth": "2026-07", "months": 60, "hourModel": "HOURLY", "timeLimitSeconds": 0.05}""";
        String location = given().contentType("application/json").body(plan).when().post("/api/v1/plans/runs").then().statusCode(202)
                .extract().header("Location");
        String path = URI.create(location).getPath();
        Instant deadline = Instant.now().plusSeconds(120);
        JsonPath run = null;
        while (Instant.now().isBefore(deadline)) {
            run = given().when().get(path).then().statusCode(200).extract().jsonPath();
            if (!run.getString("status").equals("QUEUED") && !run.getString("status").equals("RUNNING")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(run.getString("status")).isIn("TIMED_OUT", "FEASIBLE");
        if (run.getString("status").equals("TIMED_OUT")) {
            assertThat(run.getString("reason")).contains("time limit of 0.05 s");
        } else {
            JsonPath result = given().when().get(path + "/result").then().statusCode(200).extract().jsonPath();
            assertThat(result.getDouble("plan.npvUsd")).isFinite();
        }
    }
}
