package com.gridpivot.planning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.api.RestAssuredDoubles;
import com.gridpivot.jobs.JobRunner;
import com.gridpivot.jobs.JobStore;
import com.gridpivot.planning.input.PlanRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Restarts the service mid-run": a run row left RUNNING by a process that died is what a restart finds, held by that
 * process under a lease that has passed. The start-up recovery puts it back in the queue (never RUNNING forever, never
 * FAILED for a crash that was not its fault), and this replica runs its stored snapshot to the end as attempt 2.
 */
@QuarkusTest
class PlanJobRecoveryTest {
    @Inject
    JobStore store;

    @Inject
    JobRunner runner;

    @Inject
    PlanService plans;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    @Test
    void aRunLeftRunningByADeadProcessIsRequeuedAndRunsAgain() throws Exception {
        String body = """
                {"scenario": {"btc": {"priceUsd": 50000, "startDifficulty": %s}, "energy": {"flatPriceUsdPerMwh": 20}, "discountRate": 0},
                 "site": {"interconnectMw": 10},
                 "asicFleets": [{"name": "S21", "units": 1600, "hashrateThPerUnit": 150, "powerWPerUnit": 3125}],
                 "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 10, "leadTimeMonths": 1}],
                 "startMonth": "2026-01", "months": 3}""".formatted(Double.toString(PlanTestSupport.D_STAR));
        String snapshot = json.writeValueAsString(plans.snapshot(json.readValue(body, PlanRequest.class)));
        long id = store.insertRunning(PlanService.JOB_KIND, snapshot);
        given().get("/api/v1/plans/runs/" + id).then().body("status", equalTo("RUNNING"));

        given().get("/api/v1/plans/runs/" + id).then().body("worker", equalTo("a replica that died")).body("attempts", equalTo(1));

        runner.recover(); // what the StartupEvent observer runs in a new process (and every lease-check-seconds)

        Response done = com.gridpivot.jobs.JobPolling.poll("/api/v1/plans/runs/" + id);
        done.then().body("status", equalTo("OPTIMAL")).body("attempts", equalTo(2)).body("worker", equalTo(runner.workerId()))
                .body("reason", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/plans/runs/" + id + "/result").then().statusCode(200).body("npvUsd", closeTo(1_572_000.0, 1e-4));
    }
}
