package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sweeps as durable jobs: 202 + Location, poll to OPTIMAL, the result, 404/409/400. */
@QuarkusTest
class SweepRunResourceTest {
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /* The hand-solved frontier of SweepServiceTest: below BTC $100,800 all 10 MW go to AI. */
    static final String SWEEP = """
            {"allocation": {"site": {"interconnectMw": 10},
                            "asicFleets": [{"name": "S21", "units": 4000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                            "aiOptions": [{"name": "AI", "revenueUsdPerMwh": 120}],
                            "market": {"energyPriceUsdPerMwh": 30, "hours": 24, "hashpriceUsdPerPhDay": 45}},
             "baseBtcPriceUsd": 90000,
             "axes": [{"input": "BTC_PRICE_USD", "from": 60000, "to": 150000, "points": 10}]}""";

    @Test
    void aSweepRunsAsAJob() throws Exception {
        String location = given().contentType("application/json").body(SWEEP).when().post("/api/v1/sweeps/runs").then()
                .statusCode(202).body("status", equalTo("QUEUED")).extract().header("Location");
        String path = java.net.URI.create(location).getPath();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String status = "";
        while (Instant.now().isBefore(deadline) && !status.equals("OPTIMAL")) {
            status = given().when().get(path).then().statusCode(200).extract().jsonPath().getString("status");
            Thread.sleep(100);
        }
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo("OPTIMAL");
        given().when().get(path).then().body("progressPercent", equalTo(100)).body("resultUrl", equalTo(path + "/result"));
        given().when().get(path + "/result").then().statusCode(200)
                .body("points", hasSize(10))
                .body("frontier[0].value", closeTo(100_800.0, 0.02));
        given().when().delete(path).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badSweepRunsAreRefusedBeforeARunExists() {
        given().contentType("application/json").body(SWEEP.replace("\"points\": 10", "\"points\": 1"))
                .when().post("/api/v1/sweeps/runs").then().statusCode(400)
                .body("errors.find { it.field == 'axes[0].points' }.reason", containsString("must be at least 2"));
        given().when().get("/api/v1/sweeps/runs/987654321").then().statusCode(404).contentType("application/problem+json");
    }
}
