package com.gridpivot.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.persistence.SeriesService;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard with API keys on (its own profile: keys required, a known admin key, a rate no page load reaches):
 * it asks for a key, says in words that a wrong key was not accepted, lets a viewer read market data but not run a
 * what-if (the 403 in words), and lets a planner run one whose numbers are the API's.
 */
@QuarkusTest
@TestProfile(WebAuthTest.KeysOn.class)
class WebAuthTest extends WebPageTest {
    static final String ADMIN = "web-test-admin-key-0123456789";
    static final String SITE = "Auth page test site";

    public static class KeysOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gridpivot.auth.enabled", "true", "gridpivot.auth.admin-key", ADMIN,
                    "gridpivot.auth.requests-per-second-per-key", "100", "gridpivot.auth.burst-per-key", "1000");
        }
    }

    @Inject
    SeriesService series;

    WebAuthTest() {
        super(30_000);
    }

    @BeforeEach
    void storeWhatThePagesNeed() throws Exception {
        WebTestData.store(series);
        ApiRequests.ensureSite(() -> given().header("X-API-Key", ADMIN), SITE, """
                {"name": "%s", "interconnectMw": 10,
                 "asicFleets": [{"name": "S21", "units": 4000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                 "aiOptions": [{"name": "AI", "revenueUsdPerMwh": 120}]}
                """.formatted(SITE));
        // the browser logs every 4xx answer (here the 401s and the 403 on purpose); the page says them in words
    }

    static String newKey(String role) {
        return given().header("X-API-Key", ADMIN).contentType("application/json")
                .body("{\"name\": \"web " + role + " " + UUID.randomUUID() + "\", \"role\": \"" + role + "\"}")
                .when().post("/api/v1/keys").then().statusCode(201).extract().jsonPath().getString("key");
    }

    void useKey(String key) {
        page.fill("#api-key", key);
        page.keyboard().press("Enter");
    }

    void noStackTrace() {
        web.showsNoStackTrace();
        assertThat(page.textContent("body")).doesNotContain("HTTP 40");
    }

    /** The stored site with a flat price and hashprice for one day: a what-if that needs no stored series. */
    void flatWhatIf() {
        page.selectOption("#site-pick", new SelectOption().setLabel(SITE));
        page.click("#load-site");
        page.waitForSelector("#site-status:has-text('Loaded site')");
        page.check("input[name='price-source'][value='flat']");
        page.fill("#price-flat", "40");
        page.fill("#price-hours", "24");
        page.check("input[name='hash-source'][value='flat']");
        page.fill("#hashprice-flat", "45");
        // only the chosen sources' inputs are shown
        assertThat(page.isVisible("#price-node")).isFalse();
        assertThat(page.isVisible("#hashprice-series")).isFalse();
        assertThat(page.isVisible("#price-flat")).isTrue();
    }

    @Test
    void theDashboardAsksForAKeyAndSaysInWordsWhatEachKeyMayDo() throws Exception {
        String viewer = newKey("viewer");
        String planner = newKey("planner");

        // no key: the page says it needs one, and the key field takes the focus
        assertThat(web.navigate("#/market")).isEqualTo("error");
        assertThat(page.textContent("#page-error")).contains("The service needs an API key").contains("API key field at the top");
        page.waitForSelector("#key-status:has-text('needs an API key')");
        assertThat(page.evaluate("document.activeElement.id")).as("the key field has the focus").isEqualTo("api-key");
        assertThat(page.textContent("label[for='api-key']")).isEqualTo("API key");
        noStackTrace();
        web.screenshot("auth-no-key-1366x768.png", false);

        // a wrong key: not accepted, said in words
        useKey("gp_this-is-not-a-key");
        page.waitForSelector("#key-status:has-text('was not accepted')");
        assertThat(web.readyState()).isEqualTo("error");
        assertThat(page.textContent("#key-status")).contains("The API key you entered was not accepted (")
                .contains("unknown or revoked");
        assertThat(page.textContent("#page-error")).contains("was not accepted");
        noStackTrace();
        web.screenshot("auth-wrong-key-1366x768.png", false);

        // a viewer reads market data: the charts draw
        useKey(viewer);
        page.waitForSelector("#key-status:has-text('Key set')");
        page.waitForSelector("#chart-energy-duration canvas");
        assertThat(web.readyState()).isEqualTo("true");
        assertThat(web.chartsWithData(".chart", "canvas")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(page.textContent("#series-table")).contains(WebTestData.WEST);

        // … but may not run a what-if: the 403 in words, at the form and at the key
        assertThat(web.navigate("#/whatif")).isEqualTo("true");
        flatWhatIf();
        page.click("#run");
        page.waitForSelector("#result-status:has-text('did not run')");
        String said = page.textContent("#result-status");
        assertThat(said).contains("The what-if did not run: Your API key may not do this:")
                .contains("has the role viewer; POST /api/v1/allocations needs planner").contains("Ask your admin for a key with that role");
        assertThat(page.textContent("#form-errors")).contains("The request was not run").contains("needs planner");
        assertThat(page.textContent("#key-status")).contains("may not do this");
        assertThat(page.locator("#results [data-key]").count()).isZero();
        noStackTrace();
        web.screenshot("auth-viewer-403-1366x768.png", true);

        // a planner runs it, and the numbers are the API's for the same request and key
        useKey(planner);
        page.waitForSelector("#key-status:has-text('Key set')");
        assertThat(web.readyState()).isEqualTo("true");
        flatWhatIf();
        AtomicReference<String> sent = new AtomicReference<>();
        AtomicReference<String> sentKey = new AtomicReference<>();
        page.onRequest(r -> {
            if (r.url().endsWith("/api/v1/allocations") && "POST".equals(r.method())) {
                sent.set(r.postData());
                sentKey.set(r.headers().get("x-api-key"));
            }
        });
        page.click("#run");
        page.waitForSelector("#results[data-status]");
        assertThat(page.getAttribute("#results", "data-status")).isEqualTo("OPTIMAL");
        assertThat(sentKey.get()).isEqualTo(planner);
        JsonNode api = ApiRequests.post(given().header("X-API-Key", planner), "/api/v1/allocations", sent.get(), 200);
        String net = page.getAttribute("#results .headline [data-key='[\"economics\",\"netUsd\"]']", "data-value");
        assertThat(Double.parseDouble(net)).isCloseTo(api.at("/economics/netUsd").asDouble(), Offset.offset(1e-6));
        assertThat(page.locator("#form-errors").isHidden()).isTrue();
    }
}
