package com.gridpivot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys with roles, as a newcomer and an attacker meet them: 401, 403, 429, all problem+json. */
@QuarkusTest
@TestProfile(AuthTest.KeysOn.class)
class AuthTest {
    static final String ADMIN = "test-admin-key-0123456789";
    /** Per-key burst: room for the admin key's calls of the whole class (they share one bucket). */
    static final int BURST = 30;

    public static class KeysOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gridpivot.auth.enabled", "true", "gridpivot.auth.admin-key", ADMIN,
                    "gridpivot.auth.requests-per-second-per-key", "1", "gridpivot.auth.burst-per-key", "" + BURST);
        }
    }

    private static String newKey(String role) {
        return given().header("X-API-Key", ADMIN).contentType("application/json")
                .body("{\"name\": \"" + role + " " + UUID.randomUUID() + "\", \"role\": \"" + role + "\"}")
                .when().post("/api/v1/keys").then().statusCode(201)
                .body("key", startsWith("gp_")).extract().jsonPath().getString("key");
    }

    private static final String WHAT_IF = "{\"site\": {\"interconnectMw\": 5}, \"aiOptions\": [{\"name\": \"a\", \"revenueUsdPerMwh\": 100}],"
            + " \"market\": {\"energyPriceUsdPerMwh\": 20, \"hours\": 24}}";

    @Test
    void noKeyOrAWrongKeyIs401() {
        given().when().get("/api/v1/catalog/asic-models").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("X-API-Key"))
                .body("detail", containsString("send an API key"));
        given().header("X-API-Key", "gp_not-a-key").when().get("/api/v1/catalog/asic-models").then().statusCode(401)
                .body("detail", containsString("unknown or revoked"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("gridpivot_requests_rejected"));
    }

    @Test
    void rolesDecideWhatAKeyMayDo() {
        String viewer = newKey("viewer");
        String planner = newKey("planner");
        given().header("X-API-Key", viewer).when().get("/api/v1/catalog/asic-models").then().statusCode(200);
        given().header("X-API-Key", viewer).contentType("application/json").body(WHAT_IF)
                .when().post("/api/v1/allocations").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("has the role viewer; POST /api/v1/allocations needs planner"));
        // A planner runs the what-if, and the audit record names the planner's key.
        long runId = given().header("X-API-Key", planner).contentType("application/json").body(WHAT_IF)
                .when().post("/api/v1/allocations").then().statusCode(200).extract().jsonPath().getLong("runId");
        given().header("X-API-Key", viewer).when().get("/api/v1/allocation-runs/" + runId).then().statusCode(200)
                .body("caller", startsWith("planner "));
        // Deleting stored data and managing keys are an admin's.
        given().header("X-API-Key", planner).when().delete("/api/v1/sites/1").then().statusCode(403);
        given().header("X-API-Key", planner).when().get("/api/v1/keys").then().statusCode(403);
        given().header("X-API-Key", ADMIN).when().get("/api/v1/keys").then().statusCode(200)
                .body("key", not(org.hamcrest.Matchers.hasItem(planner)));
    }

    /** Stored portfolios belong to the key that stored them (issue 19 item 1): other planners get 404; admins see all. */
    @Test
    void aPortfolioIsSeenOnlyByItsKeyAndAdmins() {
        String alice = newKey("planner");
        String bob = newKey("planner");
        String location = given().header("X-API-Key", alice).contentType("application/json")
                .body(com.gridpivot.api.PortfolioStoreResourceTest.stored("owned", "10")).when().post("/api/v1/portfolios")
                .then().statusCode(201).extract().header("Location");
        given().header("X-API-Key", alice).when().get(location).then().statusCode(200).body("owner", startsWith("planner "));
        given().header("X-API-Key", bob).when().get(location).then().statusCode(404).contentType("application/problem+json");
        given().header("X-API-Key", bob).when().delete(location).then().statusCode(404);
        given().header("X-API-Key", bob).when().get("/api/v1/portfolios").then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(0));
        // bob may use the same name: names are unique per key
        given().header("X-API-Key", bob).contentType("application/json").body(com.gridpivot.api.PortfolioStoreResourceTest.stored("owned", "10"))
                .when().post("/api/v1/portfolios").then().statusCode(201);
        given().header("X-API-Key", ADMIN).when().get(location).then().statusCode(200);
        given().header("X-API-Key", alice).when().delete(location).then().statusCode(204);
    }

    /**
     * The board pack takes only the caller's own runs (issue 18 item 6): planner A's finished sweep run is refused to planner B
     * as if it did not exist (another key's run is not told apart from a missing one), and accepted from A (no error on the
     * field; the pack's other fields are refused here, so no PDF is written).
     */
    @Test
    void theBoardPackTakesOnlyTheCallersOwnRuns() throws InterruptedException {
        String a = newKey("planner");
        String b = newKey("planner");
        String sweep = "{\"allocation\": " + WHAT_IF + ", \"axes\": [{\"input\": \"ENERGY_PRICE_SCALE\", \"from\": 0.5, \"to\": 1.5, \"points\": 3}]}";
        long id = given().header("X-API-Key", a).contentType("application/json").body(sweep)
                .when().post("/api/v1/sweeps/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        String status = "QUEUED";
        for (int i = 0; i < 25 && !status.equals("OPTIMAL"); i++) {
            Thread.sleep(1200); // one request a second per key in this profile
            status = given().header("X-API-Key", a).when().get("/api/v1/runs/" + id).then().statusCode(200).extract().jsonPath().getString("status");
        }
        assertThat(status).as("the sweep of key A").isEqualTo("OPTIMAL");
        String pack = "{\"sweepRunId\": " + id + ", \"problem\": {\"months\": 12}, \"plans\": [{\"name\": \"stay\"}]}";
        given().header("X-API-Key", b).contentType("application/json").body(pack)
                .when().post("/api/v1/reports/board-pack.pdf").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sweepRunId"))
                .body("errors[0].reason", startsWith("no run with id " + id + " of this API key"));
        Thread.sleep(1200);
        given().header("X-API-Key", a).contentType("application/json").body(pack)
                .when().post("/api/v1/reports/board-pack.pdf").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", not(org.hamcrest.Matchers.hasItem("sweepRunId")));
    }

    @Test
    void aRevokedKeyStopsAtOnce() {
        String viewer = newKey("viewer");
        long id = given().header("X-API-Key", ADMIN).when().get("/api/v1/keys").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.keyPrefix == '" + viewer.substring(0, 8) + "' }.id");
        given().header("X-API-Key", viewer).when().get("/api/v1/sites").then().statusCode(200);
        // The Location of a created key reads it back (an admin's), never with its secret.
        given().header("X-API-Key", viewer).when().get("/api/v1/keys/" + id).then().statusCode(403);
        given().header("X-API-Key", ADMIN).when().get("/api/v1/keys/" + id).then().statusCode(200)
                .body("keyPrefix", org.hamcrest.Matchers.equalTo(viewer.substring(0, 8))).body("role", org.hamcrest.Matchers.equalTo("viewer"))
                .body("key", org.hamcrest.Matchers.nullValue());
        given().header("X-API-Key", ADMIN).when().delete("/api/v1/keys/" + id).then().statusCode(204);
        given().header("X-API-Key", viewer).when().get("/api/v1/sites").then().statusCode(401);
    }

    @Test
    void badKeyRequestsAreProblems() {
        given().header("X-API-Key", ADMIN).contentType("application/json").body("{\"name\": \"\", \"role\": \"boss\"}")
                .when().post("/api/v1/keys").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "role"));
    }

    /*
     * Burst 30 at 1 request per second: a fresh key's requests in a quick row pass until the bucket is empty, then one is
     * refused with Retry-After. Exactly BURST pass when the row takes under a second; each further second of a slow machine
     * refills one token, so the count of passes is BURST + at most the row's whole seconds.
     */
    @Test
    void aKeyOverItsRateGets429() {
        String viewer = newKey("viewer");
        long t0 = System.nanoTime();
        int passed = 0;
        io.restassured.response.Response refused = null;
        while (refused == null && passed < 2 * BURST) {
            io.restassured.response.Response r = given().header("X-API-Key", viewer).when().get("/api/v1/catalog/ai-offerings");
            if (r.statusCode() == 200) {
                passed++;
            } else {
                refused = r;
            }
        }
        long wholeSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertThat(passed).isBetween(BURST, BURST + (int) wholeSeconds);
        refused.then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", equalTo("1"))
                .body("title", equalTo("Too many requests"));
    }
}
