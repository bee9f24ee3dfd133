package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Text fields take JSON strings only: a boolean or a number where a string is declared is a 400 problem naming the
 * field, and nothing is stored (before, {@code "name": false} was stored as the name "false").
 */
@QuarkusTest
class TextFieldsTest {
    private static final String SITES = "/api/v1/sites";
    private static final String SCENARIOS = "/api/v1/scenarios";

    private static String scenario(String nameJson) {
        return """
                {"name": %s, "btc": {"priceUsd": 50000, "startDifficulty": 1.2e14, "feesBtcPerBlock": 0},
                 "energy": {"flatPriceUsdPerMwh": 20}, "discountRate": 0}""".formatted(nameJson);
    }

    static int siteCount() {
        return given().get(SITES).then().statusCode(200).extract().jsonPath().getInt("totalItems");
    }

    @Test
    void aSiteNamedFalseIsRefusedAndNotStored() {
        String body = SiteResourceTest.site("x").replace("\"name\": \"x\"", "\"name\": false");
        int before = siteCount();
        given().contentType(ContentType.JSON).body(body).post(SITES).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].reason", equalTo("expected a string but got 'false'"));
        assertThat(siteCount()).isEqualTo(before);
    }

    @Test
    void aFleetNamed123IsRefused() {
        String name = SiteResourceTest.unique("Fleet 123");
        String body = SiteResourceTest.site(name).replace("{\"name\": \"S21\"", "{\"name\": 123");
        int before = siteCount();
        given().contentType(ContentType.JSON).body(body).post(SITES).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("asicFleets[0].name"))
                .body("errors[0].reason", equalTo("expected a string but got '123'"));
        assertThat(siteCount()).isEqualTo(before);
    }

    @Test
    void aScenarioNamedWithANumberIsRefused() {
        given().contentType(ContentType.JSON).body(scenario("2.5")).post(SCENARIOS).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("name"))
                .body("detail", containsString("expected a string"));
        given().contentType(ContentType.JSON).body(scenario("true")).post(SCENARIOS).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        // the same body with a string name is stored
        given().contentType(ContentType.JSON).body(scenario("\"s-" + UUID.randomUUID() + "\"")).post(SCENARIOS).then().statusCode(201);
    }

    // ---------------------------------------------------------------- maximum lengths (TextLimits, V7)

    static int runCount() {
        return given().get("/api/v1/allocation-runs").then().statusCode(200).extract().jsonPath().getInt("totalItems");
    }

    @Test
    void anOverLongSiteNameIsRefusedAndNothingIsStored() {
        int before = siteCount();
        String longName = "W".repeat(201);
        given().contentType(ContentType.JSON).body(SiteResourceTest.site(longName)).post(SITES).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].reason", equalTo("at most 200 characters, got 201"));
        String notes = SiteResourceTest.site(SiteResourceTest.unique("Long notes"))
                .replace("Immersion halls A-C", "n".repeat(4001));
        given().contentType(ContentType.JSON).body(notes).post(SITES).then().statusCode(400)
                .body("errors[0].field", equalTo("notes"))
                .body("errors[0].reason", equalTo("at most 4000 characters, got 4001"));
        assertThat(siteCount()).isEqualTo(before);
        // 200 characters are a name (the column is VARCHAR(200))
        String longest = (SiteResourceTest.unique("L") + "x".repeat(200)).substring(0, 200);
        given().contentType(ContentType.JSON).body(SiteResourceTest.site(longest)).post(SITES).then().statusCode(201)
                .body("name", equalTo(longest));
    }

    /** An inline what-if is stored as sent (allocation_run.request_json): a 1 MiB site name there is refused and not stored. */
    @Test
    void anOverLongNameInsideAWhatIfIsRefusedAndNotStored() {
        int before = runCount();
        String body = ApiExamples.ALLOCATION_REQUEST.replace("\"name\": \"West Texas\"", "\"name\": \"" + "W".repeat(1 << 20) + "\"");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/allocations").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("site.name"))
                .body("errors[0].reason", equalTo("at most 200 characters, got 1048576"));
        String fleet = ApiExamples.ALLOCATION_REQUEST.replaceFirst("\"name\": \"S21\"", "\"name\": \"" + "S".repeat(101) + "\"");
        given().contentType(ContentType.JSON).body(fleet).post("/api/v1/allocations").then().statusCode(400)
                .body("errors[0].field", equalTo("asicFleets[0].name"))
                .body("errors[0].reason", equalTo("must be at most 100 characters"));
        assertThat(runCount()).isEqualTo(before);
    }

    /** A scenario is stored as JSON: a series node longer than a stored series key (100) is refused, not stored. */
    @Test
    void anOverLongNodeInAScenarioIsRefused() {
        String body = """
                {"name": "s-%s", "btc": {"priceUsd": 50000, "startDifficulty": 1.2e14, "feesBtcPerBlock": 0},
                 "energy": {"node": "%s", "replayYear": 2024}, "discountRate": 0}""".formatted(UUID.randomUUID(), "N".repeat(101));
        given().contentType(ContentType.JSON).body(body).post(SCENARIOS).then().statusCode(400)
                .body("errors[0].field", equalTo("energy.node"))
                .body("errors[0].reason", equalTo("at most 100 characters, got 101"));
    }

    /** The served document declares the same limits. */
    @Test
    void theDocumentDeclaresTheLimits() {
        io.restassured.path.json.JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getInt("components.schemas.SiteRequest.properties.name.maxLength")).isEqualTo(200);
        assertThat(doc.getInt("components.schemas.SiteRequest.properties.notes.maxLength")).isEqualTo(4000);
        assertThat(doc.getInt("components.schemas.SiteRequest.properties.marketNode.maxLength")).isEqualTo(64);
        assertThat(doc.getInt("components.schemas.AsicFleetInput.properties.name.maxLength")).isEqualTo(100);
        assertThat(doc.getInt("components.schemas.ScenarioBody.properties.description.maxLength")).isEqualTo(4000);
        assertThat(doc.getInt("components.schemas.Table.properties.columns.items.maxLength")).isEqualTo(200);
    }
}
