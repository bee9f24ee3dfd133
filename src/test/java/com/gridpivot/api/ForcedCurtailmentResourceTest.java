package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * site.forcedCurtailment (Texas SB 6, issue 16 item 5) and the SB6_CURTAILMENT_HOURS sweep input over HTTP: the hand case of
 * ForcedCurtailmentTest (four hours at 20, 20, 60, 20 USD/MWh; 50 MW of S21 at margin 80/80/40/80; 10 MW of AI at 200 USD/MWh;
 * one forced hour, the AI on backup at 150 USD/MWh: 17,900 USD), problem+json for bad fields.
 */
@QuarkusTest
class ForcedCurtailmentResourceTest {
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    static String whatIf(String order) {
        return """
                {'site': {'name': 'sb6', 'interconnectMw': 100, 'forcedCurtailment': %s},
                 'asicFleets': [{'name': 'S21', 'units': 16000, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 200, 'maxItMw': 10}],
                 'market': {'energyPricesUsdPerMwh': [20, 20, 60, 20], 'hashpriceUsdPerPhDay': 50}}""".formatted(order);
    }

    private static ValidatableResponse post(String path, String body) {
        return given().contentType("application/json").body(body.replace('\'', '"')).when().post(path).then();
    }

    @Test
    void theOrderIsAnsweredWithItsCosts() {
        post("/api/v1/allocations", whatIf("{'hourCount': 1, 'backupPowerCostUsdPerMwh': 150}")).statusCode(200)
                .body("status", equalTo("OPTIMAL"))
                .body("economics.netUsd", closeTo(17_900.0, 1e-6))
                .body("economics.forcedCurtailment.forcedHours", equalTo(1))
                .body("economics.forcedCurtailment.aiLoad", equalTo("BACKUP_POWER"))
                .body("economics.forcedCurtailment.foregoneMiningMarginUsd", closeTo(2_000.0, 1e-6))
                .body("economics.forcedCurtailment.backupPowerCostUsd", closeTo(1_500.0, 1e-6));
    }

    /* Backup at 50 USD/MWh is below the grid's 60 in the forced hour: the answer warns that the order raises the AI's value. */
    @Test
    void backupCheaperThanTheGridIsWarned() {
        post("/api/v1/allocations", whatIf("{'hourCount': 1, 'backupPowerCostUsdPerMwh': 50}")).statusCode(200)
                .body("economics.netUsd", closeTo(18_900.0, 1e-6))
                .body("warnings", hasSize(1))
                .body("warnings[0]", containsString("site.forcedCurtailment.backupPowerCostUsdPerMwh: 50 USD/MWh is below the grid's mean cost"));
        post("/api/v1/allocations", whatIf("{'hourCount': 1, 'backupPowerCostUsdPerMwh': 150}")).statusCode(200).body("warnings", hasSize(0));
    }

    @Test
    void badFieldsAreNamedInProblemJson() {
        post("/api/v1/allocations", whatIf("{'hourCount': 1, 'limitMw': 150}")).statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'site.forcedCurtailment.backupPowerCostUsdPerMwh' }.reason", containsString("is required"))
                .body("errors.find { it.field == 'site.forcedCurtailment.limitMw' }.reason", containsString("at most site.interconnectMw"));
        post("/api/v1/allocations", whatIf("{'hours': [0], 'aiLoad': 'COUNTED', 'hourz': 1}")).statusCode(400)
                .body("errors.find { it.field == 'site.forcedCurtailment.hourz' }.reason", containsString("unknown field"));
    }

    /* 0, 1 and 2 forced hours: 20,800, 17,900 and 12,600 USD by hand (ForcedCurtailmentTest). */
    @Test
    void theNumberOfForcedHoursIsASweepAxis() {
        String body = "{'allocation': " + whatIf("{'hourCount': 1, 'backupPowerCostUsdPerMwh': 150}")
                + ", 'axes': [{'input': 'SB6_CURTAILMENT_HOURS', 'from': 0, 'to': 2, 'points': 3}], 'tornado': {'inputs': ['ENERGY_PRICE_SCALE']}}";
        post("/api/v1/sweeps", body).statusCode(200)
                .body("points", hasSize(3))
                .body("points[0].netUsd", closeTo(20_800.0, 1e-6))
                .body("points[1].netUsd", closeTo(17_900.0, 1e-6))
                .body("points[2].netUsd", closeTo(12_600.0, 1e-6))
                .body("base.netUsd", closeTo(17_900.0, 1e-6));
        String listed = "{'allocation': " + whatIf("{'hours': [2], 'backupPowerCostUsdPerMwh': 150}")
                + ", 'axes': [{'input': 'SB6_CURTAILMENT_HOURS', 'from': 0, 'to': 2, 'points': 3}]}";
        post("/api/v1/sweeps", listed).statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'axes[0].input' }.reason", containsString("needs allocation.site.forcedCurtailment with hourCount"));
    }
}
