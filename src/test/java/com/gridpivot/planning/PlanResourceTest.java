package com.gridpivot.planning;

import static com.gridpivot.jobs.JobPolling.poll;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.gridpivot.api.RestAssuredDoubles;
import com.gridpivot.jobs.JobStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scenarios CRUD, the plan-run lifecycle, bad input and comparison over HTTP (H2, or PostgreSQL with the pg profile). */
@QuarkusTest
public class PlanResourceTest {
    @Inject
    JobStore store;

    @Inject
    com.gridpivot.jobs.JobRunner runner;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /** The lead-time case of PlanModelTest (optimum 1,572,000 USD by hand) with its scenario stored under a fresh name. */
    public static String scenario(String name) {
        return """
                {"name": "%s", "btc": {"priceUsd": 50000, "startDifficulty": %s, "feesBtcPerBlock": 0},
                 "energy": {"flatPriceUsdPerMwh": 20}, "discountRate": 0}""".formatted(name, Double.toString(PlanTestSupport.D_STAR));
    }

    public static String plan(long scenarioId) {
        return """
                {"scenarioId": %d, "site": {"name": "tiny", "interconnectMw": 10},
                 "asicFleets": [{"name": "S21", "units": 1600, "hashrateThPerUnit": 150, "powerWPerUnit": 3125}],
                 "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 10, "leadTimeMonths": 1}],
                 "startMonth": "2026-01", "months": 3}""".formatted(scenarioId);
    }

    public static long createScenario() {
        String name = "s-" + UUID.randomUUID();
        Response r = given().contentType(ContentType.JSON).body(scenario(name)).post("/api/v1/scenarios");
        r.then().statusCode(201).header("Location", containsString("/api/v1/scenarios/"));
        return r.jsonPath().getLong("id");
    }

    @Test
    void scenariosAreStoredReadReplacedAndDeleted() {
        String name = "base-" + UUID.randomUUID();
        Response created = given().contentType(ContentType.JSON).body(scenario(name)).post("/api/v1/scenarios");
        created.then().statusCode(201).header("Location", endsWith("/api/v1/scenarios/" + created.jsonPath().getLong("id")));
        long id = created.jsonPath().getLong("id");
        given().get("/api/v1/scenarios/" + id).then().statusCode(200).body("name", equalTo(name))
                .body("scenario.btc.priceUsd", closeTo(50000.0, 1e-9));
        given().contentType(ContentType.JSON).body(scenario(name)).post("/api/v1/scenarios").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(scenario(name).replace("\"discountRate\": 0", "\"discountRate\": 0.12"))
                .put("/api/v1/scenarios/" + id).then().statusCode(200).body("scenario.discountRate", closeTo(0.12, 1e-12));
        given().delete("/api/v1/scenarios/" + id).then().statusCode(204);
        given().get("/api/v1/scenarios/" + id).then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/scenarios/" + id).then().statusCode(404);
    }

    @Test
    void aBadScenarioListsEveryField() {
        given().contentType(ContentType.JSON).body("""
                {"btc": {"priceUsd": -5, "startDifficulty": 1e30, "difficultyGrowthPerMonth": 3},
                 "energy": {"node": "HB_WEST", "flatPriceUsdPerMwh": 20}, "discountRate": 2}""")
                .post("/api/v1/scenarios").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "btc.priceUsd", "btc.startDifficulty", "btc.difficultyGrowthPerMonth", "energy",
                        "discountRate"));
    }

    @Test
    void aRunIsAcceptedPolledToOptimalAndHasItsResult() throws Exception {
        long scenarioId = createScenario();
        Response accepted = given().contentType(ContentType.JSON).body(plan(scenarioId)).post("/api/v1/plans/runs");
        // the 202 is the run as stored, read before a worker can start it
        accepted.then().statusCode(202).header("Location", containsString("/api/v1/plans/runs/")).body("status", org.hamcrest.Matchers.equalTo("QUEUED"));
        String location = accepted.header("Location");
        Response done = poll(location);
        done.then().statusCode(200).body("status", equalTo("OPTIMAL")).body("progressPercent", equalTo(100))
                .body("resultUrl", endsWith("/result"));
        // Hand-computed in PlanModelTest.aLeadTimeShiftsRevenue.
        given().get(location + "/result").then().statusCode(200).body("npvUsd", closeTo(1_572_000.0, 1e-4))
                .body("stayOnBitcoinNpvUsd", closeTo(864_000.0, 1e-4)).body("hourModel", equalTo("EXACT_BLOCKS"))
                .body("decisions.aiStartsMw[0].month", equalTo("2026-01")).body("decisions.aiStartsMw[0].amount", closeTo(5.0, 1e-7));
        // The snapshot holds the scenario's content: deleting the scenario does not change the run.
        given().delete("/api/v1/scenarios/" + scenarioId).then().statusCode(204);
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(store.get(id, true).orElseThrow().inputJson()).contains("\"priceUsd\":50000").doesNotContain("scenarioId\":" + scenarioId);
        // Finished runs cannot be cancelled or retried.
        given().delete(location).then().statusCode(409);
        given().post(location + "/retry").then().statusCode(409);
    }

    @Test
    void aQueuedRunThatIsCancelledNeverStarts() {
        long id;
        runner.holdQueue(true); // the dispatcher polls the queue: hold it so the run stays QUEUED until the cancel
        try {
            id = store.create(PlanService.JOB_KIND, "{}"); // stored, not yet handed to a worker
            given().delete("/api/v1/plans/runs/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        } finally {
            runner.holdQueue(false);
        }
        given().get("/api/v1/plans/runs/" + id).then().statusCode(200).body("status", equalTo("CANCELLED")).body("attempts", equalTo(0))
                .body("startedAt", equalTo(null));
        given().get("/api/v1/plans/runs/" + id + "/result").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void unknownRunsAre404() {
        given().get("/api/v1/plans/runs/987654321").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/plans/runs/987654321/result").then().statusCode(404);
        given().delete("/api/v1/plans/runs/987654321").then().statusCode(404);
        given().post("/api/v1/plans/runs/987654321/retry").then().statusCode(404);
    }

    @Test
    void badPlanInputIsA400ListingEveryFieldBeforeARunExists() {
        long before = store.queued().size();
        given().contentType(ContentType.JSON).body("""
                {"scenario": {"btc": {"priceUsd": 65000, "startDifficulty": 1.2e14}, "energy": {"flatPriceUsdPerMwh": 1e9},
                              "ai": {"options": {"nope": {"capexUsdPerMw": 1}}}},
                 "site": {"interconnectMw": -1},
                 "asicFleets": [{"name": "S21", "model": "Antminer S99", "units": 10}],
                 "aiOptions": [{"name": "H100", "offering": "H100 cloud", "leadTimeMonths": 1.5, "capexTiming": "LATER"}],
                 "startMonth": "2026-13", "months": 121}""")
                .post("/api/v1/plans/runs").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("startMonth", "months", "site.interconnectMw", "asicFleets[0].model",
                        "aiOptions[0].leadTimeMonths", "aiOptions[0].capexTiming", "scenario.ai.options.nope"));
        given().contentType(ContentType.JSON).body("{\"scenarioId\": 424242, \"site\": {\"interconnectMw\": 10}, \"startMonth\": \"2026-01\"}")
                .post("/api/v1/plans/runs").then().statusCode(400).body("errors[0].field", equalTo("scenarioId"));
        given().contentType(ContentType.JSON).body("""
                {"scenario": {"btc": {"priceUsd": 65000, "startDifficulty": 1.2e14}, "energy": {"node": "NOWHERE", "replayYear": 2024}},
                 "site": {"interconnectMw": 10}, "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 100}], "startMonth": "2026-01"}""")
                .post("/api/v1/plans/runs").then().statusCode(400).body("errors[0].field", equalTo("scenario.energy.node"))
                .body("errors[0].reason", containsString("NOWHERE"));
        assertThat(store.queued()).hasSize((int) before);
    }

    /*
     * A fleet's power given in kW (3.125 for 3,125 W): 3.125 W / 150 TH/s = 0.0208333 J/TH, below 5 J/TH; × 1000 = 20.8333.
     * Every plan of the comparison carries the warning, its field under "problem."; a plausible plan carries none.
     */
    @Test
    void aComparisonWarnsAboutAUnitSlipAndStillAnswers() {
        long scenarioId = createScenario();
        String slipped = plan(scenarioId).replace("\"powerWPerUnit\": 3125", "\"powerWPerUnit\": 3.125");
        given().contentType(ContentType.JSON).body("""
                {"problem": %s, "plans": [{"name": "stay"}]}""".formatted(slipped))
                .post("/api/v1/plans/compare").then().statusCode(200)
                .body("plans", hasSize(3))
                .body("plans[0].status", equalTo("OPTIMAL"))
                .body("plans[0].warnings", hasSize(1))
                .body("plans[2].warnings", hasSize(1))
                .body("plans[0].warnings[0]", startsWith("problem.asicFleets[0].hashrateThPerUnit: powerWPerUnit / hashrateThPerUnit = "
                        + "3.125 W / 150 TH/s = 0.0208333 J/TH is below"))
                .body("plans[0].warnings[0]", containsString("that would be 20.8333 J/TH"));
        given().contentType(ContentType.JSON).body("""
                {"problem": %s, "plans": [{"name": "stay"}]}""".formatted(plan(scenarioId)))
                .post("/api/v1/plans/compare").then().statusCode(200).body("plans[0].warnings", hasSize(0));
    }

    /**
     * explain.bridge in a comparison's problem: the optimizer's plan carries the What-if → plan bridge, which ends at its NPV
     * and whose steps sum to the difference from the What-if; the other plans carry none. (The lead-time case, r = 0.)
     */
    @Test
    void aComparisonExplainsTheOptimizersPlanFromTheWhatIf() {
        long scenarioId = createScenario();
        String problem = plan(scenarioId).replaceFirst("\\{", "{\"explain\": {\"bridge\": true}, ");
        var c = given().contentType(ContentType.JSON).body("{\"problem\": " + problem + ", \"plans\": [{\"name\": \"stay\"}]}")
                .post("/api/v1/plans/compare").then().statusCode(200).extract().jsonPath();
        assertThat(c.getDouble("plans[0].bridge.endUsd")).isEqualTo(c.getDouble("plans[0].npvUsd"));
        assertThat(c.getList("plans[0].bridge.steps")).hasSize(13);
        double sum = c.getDouble("plans[0].bridge.startUsd");
        for (Object s : c.getList("plans[0].bridge.steps.usd")) {
            sum += ((Number) s).doubleValue();
        }
        assertThat(sum).isCloseTo(c.getDouble("plans[0].bridge.endUsd"), org.assertj.core.api.Assertions.within(1e-3));
        assertThat(c.getString("plans[0].bridge.steps[1].name")).isEqualTo("discounting");
        assertThat(c.getDouble("plans[0].bridge.steps[1].usd")).isZero();
        assertThat((Object) c.get("plans[1].bridge")).isNull();
    }

    @Test
    void fixedPlansAreComparedBesideTheOptimizersPlan() {
        long scenarioId = createScenario();
        given().contentType(ContentType.JSON).body("""
                {"problem": %s,
                 "plans": [{"name": "stay on Bitcoin"},
                           {"name": "convert 10 MW in 2026-Q1", "aiStartsMw": [{"name": "flat", "month": "2026-Q1", "amount": 10}]},
                           {"name": "bad", "aiStartsMw": [{"name": "H900", "month": "2031-01", "amount": -1}]}]}"""
                        .formatted(plan(scenarioId)))
                .post("/api/v1/plans/compare").then().statusCode(400)
                .body("errors.field", hasItems("plans[2].aiStartsMw[0].name"));
        // the scenario prices no new machines: a purchase cannot happen, and is refused rather than dropped
        given().contentType(ContentType.JSON).body("""
                {"problem": %s,
                 "plans": [{"name": "buy", "asicBoughtMw": [{"name": "S21", "month": "2026-02", "amount": 0}, {"name": "S21", "month": "2026-02", "amount": 2}]}]}"""
                        .formatted(plan(scenarioId)))
                .post("/api/v1/plans/compare").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("plans[0].asicBoughtMw[1].name"))
                .body("errors[0].reason", containsString("no price for new machines (scenario.asic.newPriceUsdPerTh)"));
        given().contentType(ContentType.JSON).body("""
                {"problem": %s,
                 "plans": [{"name": "stay on Bitcoin"},
                           {"name": "convert 10 MW in 2026-Q1", "aiStartsMw": [{"name": "flat", "month": "2026-Q1", "amount": 10}]}]}"""
                        .formatted(plan(scenarioId)))
                .post("/api/v1/plans/compare").then().statusCode(200)
                .body("plans.name", hasItems("optimized", "stay on Bitcoin", "convert 10 MW in 2026-Q1"))
                .body("plans[0].npvUsd", closeTo(1_572_000.0, 1e-4))
                .body("plans[2].npvUsd", closeTo(864_000.0, 1e-4))
                .body("plans[3].npvUsd", closeTo(1_416_000.0, 1e-4))
                .body("plans[3].lowestCashMonth", notNullValue());
    }
}
