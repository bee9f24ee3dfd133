package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DOMAIN.md's shutdown prices at $0.08/kWh and difficulty 125.86T, no fees: S21 (17.5 J/TH) ≈ $67.3k,
 * 12 J/TH ≈ $46.1k, S23 Hydro (9.5 J/TH) ≈ $36.5k. By hand for the S21: BTC per TH/s per day =
 * 86,400 / (125.86 × 2³²) × 3.125 = 4.99479e-7; cost = 17.5 × 24/1000 × 0.08 = 0.0336 $/TH/day → 67,270.
 */
@QuarkusTest
class ShutdownPriceResourceTest {
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    @Test
    void antminerS21FromTheCatalog() {
        given().queryParam("model", "Antminer S21").queryParam("electricityUsdPerKwh", 0.08).queryParam("difficulty", "125.86e12")
                .when().get("/api/v1/shutdown-price").then().statusCode(200)
                .body("shutdownBtcPriceUsd", closeTo(67_270.0, 5.0))
                .body("btcPerThDay", closeTo(4.99479e-7, 1e-11))
                .body("costUsdPerThDay", closeTo(0.0336, 1e-12))
                .body("inputs.model", equalTo("Antminer S21"))
                .body("inputs.subsidyBtc", closeTo(3.125, 0))
                .body("inputs.feesBtcPerBlock", closeTo(0.0, 0));
    }

    @ParameterizedTest
    @CsvSource({"12, 46100, 100", "9.5, 36500, 100", "17.5, 67270, 5"})
    void domainShutdownPrices(double jPerTh, double expected, double tolerance) {
        given().queryParam("jPerTh", jPerTh).queryParam("electricityUsdPerKwh", 0.08).queryParam("difficulty", 125.86e12)
                .when().get("/api/v1/shutdown-price").then().statusCode(200)
                .body("shutdownBtcPriceUsd", closeTo(expected, tolerance));
    }

    /* Fees raise revenue: with 0.125 BTC per block the S21's shutdown price falls by 3.125/3.25: 67,270 × 0.9615 = 64,683. */
    @Test
    void feesLowerTheShutdownPrice() {
        given().queryParam("jPerTh", 17.5).queryParam("electricityUsdPerKwh", 0.08).queryParam("difficulty", 125.86e12)
                .queryParam("feesBtcPerBlock", 0.125)
                .when().get("/api/v1/shutdown-price").then().statusCode(200)
                .body("shutdownBtcPriceUsd", closeTo(67_270.0 * 3.125 / 3.25, 5.0));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("model", "Antminer S99").queryParam("electricityUsdPerKwh", 80).queryParam("difficulty", 1e14)
                .when().get("/api/v1/shutdown-price").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'model' }.reason", containsString("unknown ASIC model"))
                .body("errors.find { it.field == 'electricityUsdPerKwh' }.reason", containsString("not per MWh"));
        given().queryParam("jPerTh", 17.5).when().get("/api/v1/shutdown-price").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("electricityUsdPerKwh", "difficulty"));
        given().queryParam("jPerTh", "abc").queryParam("electricityUsdPerKwh", 0.08).queryParam("difficulty", 1e14)
                .when().get("/api/v1/shutdown-price").then().statusCode(400).contentType("application/problem+json");
    }
}
