package com.gridpivot.api;

import static com.gridpivot.risk.MonteCarloAndStochasticResourceTest.problem;
import static com.gridpivot.risk.MonteCarloAndStochasticResourceTest.scenario;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.gridpivot.jobs.JobPolling;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobStore;
import com.gridpivot.jobs.JobsConfig;
import com.gridpivot.persistence.Persistence;
import com.gridpivot.planning.PlanTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one job API, {@code /api/v1/runs}: every kind of run is listed, read, cancelled and retried alike, and the
 * kind-specific paths answer from the same implementation. A FAILED run is made as the lease recovery leaves one
 * (PlanJobRecoveryTest): a row left RUNNING by a replica that died, with the stored input of a real run, on its last
 * allowed attempt (gridpivot.jobs.max-attempts) under a lease that has passed, then the recovery.
 */
@QuarkusTest
class RunResourceTest {
    @Inject
    JobStore store;

    @Inject
    JobRunner runner;

    @Inject
    JobsConfig jobs;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /* PlanJobRecoveryTest's plan: 10 MW, 3 months, AI 120 USD/MWh online from month 1 → NPV 1,572,000 (by hand there). */
    static final String PLAN = """
            {"scenario": {"btc": {"priceUsd": 50000, "startDifficulty": %s}, "energy": {"flatPriceUsdPerMwh": 20}, "discountRate": 0},
             "site": {"interconnectMw": 10},
             "asicFleets": [{"name": "S21", "units": 1600, "hashrateThPerUnit": 150, "powerWPerUnit": 3125}],
             "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 10, "leadTimeMonths": 1}],
             "startMonth": "2026-01", "months": 3}""".formatted(Double.toString(PlanTestSupport.D_STAR));

    /* MonteCarloAndStochasticResourceTest's problem is StochasticPlanTest's hand case: converting 5 MW → NPV 172,000. */
    static final String MONTE_CARLO = """
            {"problem": %s, "plans": [{"name": "convert 5", "aiStartsMw": [{"name": "flat", "month": "2026-01", "amount": 5}]}],
             "paths": 50, "seed": 42, "volatilityMonthly": 0}""".formatted(problem(25_000));

    static final String STOCHASTIC = """
            {"problem": %s, "baseScenario": "bull",
             "scenarios": [{"name": "bull", "probability": 0.3, "scenario": %s}, {"name": "bear", "probability": 0.7, "scenario": %s}]}"""
            .formatted(problem(50_000), scenario(50_000), scenario(25_000));

    @Test
    void aFailedPlanRunIsRetriedAtTheGenericPath() throws Exception {
        retryAFailedRun("/api/v1/plans/runs", PLAN, "PLAN",
                r -> assertThat(r.getDouble("npvUsd")).isCloseTo(1_572_000.0, within(1e-4)));
    }

    @Test
    void aFailedWhatIfSweepRunIsRetriedAtTheGenericPath() throws Exception {
        // SweepServiceTest by hand: below BTC $100,800 all 10 MW go to AI.
        retryAFailedRun("/api/v1/sweeps/runs", SweepRunResourceTest.SWEEP, "SWEEP",
                r -> assertThat(r.getDouble("frontier[0].value")).isCloseTo(100_800.0, within(0.02)));
    }

    @Test
    void aFailedPlanSweepRunIsRetriedAtTheGenericPath() throws Exception {
        // PlanSweepResourceTest by hand: at 1.5 × the BTC price the plan's NPV is 2,484,000.
        retryAFailedRun("/api/v1/sweeps/runs", PlanSweepResourceTest.SWEEP, "PLAN_SWEEP",
                r -> assertThat(r.getDouble("points[2].npvUsd")).isCloseTo(2_484_000.0, within(1e-4)));
    }

    @Test
    void aFailedMonteCarloRunIsRetriedAtTheGenericPath() throws Exception {
        // One month, no volatility: every path is the scenario, so the median NPV of "convert 5" is the hand value.
        retryAFailedRun("/api/v1/risk/montecarlo/runs", MONTE_CARLO, "MONTE_CARLO",
                r -> assertThat(r.getDouble("plans.find { it.name == 'convert 5' }.npvUsd.p50")).isCloseTo(172_000.0, within(1e-3)));
    }

    @Test
    void aFailedStochasticRunIsRetriedAtTheGenericPath() throws Exception {
        retryAFailedRun("/api/v1/risk/stochastic/runs", STOCHASTIC, "STOCHASTIC_PLAN",
                r -> assertThat(r.getDouble("expectedNpvUsd")).isCloseTo(172_000.0, within(1e-3)));
    }

    /**
     * Starts a real run at the kind's POST, takes its stored input, leaves a second run with that input RUNNING as a
     * killed process would on its last allowed attempt, recovers (FAILED: not re-queued again), retries it at {@code POST /api/v1/runs/{id}/retry} and checks its result.
     */
    private void retryAFailedRun(String startPath, String body, String kind, Consumer<JsonPath> checkResult) throws Exception {
        String location = given().contentType(ContentType.JSON).body(body).post(startPath).then().statusCode(202)
                .body("kind", equalTo(kind)).extract().header("Location");
        long first = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(JobPolling.poll("/api/v1/runs/" + first).jsonPath().getString("status")).isEqualTo("OPTIMAL");
        String input = store.get(first, true).orElseThrow().inputJson();

        int max = jobs.maxAttempts();
        long id = store.insertRunning(kind, input, "a replica that died", Persistence.now().minusSeconds(1), max);
        runner.recover(); // what the StartupEvent observer runs in a new process (and every lease-check-seconds)
        given().get("/api/v1/runs/" + id).then().statusCode(200).body("kind", equalTo(kind)).body("status", equalTo("FAILED"))
                .body("reason", containsString("not re-queued again")).body("attempts", equalTo(max)).body("resultUrl", nullValue())
                .body("links.self", equalTo("/api/v1/runs/" + id)).body("links.retry", equalTo("/api/v1/runs/" + id + "/retry"))
                .body("links.cancel", nullValue()).body("links.result", nullValue());
        given().get("/api/v1/runs/" + id + "/result").then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("run " + id + " is FAILED"));

        given().post("/api/v1/runs/" + id + "/retry").then().statusCode(202).header("Location", endsWith("/api/v1/runs/" + id))
                .body("kind", equalTo(kind)).body("links.retry", nullValue());
        Response done = JobPolling.poll("/api/v1/runs/" + id);
        done.then().body("status", equalTo("OPTIMAL")).body("attempts", equalTo(max + 1)).body("links.result", equalTo("/api/v1/runs/" + id + "/result"))
                .body("resultUrl", equalTo(startPath + "/" + id + "/result"));
        checkResult.accept(given().get("/api/v1/runs/" + id + "/result").then().statusCode(200).extract().jsonPath());
        // The kind's own path serves the same run and the same result.
        given().get(startPath + "/" + id).then().statusCode(200).body("status", equalTo("OPTIMAL")).body("kind", equalTo(kind));
        checkResult.accept(given().get(startPath + "/" + id + "/result").then().statusCode(200).extract().jsonPath());
    }

    @Test
    void aQueuedRunIsCancelledAndRetriedAtItsKindsPathAndListedByKindAndStatus() throws Exception {
        // Stored QUEUED and never handed to a worker, so it is still queued when the cancel comes.
        String input = given().contentType(ContentType.JSON).body(MONTE_CARLO).post("/api/v1/risk/montecarlo/runs").then().statusCode(202)
                .extract().path("id").toString();
        long started = Long.parseLong(input);
        assertThat(JobPolling.poll("/api/v1/runs/" + started).jsonPath().getString("status")).isEqualTo("OPTIMAL");
        long id;
        runner.holdQueue(true); // the dispatcher polls the queue: hold it so the run stays QUEUED until the cancel
        try {
            id = store.create("MONTE_CARLO", store.get(started, true).orElseThrow().inputJson());
            given().get("/api/v1/runs/" + id).then().statusCode(200).body("status", equalTo("QUEUED"))
                    .body("links.cancel", equalTo("/api/v1/runs/" + id)).body("links.retry", nullValue());
            given().delete("/api/v1/runs/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"))
                    .body("reason", equalTo("cancelled before it started")).body("links.retry", equalTo("/api/v1/runs/" + id + "/retry"));
        } finally {
            runner.holdQueue(false);
        }
        given().delete("/api/v1/runs/" + id).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("status: run " + id + " is already CANCELLED")).body("errors[0].field", equalTo("status"));

        given().get("/api/v1/runs?kind=MONTE_CARLO&status=CANCELLED&size=500").then().statusCode(200)
                .body("items.id", hasItem((int) id)).body("items.kind", everyItem(equalTo("MONTE_CARLO")))
                .body("items.status", everyItem(equalTo("CANCELLED")));
        given().get("/api/v1/runs?kind=plan&size=500").then().statusCode(200).body("items.kind", everyItem(equalTo("PLAN")));

        // The kind's own retry path (failed runs of every kind used to be told "POST …/retry" that only plans had).
        given().post("/api/v1/risk/montecarlo/runs/" + id + "/retry").then().statusCode(202)
                .header("Location", endsWith("/api/v1/risk/montecarlo/runs/" + id)).body("kind", equalTo("MONTE_CARLO"));
        JobPolling.poll("/api/v1/risk/montecarlo/runs/" + id).then().body("status", equalTo("OPTIMAL")).body("attempts", equalTo(1));
        given().post("/api/v1/runs/" + id + "/retry").then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("status: run " + id + " is OPTIMAL; only FAILED, CANCELLED or TIMED_OUT runs can be retried"));
        given().delete("/api/v1/runs/" + id).then().statusCode(409).body("detail", equalTo("status: run " + id + " is already OPTIMAL"));
        given().get("/api/v1/runs?kind=MONTE_CARLO&status=OPTIMAL&size=500").then().statusCode(200).body("items.id", hasItem((int) id));
    }

    @Test
    void unknownRunsAndRunsOfAnotherKindAre404AndBadFiltersAre400() {
        given().get("/api/v1/runs/987654321").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("no run with id 987654321"));
        given().get("/api/v1/runs/987654321/result").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().delete("/api/v1/runs/987654321").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().post("/api/v1/runs/987654321/retry").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().post("/api/v1/sweeps/runs/987654321/retry").then().statusCode(404).body("detail", equalTo("no sweep run 987654321"));

        long plan;
        runner.holdQueue(true);
        try {
            plan = store.create("PLAN", "{}");
            runner.cancel(plan);
        } finally {
            runner.holdQueue(false);
        }
        // A plan run is no sweep run and no Monte Carlo run under those kinds' own paths.
        given().get("/api/v1/sweeps/runs/" + plan).then().statusCode(404).body("detail", equalTo("no sweep run " + plan));
        given().post("/api/v1/risk/montecarlo/runs/" + plan + "/retry").then().statusCode(404).body("detail", equalTo("no run with id " + plan));
        given().get("/api/v1/plans/runs/" + plan).then().statusCode(200).body("status", equalTo("CANCELLED")).body("kind", equalTo("PLAN"));

        given().get("/api/v1/runs?kind=NOPE&status=DONE&page=-1").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", org.hamcrest.Matchers.hasItems("page"));
        given().get("/api/v1/runs?kind=NOPE&status=DONE").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.find { it.field == 'kind' }.reason",
                        equalTo("must be one of [MONTE_CARLO, PLAN, PLAN_SWEEP, PORTFOLIO_PLAN, STOCHASTIC_PLAN, SWEEP]; got 'NOPE'"))
                .body("errors.find { it.field == 'status' }.reason", containsString("got 'DONE'"));
    }
}
