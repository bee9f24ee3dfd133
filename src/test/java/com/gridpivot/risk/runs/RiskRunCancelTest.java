package com.gridpivot.risk.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.gridpivot.api.RestAssuredDoubles;
import com.gridpivot.jobs.JobStore;
import com.gridpivot.risk.stochastic.StochasticProblem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DELETE …/runs/{id} on a RUNNING Monte Carlo run and a RUNNING stochastic run: CANCELLED, no result, and the single job
 * worker (gridpivot.jobs.workers=1) is free for the next run. To be sure a run is RUNNING when the DELETE arrives, the
 * handlers' first service call is held at a gate (a test-only subclass of RiskRunService, enabled by this profile only) until
 * the test has sent the DELETE; then the real engines run on and see the cancel.
 */
@QuarkusTest
@TestProfile(RiskRunCancelTest.Gated.class)
class RiskRunCancelTest {
    public static class Gated implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(GatedRiskRunService.class);
        }
    }

    /** Holds the job worker inside the handler while a gate is armed. */
    @Alternative
    @ApplicationScoped
    public static class GatedRiskRunService extends RiskRunService {
        static volatile CountDownLatch gate;
        static final Semaphore entered = new Semaphore(0);

        private static void hold() {
            CountDownLatch g = gate;
            if (g != null) {
                entered.release();
                try {
                    if (!g.await(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public MonteCarloJob job(MonteCarloInput in) {
            hold();
            return super.job(in);
        }

        @Override
        public StochasticProblem problem(StochasticInput in) {
            hold();
            return super.problem(in);
        }
    }

    @Inject
    JobStore store;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    @AfterEach
    void openGate() {
        CountDownLatch g = GatedRiskRunService.gate;
        GatedRiskRunService.gate = null;
        if (g != null) {
            g.countDown();
        }
        GatedRiskRunService.entered.drainPermits();
    }

    static String scenario(double btc) {
        return """
                {"btc": {"priceUsd": %s, "annualGrowth": 0.2, "startDifficulty": 1.2586e14, "difficultyGrowthPerMonth": 0.02,
                         "feesBtcPerBlock": 0.025}, "energy": {"flatPriceUsdPerMwh": 35}, "discountRate": 0.08}""".formatted(Double.toString(btc));
    }

    static String problem(double btc, int months) {
        return """
                {"scenario": %s, "site": {"name": "cancel", "interconnectMw": 20},
                 "asicFleets": [{"name": "S21", "units": 4000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500, "pue": 1.05}],
                 "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 130, "tenantPaysPower": false, "pue": 1.2, "maxItMw": 10,
                                "capexUsdPerMw": 2e6, "leadTimeMonths": 2}],
                 "startMonth": "2026-01", "months": %d}""".formatted(scenario(btc), months);
    }

    static String monteCarlo(int paths) {
        return """
                {"problem": %s, "plans": [{"name": "convert 5", "aiStartsMw": [{"name": "flat", "month": "2026-02", "amount": 5}]}],
                 "paths": %d, "seed": 3, "priceModel": "BOOTSTRAP"}""".formatted(problem(60_000, 24), paths);
    }

    static String stochastic() {
        return """
                {"problem": %s, "scenarios": [{"name": "bull", "probability": 0.4, "scenario": %s},
                                              {"name": "bear", "probability": 0.6, "scenario": %s}]}"""
                .formatted(problem(60_000, 12), scenario(90_000), scenario(40_000));
    }

    /** Polls until the status leaves {@code from} or the deadline passes (no sleep is an assertion: the status is). */
    static Response pollWhile(String location, Set<String> from, long deadlineMs) throws InterruptedException {
        long end = System.currentTimeMillis() + deadlineMs;
        Response r = given().get(location);
        while (from.contains(r.jsonPath().getString("status")) && System.currentTimeMillis() < end) {
            Thread.sleep(25);
            r = given().get(location);
        }
        return r;
    }

    void cancelWhileRunning(String path, String body) throws InterruptedException {
        GatedRiskRunService.gate = new CountDownLatch(1);
        String location = given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(202).extract().header("Location");
        assertThat(GatedRiskRunService.entered.tryAcquire(60, TimeUnit.SECONDS)).as("the worker picked up the run").isTrue();
        given().get(location).then().statusCode(200).body("status", equalTo("RUNNING"));
        given().delete(location).then().statusCode(200).body("status", equalTo("RUNNING")).body("cancelRequested", equalTo(true));
        CountDownLatch g = GatedRiskRunService.gate;
        GatedRiskRunService.gate = null;
        g.countDown();
        Response done = pollWhile(location, Set.of("QUEUED", "RUNNING"), 120_000);
        assertThat(done.jsonPath().getString("status")).isEqualTo("CANCELLED");
        assertThat(done.jsonPath().getString("reason")).contains("cancelled while running");
        assertThat(done.jsonPath().getString("resultUrl")).isNull();
        assertThat(done.jsonPath().getInt("progressPercent")).isLessThan(100);
        assertThat(store.get(done.jsonPath().getLong("id"), true).orElseThrow().resultJson()).as("nothing stored").isNull();
        given().get(location + "/result").then().statusCode(409).contentType("application/problem+json");
        // A cancelled run cannot be cancelled again.
        given().delete(location).then().statusCode(409);
    }

    @Test
    void aRunningMonteCarloRunIsCancelledAndFreesTheWorker() throws InterruptedException {
        cancelWhileRunning("/api/v1/risk/montecarlo/runs", monteCarlo(5000));
        // The only worker is free: the next run (no gate) completes.
        String next = given().contentType(ContentType.JSON).body(monteCarlo(50)).post("/api/v1/risk/montecarlo/runs").then().statusCode(202)
                .extract().header("Location");
        Response done = pollWhile(next, Set.of("QUEUED", "RUNNING"), 120_000);
        assertThat(done.jsonPath().getString("status")).isEqualTo("OPTIMAL");
        Response result = given().get(next + "/result");
        assertThat(result.jsonPath().getInt("paths")).isEqualTo(50);
        assertThat(result.jsonPath().getString("model.priceModel")).isEqualTo("BOOTSTRAP");
        assertThat(result.jsonPath().getInt("model.blockLengthMonths")).isEqualTo(6);
        List<String> names = result.jsonPath().getList("plans.name");
        assertThat(names).contains("convert 5", "stay on Bitcoin (fixed)");
    }

    @Test
    void aRunningStochasticRunIsCancelledAndFreesTheWorker() throws InterruptedException {
        cancelWhileRunning("/api/v1/risk/stochastic/runs", stochastic());
        String next = given().contentType(ContentType.JSON).body(stochastic()).post("/api/v1/risk/stochastic/runs").then().statusCode(202)
                .extract().header("Location");
        Response done = pollWhile(next, Set.of("QUEUED", "RUNNING"), 120_000);
        assertThat(done.jsonPath().getString("status")).isEqualTo("OPTIMAL");
        given().get(next + "/result").then().statusCode(200);
    }
}
