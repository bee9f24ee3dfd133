package com.gridpivot.api;

import static com.gridpivot.jobs.JobPolling.poll;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.gridpivot.planning.PlanTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sweeps of a plan over HTTP: as a durable job and at once, against a plan run, and bad requests. */
@QuarkusTest
public class PlanSweepResourceTest {
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /* The tiny plan of PlanSweepTest: below 1.2× the BTC path all 10 MW go to AI (hand-solved there). */
    public static final String PLAN = """
            {"scenario": {"btc": {"priceUsd": 50000, "startDifficulty": %s, "difficultyGrowthPerMonth": 0, "feesBtcPerBlock": 0},
                          "energy": {"flatPriceUsdPerMwh": 20}, "discountRate": 0},
             "site": {"name": "tiny", "interconnectMw": 10},
             "asicFleets": [{"name": "S21", "units": 1600, "hashrateThPerUnit": 150, "powerWPerUnit": 3125}],
             "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 10, "leadTimeMonths": 0}],
             "startMonth": "2026-01", "months": 3}""".formatted(Double.toString(PlanTestSupport.D_STAR));

    public static final String SWEEP = """
            {"plan": %s,
             "axes": [{"input": "BTC_PRICE_SCALE", "from": 0.5, "to": 2.0, "points": 4}],
             "tornado": {"inputs": ["BTC_PRICE_SCALE", "ENERGY_PRICE_SCALE"], "deltaFraction": 0.5}}""".formatted(PLAN);

    @Test
    void aPlanSweepRunsAsAJobAndItsBaseIsThePlanRun() throws Exception {
        String location = given().contentType("application/json").body(SWEEP).when().post("/api/v1/sweeps/runs").then()
                .statusCode(202).body("status", equalTo("QUEUED")).extract().header("Location");
        String path = URI.create(location).getPath();
        poll(path).then().statusCode(200).body("status", equalTo("OPTIMAL")).body("progressPercent", equalTo(100))
                .body("resultUrl", equalTo(path + "/result"));
        JsonPath sweep = given().when().get(path + "/result").then().statusCode(200)
                .body("points", hasSize(4))
                .body("points[0].values.BTC_PRICE_SCALE", closeTo(0.5, 1e-12))
                .body("points[0].aiItMwEnd", closeTo(10.0, 1e-7))
                .body("points[0].firstAiOnlineMonth", equalTo("2026-01"))
                .body("points[2].npvUsd", closeTo(2_484_000.0, 1e-4))
                .body("points[2].aiItMwEnd", closeTo(5.0, 1e-7))
                .body("points[2].asicItMwEnd", closeTo(5.0, 1e-7))
                .body("points[3].npvUsd", closeTo(3_024_000.0, 1e-4))
                .body("frontier", hasSize(1))
                .body("frontier[0].value", closeTo(1.2, 2e-5))
                .body("tornado[0].input", equalTo("ENERGY_PRICE_SCALE"))
                .body("tornado[0].netUsdLow", closeTo(2_376_000.0, 1e-4))
                .body("tornado[0].netUsdHigh", closeTo(1_944_000.0, 1e-4))
                .body("stats.sharedModel", equalTo(true))
                .extract().jsonPath();
        given().when().delete(path).then().statusCode(409).contentType("application/problem+json");

        // The sweep's base point is the plan run of the same body.
        String planRun = URI.create(given().contentType("application/json").body(PLAN).post("/api/v1/plans/runs").then().statusCode(202)
                .extract().header("Location")).getPath();
        poll(planRun).then().body("status", equalTo("OPTIMAL"));
        JsonPath run = given().get(planRun + "/result").then().statusCode(200).extract().jsonPath();
        assertThat(sweep.getDouble("base.npvUsd")).isCloseTo(run.getDouble("npvUsd"), org.assertj.core.data.Offset.offset(1e-6 * 2_160_000));
        assertThat(sweep.getDouble("base.aiItMwEnd")).isCloseTo(run.getDouble("monthly[2].aiOnlineTotalMw"),
                org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void aRunningPlanSweepCanBeCancelled() throws Exception {
        // 2,000 points of the hourly tiny plan: far longer than the DELETE that follows the 202.
        String big = SWEEP.replace("\"points\": 4", "\"points\": 2000").replace("\"months\": 3}", "\"months\": 3, \"hourModel\": \"HOURLY\"}");
        String path = URI.create(given().contentType("application/json").body(big).post("/api/v1/sweeps/runs").then().statusCode(202)
                .extract().header("Location")).getPath();
        // The DELETE lands while the run is QUEUED (cancelled at once) or RUNNING (cancel requested, the worker stops it).
        JsonPath cancel = given().when().delete(path).then().statusCode(200).extract().jsonPath();
        if (cancel.getString("status").equals("RUNNING")) {
            assertThat(cancel.getBoolean("cancelRequested")).isTrue();
        } else {
            assertThat(cancel.getString("status")).isEqualTo("CANCELLED");
        }
        poll(path).then().body("status", equalTo("CANCELLED")).body("resultUrl", org.hamcrest.Matchers.nullValue());
        given().when().get(path + "/result").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aPlanSweepIsAnsweredAtOnceToo() {
        given().contentType("application/json").body(SWEEP).when().post("/api/v1/sweeps").then().statusCode(200)
                .body("points", hasSize(4))
                .body("points[1].npvUsd", closeTo(2_160_000.0, 1e-4))
                .body("frontier[0].aiItMwBelow", closeTo(10.0, 1e-7))
                .body("frontier[0].aiItMwAbove", closeTo(5.0, 1e-7));
    }

    @Test
    void badPlanSweepsAreRefusedNamingTheField() {
        String allocation = """
                {"site": {"interconnectMw": 10}, "aiOptions": [{"name": "AI", "revenueUsdPerMwh": 120}],
                 "market": {"energyPriceUsdPerMwh": 30, "hours": 24, "hashpriceUsdPerPhDay": 45}}""";
        given().contentType("application/json").body(SWEEP.replace("{\"plan\": ", "{\"allocation\": " + allocation + ", \"plan\": "))
                .when().post("/api/v1/sweeps/runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'plan' }.reason", containsString("not both"));
        given().contentType("application/json").body("{\"axes\": [{\"input\": \"BTC_PRICE_SCALE\", \"from\": 0.5, \"to\": 2, \"points\": 4}]}")
                .when().post("/api/v1/sweeps/runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'allocation' }.reason", containsString("or give plan"));
        given().contentType("application/json").body(SWEEP.replace("BTC_PRICE_SCALE\", \"from\": 0.5, \"to\": 2.0",
                        "BTC_PRICE_USD\", \"from\": 40000, \"to\": 90000"))
                .when().post("/api/v1/sweeps").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'axes[0].input' }.reason", containsString("BTC_PRICE_SCALE"));
        given().contentType("application/json").body(SWEEP.replace("\"interconnectMw\": 10", "\"interconnectMw\": -1"))
                .when().post("/api/v1/sweeps/runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'plan.site.interconnectMw' }.reason", containsString("must not be negative"));
        given().contentType("application/json").body(SWEEP.replace("{\"plan\": ", "{\"baseBtcPriceUsd\": 90000, \"plan\": "))
                .when().post("/api/v1/sweeps/runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'baseBtcPriceUsd' }.reason", containsString("what-if only"));
        given().contentType("application/json").body(SWEEP.replace("\"inputs\": [\"BTC_PRICE_SCALE\"", "\"inputs\": [\"BTC_PRICE_USD\""))
                .when().post("/api/v1/sweeps/runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'tornado.inputs[0]' }.reason", containsString("BTC_PRICE_SCALE"));
        given().contentType("application/json").body(SWEEP.replace("\"points\": 4", "\"points\": 1"))
                .when().post("/api/v1/sweeps/runs").then().statusCode(400)
                .body("errors.find { it.field == 'axes[0].points' }.reason", containsString("must be at least 2"));
    }
}
