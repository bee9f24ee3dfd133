package com.gridpivot.risk;

import static com.gridpivot.jobs.JobPolling.poll;
import static com.gridpivot.risk.MonteCarloAndStochasticResourceTest.problem;
import static com.gridpivot.risk.MonteCarloAndStochasticResourceTest.scenario;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasItems;

import com.gridpivot.api.RestAssuredDoubles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sample-average stochastic plans over HTTP: sampling instead of listed scenarios; 400s naming sampling's fields. */
@QuarkusTest
public class SampleAverageResourceTest {
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /*
     * One month: the paths have no price shock in their first month (Z₀ = 0) and a decline shift acts from month 1, so every
     * sample is problem.scenario itself: the hand case of StochasticPlanTest at 25,000 USD/BTC converts 5 MW, NPV 111,600 +
     * 12,080 × 5 = 172,000 in every sample. So RP = EEV = WS = 172,000: VSS = EVPI = 0, and every batch's gap is 0.
     */
    @Test
    void sampledRunThroughRest() throws Exception {
        Response started = given().contentType(ContentType.JSON).body("""
                {"problem": %s, "sampling": {"samples": 20, "seed": 5, "evaluationSamples": 100, "gapBatches": 3, "gapBatchSamples": 4}}"""
                .formatted(problem(25_000)))
                .post("/api/v1/risk/stochastic/runs");
        started.then().statusCode(202);
        Response done = poll(started.header("Location"));
        assertThat(done.jsonPath().getString("status")).isEqualTo("OPTIMAL");
        Response r = given().get(started.header("Location") + "/result");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getDouble("expectedNpvUsd")).isCloseTo(172_000.0, within(1e-3));
        assertThat(r.jsonPath().getList("scenarios")).hasSize(20);
        assertThat(r.jsonPath().getDouble("valueMeasures.vssUsd")).isCloseTo(0.0, within(1e-3));
        assertThat(r.jsonPath().getDouble("valueMeasures.evpiUsd")).isCloseTo(0.0, within(1e-3));
        assertThat(r.jsonPath().getString("sampling.method")).isEqualTo("DECOMPOSITION");
        assertThat(r.jsonPath().getInt("sampling.samples")).isEqualTo(20);
        assertThat(r.jsonPath().getDouble("sampling.upperBoundUsd")).isCloseTo(172_000.0, within(1e-1));
        assertThat(r.jsonPath().getDouble("sampling.outOfSample.meanNpvUsd")).isCloseTo(172_000.0, within(1e-3));
        assertThat(r.jsonPath().getDouble("sampling.gap.meanUsd")).isCloseTo(0.0, within(1e-3));
        assertThat(r.jsonPath().getDouble("decisions[0].amount")).isCloseTo(5.0, within(1e-7));
    }

    @Test
    void badSamplingIs400WithJsonPaths() {
        String p = problem(25_000);
        String[][] cases = {
                {"\"sampling\": {\"samples\": 1001}", "sampling.samples"},
                {"\"sampling\": {\"samples\": 0}", "sampling.samples"},
                {"\"sampling\": {\"seed\": 1.5}", "sampling.seed"},
                {"\"sampling\": {\"method\": \"EXTENSIVE\", \"samples\": 51}", "sampling.samples"},
                {"\"sampling\": {\"method\": \"DECOMPOSITION\"}, \"cvar\": {\"alpha\": 0.9, \"weight\": 0.5}", "sampling.method"},
                {"\"sampling\": {\"gapBatches\": 31}", "sampling.gapBatches"},
                {"\"sampling\": {\"toleranceRelative\": 0.5}", "sampling.toleranceRelative"},
                {"\"sampling\": {}, \"baseScenario\": \"x\"", "baseScenario"},
                {"\"sampling\": {}, \"scenarios\": [{\"name\": \"a\", \"probability\": 1, \"scenario\": " + scenario(25_000) + "}]", "scenarios"}};
        for (String[] c : cases) {
            given().contentType(ContentType.JSON).body("{\"problem\": " + p + ", " + c[0] + "}")
                    .post("/api/v1/risk/stochastic/runs").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems(c[1]));
        }
        given().contentType(ContentType.JSON).body("{\"sampling\": {\"samples\": 5}}")
                .post("/api/v1/risk/stochastic/runs").then().statusCode(400).body("errors.field", hasItems("problem"));
    }
}
