package com.gridpivot.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key may have only so many runs queued or running: one more is a 429 problem with Retry-After, until one ends. */
@QuarkusTest
@TestProfile(QueuedRunsLimitTest.OneRun.class)
class QueuedRunsLimitTest {
    public static class OneRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gridpivot.limits.queued-runs-per-key", "1");
        }
    }

    /* Five years of hourly rows: a run that is still going when the second request arrives. */
    static final String LONG_PLAN = """
            {"scenario": {"name": "queue", "btc": {"priceUsd": 65000, "annualGrowth": 0.0, "startDifficulty": 1.2586e14,
                          "difficultyGrowthPerMonth": 0.02, "feesBtcPerBlock": 0.025},
                          "energy": {"flatPriceUsdPerMwh": 40}, "discountRate": 0.10},
             "site": {"name": "queue", "interconnectMw": 100},
             "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 20000, "pue": 1.05},
                            {"name": "S19", "model": "Antminer S19 XP", "units": 8000, "pue": 1.05}],
             "aiOptions": [{"name": "colo", "offering": "colocation lease", "pue": 1.3}],
             "startMonth": "2026-07", "months": 60, "hourModel": "HOURLY"}""";

    @Test
    void aSecondRunWhileTheFirstIsOpenIs429() {
        String first = given().contentType("application/json").body(LONG_PLAN).when().post("/api/v1/plans/runs").then().statusCode(202)
                .extract().header("Location");
        given().contentType("application/json").body(LONG_PLAN).when().post("/api/v1/plans/runs").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", equalTo("10"))
                .body("detail", containsString("'anonymous' has 1 runs queued or running; at most 1"));
        String path = URI.create(first).getPath();
        given().when().delete(path).then().statusCode(200);
    }
}
