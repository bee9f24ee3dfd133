package com.gridpivot.risk;

import static com.gridpivot.jobs.JobPolling.poll;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import com.gridpivot.api.RestAssuredDoubles;
import com.gridpivot.planning.PlanTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Monte Carlo and stochastic runs over HTTP: 202 → poll → result; 400 with JSON paths; cancel. */
@QuarkusTest
public class MonteCarloAndStochasticResourceTest {
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    public static String scenario(double btc) {
        return """
                {"btc": {"priceUsd": %s, "startDifficulty": %s, "feesBtcPerBlock": 0}, "energy": {"flatPriceUsdPerMwh": 20}, "discountRate": 0}"""
                .formatted(Double.toString(btc), Double.toString(PlanTestSupport.D_STAR));
    }

    /** The hand case of StochasticPlanTest (one month, 5 MW, AI 120 USD/MWh, capex 40,000/MW). */
    public static String problem(double btc) {
        return """
                {"scenario": %s, "site": {"name": "tiny", "interconnectMw": 5},
                 "asicFleets": [{"name": "S21", "units": 1600, "hashrateThPerUnit": 150, "powerWPerUnit": 3125, "pue": 1, "poolFeeFraction": 0}],
                 "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "tenantPaysPower": false, "pue": 1, "maxItMw": 5,
                                "capexUsdPerMw": 40000, "leadTimeMonths": 0}],
                 "startMonth": "2026-01", "months": 1}""".formatted(scenario(btc));
    }

    @Test
    void monteCarloLifecycle() throws Exception {
        Response started = given().contentType(ContentType.JSON).body("""
                {"problem": %s, "plans": [{"name": "convert 5", "aiStartsMw": [{"name": "flat", "month": "2026-01", "amount": 5}]}],
                 "paths": 200, "seed": 42, "volatilityMonthly": 0}""".formatted(problem(25_000)))
                .post("/api/v1/risk/montecarlo/runs");
        started.then().statusCode(202).header("Location", containsString("/api/v1/risk/montecarlo/runs/"))
                .body("status", org.hamcrest.Matchers.equalTo("QUEUED")); // the run as stored, before a worker starts it
        String location = started.header("Location");
        Response done = poll(location);
        assertThat(done.jsonPath().getString("status")).isEqualTo("OPTIMAL");
        assertThat(done.jsonPath().getInt("progressPercent")).isEqualTo(100);
        Response result = given().get(location + "/result");
        result.then().statusCode(200);
        // One month: no price shock (Z₀ = 0), so every path is the scenario: convert 5 → 172,000 (StochasticPlanTest by hand);
        // stay on Bitcoin 111,600; the optimizer's plan also converts 5.
        assertThat(result.jsonPath().getDouble("plans.find { it.name == 'convert 5' }.npvUsd.p50")).isCloseTo(172_000.0, within(1e-3));
        assertThat(result.jsonPath().getDouble("plans.find { it.name == 'convert 5' }.incrementalNpvUsd.p10")).isCloseTo(60_400.0, within(1e-3));
        assertThat(result.jsonPath().getDouble("plans.find { it.name == 'convert 5' }.probIncrementalNpvBelowZero")).isEqualTo(0.0);
        assertThat(result.jsonPath().getDouble("plans.find { it.name == 'optimized' }.npvUsd.mean")).isCloseTo(172_000.0, within(1e-3));
        assertThat(result.jsonPath().getDouble("plans.find { it.name == 'stay on Bitcoin (fixed)' }.npvUsd.p90")).isCloseTo(111_600.0, within(1e-3));
        assertThat(result.jsonPath().getInt("paths")).isEqualTo(200);
        // no feeSd asked: the scenario's fees (0); the history's calibrated value is reported beside it
        assertThat(result.jsonPath().getDouble("model.feeSd")).isEqualTo(0.0);
        assertThat(result.jsonPath().getDouble("model.feeCalibration.feeSd")).isCloseTo(0.868, within(2e-3));
        given().delete(location).then().statusCode(409);
    }

    @Test
    void bootstrapRunsRepeatWithTheSameSeedAndReportTheirModel() throws Exception {
        String body = """
                {"problem": %s, "plans": [{"name": "convert 5", "aiStartsMw": [{"name": "flat", "month": "2026-01", "amount": 5}]}],
                 "paths": 64, "seed": 9, "priceModel": "bootstrap", "blockLengthMonths": 3, "feeSd": 0.5}"""
                .formatted(problem(25_000).replace("\"months\": 1", "\"months\": 9"));
        String first = given().contentType(ContentType.JSON).body(body).post("/api/v1/risk/montecarlo/runs").then().statusCode(202)
                .extract().header("Location");
        String second = given().contentType(ContentType.JSON).body(body).post("/api/v1/risk/montecarlo/runs").then().statusCode(202)
                .extract().header("Location");
        assertThat(poll(first).jsonPath().getString("status")).isEqualTo("OPTIMAL");
        assertThat(poll(second).jsonPath().getString("status")).isEqualTo("OPTIMAL");
        Response a = given().get(first + "/result");
        Response b = given().get(second + "/result");
        assertThat(a.jsonPath().getString("model.priceModel")).isEqualTo("BOOTSTRAP");
        assertThat(a.jsonPath().getInt("model.blockLengthMonths")).isEqualTo(3);
        assertThat(a.jsonPath().getDouble("model.feeSd")).isEqualTo(0.5);
        // The calibration is reported without the returns themselves.
        assertThat(a.jsonPath().getMap("model.calibration")).doesNotContainKey("logReturnsMonthly");
        assertThat(a.jsonPath().getList("plans").toString()).isEqualTo(b.jsonPath().getList("plans").toString());
        // Nine months of bootstrapped prices: the paths do differ.
        assertThat(a.jsonPath().getDouble("plans.find { it.name == 'stay on Bitcoin (fixed)' }.npvUsd.sd")).isGreaterThan(0.0);
    }

    @Test
    void badPriceModelFieldsAre400NamingTheField() {
        String p = problem(25_000);
        String[][] cases = {
                {"\"priceModel\": \"HESTON\"", "priceModel"},
                {"\"priceModel\": \"BOOTSTRAP\", \"blockLengthMonths\": 0", "blockLengthMonths"},
                {"\"priceModel\": \"BOOTSTRAP\", \"blockLengthMonths\": 100000", "blockLengthMonths"},
                {"\"priceModel\": \"BOOTSTRAP\", \"blockLengthMonths\": 2.5", "blockLengthMonths"},
                {"\"blockLengthMonths\": 6", "blockLengthMonths"},
                {"\"priceModel\": \"BOOTSTRAP\", \"volatilityMonthly\": 0.2", "volatilityMonthly"},
                {"\"feeSd\": -0.1", "feeSd"},
                {"\"feeSd\": \"NaN\"", "feeSd"},
                {"\"feeSd\": 50", "feeSd"}};
        for (String[] c : cases) {
            given().contentType(ContentType.JSON).body("{\"problem\": " + p + ", " + c[0] + "}")
                    .post("/api/v1/risk/montecarlo/runs").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems(c[1]));
        }
    }

    /** The What-if → plan bridge is for plan runs and comparisons: a Monte Carlo, stochastic or sweep request with it is a 400 naming it. */
    @Test
    void theBridgeIsRefusedOutsidePlanRunsNamingTheField() {
        String p = problem(25_000).replaceFirst("\\{", "{\"explain\": {\"bridge\": true}, ");
        given().contentType(ContentType.JSON).body("{\"problem\": " + p + "}").post("/api/v1/risk/montecarlo/runs").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("problem.explain.bridge"));
        given().contentType(ContentType.JSON)
                .body("{\"problem\": " + p + ", \"scenarios\": [{\"name\": \"bear\", \"probability\": 1, \"scenario\": " + scenario(25_000) + "}]}")
                .post("/api/v1/risk/stochastic/runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("problem.explain.bridge"));
        given().contentType(ContentType.JSON).body("{\"plan\": " + p + ", \"axes\": [{\"input\": \"BTC_PRICE_SCALE\", \"from\": 0.9, \"to\": 1.1, \"points\": 2}]}")
                .post("/api/v1/sweeps").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("plan.explain.bridge"));
        // a flag that is not a boolean is a 400 too, never ignored
        given().contentType(ContentType.JSON).body("{\"problem\": " + problem(25_000).replaceFirst("\\{", "{\"explain\": {\"bridge\": [1]}, ") + "}")
                .post("/api/v1/risk/montecarlo/runs").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void stochasticLifecycleWithVssAndEvpi() throws Exception {
        Response started = given().contentType(ContentType.JSON).body("""
                {"problem": %s, "baseScenario": "bull",
                 "scenarios": [{"name": "bull", "probability": 0.3, "scenario": %s}, {"name": "bear", "probability": 0.7, "scenario": %s}]}"""
                .formatted(problem(50_000), scenario(50_000), scenario(25_000)))
                .post("/api/v1/risk/stochastic/runs");
        started.then().statusCode(202).header("Location", containsString("/api/v1/risk/stochastic/runs/"));
        Response done = poll(started.header("Location"));
        assertThat(done.jsonPath().getString("status")).isEqualTo("OPTIMAL");
        Response r = given().get(started.header("Location") + "/result");
        assertThat(r.jsonPath().getDouble("expectedNpvUsd")).isCloseTo(172_000.0, within(1e-3));
        assertThat(r.jsonPath().getDouble("valueMeasures.vssUsd")).isCloseTo(4_600.0, within(1e-3));
        assertThat(r.jsonPath().getDouble("valueMeasures.evpiUsd")).isCloseTo(37_680.0, within(1e-3));
    }

    @Test
    void badInputIs400WithJsonPaths() {
        given().contentType(ContentType.JSON).body("""
                {"problem": %s, "paths": 1e7, "seed": 1.5, "drift": "UP", "plans": [{"name": "x", "aiStartsMw": [{"name": "nope", "month": "2026-01", "amount": 1}]}]}"""
                .formatted(problem(25_000)))
                .post("/api/v1/risk/montecarlo/runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("paths", "seed", "drift"));
        given().contentType(ContentType.JSON).body("""
                {"problem": %s, "plans": [{"name": "x", "aiStartsMw": [{"name": "nope", "month": "2026-01", "amount": 1}]}]}"""
                .formatted(problem(25_000)))
                .post("/api/v1/risk/montecarlo/runs").then().statusCode(400).body("errors.field", hasItems("plans[0].aiStartsMw[0].name"));
        given().contentType(ContentType.JSON).body("""
                {"problem": %s, "baseScenario": "nope", "cvar": {"alpha": 1, "weight": 2},
                 "scenarios": [{"name": "a", "probability": 0.3, "scenario": %s}, {"name": "a", "probability": 0.6, "scenario": {"btc": {"priceUsd": -1}}}]}"""
                .formatted(problem(50_000), scenario(50_000)))
                .post("/api/v1/risk/stochastic/runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("scenarios", "scenarios[1].name", "cvar.alpha", "cvar.weight", "baseScenario",
                        "scenarios[1].scenario.btc.priceUsd"));
    }
}
