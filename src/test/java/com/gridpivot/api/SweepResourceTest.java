package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SweepResourceTest {
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /*
     * The OpenAPI example by hand: S21 at 45 $/PH/day earns 45·1000/(24·17.5)·0.98 = 105 $/MWh of IT; energy 40 × 1.05 = 42
     * → fleet margin 63 $/MWh of IT = 60 per MWh of site power. Colocation: 140·12/8.76 = 191.78 $/MWh, tenant pays
     * power, minus capex 9.5e6 × CRF(10%, 5) = 2,506,075 per MW-year = 286.08 $/MWh → −94.3 $/MWh: never pays at a
     * one-year horizon, at any BTC price. So the frontier is empty and every point has 0 MW of AI.
     */
    @Test
    void exampleSweepHasNoFrontier() {
        given().contentType("application/json").body(ApiExamples.SWEEP_REQUEST).when().post("/api/v1/sweeps").then().statusCode(200)
                .body("points", hasSize(23))
                .body("frontier", hasSize(0))
                .body("points[0].totalAiItMw", closeTo(0.0, 1e-9))
                .body("base.status", equalTo("OPTIMAL"))
                .body("tornado[0].input", equalTo("BTC_PRICE_USD"));
    }

    @Test
    void invalidSweepsNameTheirFields() {
        given().contentType("application/json").body("""
                {"allocation": {"site": {"interconnectMw": -1}, "aiOptions": [{"name": "a", "revenueUsdPerMwh": 1}],
                                "market": {"energyPriceUsdPerMwh": 1, "hours": 2}},
                 "axes": [{"input": "BTC_PRICE_USD", "from": 5, "to": 1, "points": 3}, {"input": "GOLD", "from": 0, "to": 1, "points": 2}]}""")
                .when().post("/api/v1/sweeps").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'allocation.site.interconnectMw' }.reason", containsString("must not be negative"))
                .body("errors.find { it.field == 'baseBtcPriceUsd' }.reason", containsString("is required to sweep BTC_PRICE_USD"))
                .body("errors.find { it.field == 'axes[0].to' }.reason", containsString("must be greater than from"))
                .body("errors.find { it.field == 'axes[1].input' }.reason", containsString("must be one of"));
        given().contentType("application/json").body("""
                {"allocation": {"site": {"interconnectMw": 1}, "aiOptions": [{"name": "a", "revenueUsdPerMwh": 1}],
                                "market": {"energyPriceUsdPerMwh": 1, "hours": 2}},
                 "axes": [{"input": "GPU_LEASE_SCALE", "from": 0, "to": 1, "points": 100}, {"input": "CAPEX_SCALE", "from": 0, "to": 1, "points": 100}]}""")
                .when().post("/api/v1/sweeps").then().statusCode(400)
                .body("errors.find { it.field == 'axes' }.reason", containsString("the grid has 10000 points; at most 2000"));
    }
}
