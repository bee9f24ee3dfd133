package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The configured limits of a what-if (100 fleets, 50 AI options by default), each a 400 naming its field. */
@QuarkusTest
class LimitsTest {
    @Test
    void tooManyFleetsOrOptionsAreRefused() {
        StringBuilder fleets = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            fleets.append(i == 0 ? "" : ",").append("{\"name\": \"f").append(i).append("\", \"model\": \"Antminer S21\", \"units\": 10}");
        }
        given().contentType("application/json").body("{\"site\": {\"interconnectMw\": 10}, \"asicFleets\": [" + fleets
                        + "], \"market\": {\"energyPriceUsdPerMwh\": 20, \"hours\": 24, \"hashpriceUsdPerPhDay\": 40}}")
                .when().post("/api/v1/allocations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'asicFleets' }.reason", containsString("has 101 fleets; at most 100"));
        StringBuilder options = new StringBuilder();
        for (int j = 0; j < 51; j++) {
            options.append(j == 0 ? "" : ",").append("{\"name\": \"o").append(j).append("\", \"revenueUsdPerMwh\": 100}");
        }
        given().contentType("application/json").body("{\"site\": {\"interconnectMw\": 10}, \"aiOptions\": [" + options
                        + "], \"market\": {\"energyPriceUsdPerMwh\": 20, \"hours\": 24}}")
                .when().post("/api/v1/allocations").then().statusCode(400)
                .body("errors.find { it.field == 'aiOptions' }.reason", containsString("has 51 options; at most 50"));
    }
}
