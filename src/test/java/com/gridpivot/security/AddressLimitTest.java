package com.gridpivot.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-address limit before authentication: an address that floods /api with keys (unknown ones here) is answered 429
 * once its burst is spent, without a key look-up, and so is a good key from the same address; what lies outside /api
 * (health) is not counted.
 */
@QuarkusTest
@TestProfile(AddressLimitTest.Tight.class)
class AddressLimitTest {
    static final String ADMIN = "address-limit-admin-0123456789";
    /** Requests one address may make at once; the rate refills one request per 100 s, so none comes back during the test. */
    static final int BURST = 5;

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gridpivot.auth.enabled", "true", "gridpivot.auth.admin-key", ADMIN,
                    "gridpivot.auth.requests-per-second-per-address", "0.01", "gridpivot.auth.burst-per-address", "" + BURST);
        }
    }

    @Inject
    ApiKeyService keys;

    @Test
    void anAddressOverItsRateIsStoppedBeforeItsKeysAreLookedUp() {
        for (int i = 0; i < BURST; i++) {
            given().header("X-API-Key", "gp_guess" + i).when().get("/api/v1/catalog/asic-models").then().statusCode(401);
        }
        int cachedAfterBurst = keys.cachedKeys();
        for (int i = BURST; i < 3 * BURST; i++) {
            String retryAfter = given().header("X-API-Key", "gp_guess" + i).when().get("/api/v1/catalog/asic-models").then()
                    .statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                    .body("detail", containsString("over its rate of 0.01 requests per second (counted before the API key)"))
                    .extract().header("Retry-After");
            // (1 - tokens refilled since the burst) / 0.01 per second: 100 s at once, 50 s had the test taken 50 s
            assertThat(Long.parseLong(retryAfter)).isBetween(50L, 100L);
        }
        // The ten refused guesses were never looked up: the cache holds no more keys than after the burst.
        assertThat(keys.cachedKeys()).isEqualTo(cachedAfterBurst);
        // A good key from the same address waits too (the address is counted first), and health stays open.
        given().header("X-API-Key", ADMIN).when().get("/api/v1/keys").then().statusCode(429);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
