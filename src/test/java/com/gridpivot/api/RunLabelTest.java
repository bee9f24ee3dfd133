package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.gridpivot.jobs.JobPolling;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Run labels (issue 18 item 5): every stored run — a what-if, a plan run, a what-if or plan sweep, a Monte Carlo and a
 * stochastic run — carries its site's name (the inline site's, or the stored site's a what-if named by id) and the
 * caller's optional {@code label}, returned in the run's view and in lists and filterable there; a bad label is a 400
 * problem naming the field.
 */
@QuarkusTest
class RunLabelTest {

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /** A unique token, so each test finds its own runs in lists shared with the other tests. */
    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** RunResourceTest's bodies with a named site and a top-level label (the plan sweep's label inside its plan, PlanSweepResourceTest's). */
    private static Map<String, String> bodies(String label) {
        String plan = RunResourceTest.PLAN.replace("\"site\": {\"interconnectMw\": 10}", "\"site\": {\"name\": \"Plan site\", \"interconnectMw\": 10}");
        assertThat(plan).contains("Plan site");
        String sweep = SweepRunResourceTest.SWEEP.replace("\"site\": {\"interconnectMw\": 10}", "\"site\": {\"name\": \"Sweep site\", \"interconnectMw\": 10}");
        assertThat(sweep).contains("Sweep site");
        String planSweep = PlanSweepResourceTest.SWEEP.replace(PlanSweepResourceTest.PLAN, withLabel(PlanSweepResourceTest.PLAN, label));
        assertThat(planSweep).contains(label);
        return Map.of(
                "PLAN", withLabel(plan, label),
                "SWEEP", withLabel(sweep, label),
                "PLAN_SWEEP", planSweep,
                "MONTE_CARLO", withLabel(RunResourceTest.MONTE_CARLO, label),
                "STOCHASTIC_PLAN", withLabel(RunResourceTest.STOCHASTIC, label));
    }

    private static String withLabel(String body, String label) {
        return body.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{\"label\": \"" + label + "\", "));
    }

    private static final Map<String, String> START = Map.of("PLAN", "/api/v1/plans/runs", "SWEEP", "/api/v1/sweeps/runs",
            "PLAN_SWEEP", "/api/v1/sweeps/runs", "MONTE_CARLO", "/api/v1/risk/montecarlo/runs", "STOCHASTIC_PLAN", "/api/v1/risk/stochastic/runs");

    private static final Map<String, String> SITE = Map.of("PLAN", "Plan site", "SWEEP", "Sweep site", "PLAN_SWEEP", "tiny",
            "MONTE_CARLO", "tiny", "STOCHASTIC_PLAN", "tiny");

    @Test
    void everyDurableRunKindCarriesItsSiteNameAndLabelInItsViewAndInLists() throws Exception {
        String token = token();
        String label = "Board review " + token + " — 50 MW to AI";
        for (var e : bodies(label).entrySet()) {
            String kind = e.getKey();
            String location = given().contentType(ContentType.JSON).body(e.getValue()).post(START.get(kind)).then().statusCode(202)
                    .body("kind", equalTo(kind)).body("siteName", equalTo(SITE.get(kind))).body("label", equalTo(label))
                    .extract().header("Location");
            // the finished run keeps them, at the kind's path and at the generic one
            JsonPath done = JobPolling.poll(location).jsonPath();
            assertThat(done.getString("status")).as(kind).isEqualTo("OPTIMAL");
            assertThat(done.getString("siteName")).as(kind).isEqualTo(SITE.get(kind));
            assertThat(done.getString("label")).as(kind).isEqualTo(label);
        }
        // the list filtered by label (a part of it, any case) holds the five runs, each with its site and label
        JsonPath all = given().queryParam("label", token.toUpperCase()).get("/api/v1/runs").then().statusCode(200).extract().jsonPath();
        assertThat(all.getInt("totalItems")).isEqualTo(5);
        assertThat(all.<String>getList("items.kind")).containsExactlyInAnyOrder("PLAN", "SWEEP", "PLAN_SWEEP", "MONTE_CARLO", "STOCHASTIC_PLAN");
        List<Map<String, Object>> items = all.getList("items");
        for (Map<String, Object> item : items) {
            assertThat(item.get("siteName")).as(item.get("kind").toString()).isEqualTo(SITE.get(item.get("kind").toString()));
            assertThat(item.get("label")).isEqualTo(label);
        }
        // and by site name too: the plan sweep, Monte Carlo and stochastic runs are the ones on "tiny"
        JsonPath tiny = given().queryParam("label", token).queryParam("site", "TIN").queryParam("kind", "MONTE_CARLO")
                .get("/api/v1/runs").then().statusCode(200).extract().jsonPath();
        assertThat(tiny.<String>getList("items.kind")).containsExactly("MONTE_CARLO");
        assertThat(given().queryParam("label", token).queryParam("site", "tiny").get("/api/v1/runs").then().statusCode(200)
                .extract().jsonPath().<String>getList("items.kind")).containsExactlyInAnyOrder("PLAN_SWEEP", "MONTE_CARLO", "STOCHASTIC_PLAN");
        // LIKE wildcards are literal: "%" matches no label here
        given().queryParam("label", token + "%").get("/api/v1/runs").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aWhatIfOnAStoredSiteCarriesTheStoredSitesNameAndAnInlineOneItsOwn() {
        String token = token();
        String siteName = "Label site " + token;
        long siteId = given().contentType(ContentType.JSON).body("""
                {"name": "%s", "interconnectMw": 5,
                 "asicFleets": [{"name": "S21", "units": 1000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                 "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 2}]}""".formatted(siteName))
                .post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        String label = "Stored site " + token;
        long stored = given().contentType(ContentType.JSON).body("""
                {"siteId": %d, "label": "%s", "market": {"energyPriceUsdPerMwh": 30, "hours": 2, "hashpriceUsdPerPhDay": 45}}"""
                .formatted(siteId, label)).post("/api/v1/allocations").then().statusCode(200).body("status", equalTo("OPTIMAL"))
                .extract().jsonPath().getLong("runId");
        given().get("/api/v1/allocation-runs/" + stored).then().statusCode(200)
                .body("siteId", equalTo((int) siteId)).body("siteName", equalTo(siteName)).body("label", equalTo(label))
                // the inputs of a stored-site run are those it was solved with (the Runs page shows them)
                .body("resolvedRequest.asicFleets[0].name", equalTo("S21")).body("resolvedRequest.aiOptions[0].name", equalTo("flat"));
        long inline = given().contentType(ContentType.JSON).body("""
                {"site": {"name": "Inline %s", "interconnectMw": 5},
                 "asicFleets": [{"name": "S21", "units": 1000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                 "market": {"energyPriceUsdPerMwh": 30, "hours": 2, "hashpriceUsdPerPhDay": 45}}""".formatted(token))
                .post("/api/v1/allocations").then().statusCode(200).extract().jsonPath().getLong("runId");
        given().get("/api/v1/allocation-runs/" + inline).then().statusCode(200)
                .body("siteName", equalTo("Inline " + token)).body("label", nullValue());
        // the list shows both (newest first), without their JSON texts
        JsonPath page = given().queryParam("size", 200).get("/api/v1/allocation-runs").then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("items.find { it.id == " + stored + " }.siteName")).isEqualTo(siteName);
        assertThat(page.getString("items.find { it.id == " + stored + " }.label")).isEqualTo(label);
        assertThat(page.getString("items.find { it.id == " + inline + " }.siteName")).isEqualTo("Inline " + token);
        assertThat(page.getString("items.find { it.id == " + stored + " }.request")).isNull();
    }

    @Test
    void aBadLabelIsAProblemNamingTheField() {
        String whatIf = """
                {"site": {"name": "s", "interconnectMw": 5}, "label": %s,
                 "asicFleets": [{"name": "S21", "units": 1000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                 "market": {"energyPriceUsdPerMwh": 30, "hours": 2, "hashpriceUsdPerPhDay": 45}}""";
        // a line break (JSON "\n") and a bell: control characters, named by position
        given().contentType(ContentType.JSON).body(whatIf.formatted("\"Q1\\nreview\"")).post("/api/v1/allocations").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("label"))
                .body("errors[0].reason", equalTo("must not contain control characters (tab, line break and the like); found U+000A at character 3"));
        given().contentType(ContentType.JSON).body(withLabel(RunResourceTest.PLAN, "bell\\u0007")).post("/api/v1/plans/runs").then().statusCode(400)
                .body("errors[0].field", equalTo("label")).body("errors[0].reason", containsString("U+0007 at character 5"));
        // 201 characters: refused when read, naming the field
        given().contentType(ContentType.JSON).body(whatIf.formatted("\"" + "x".repeat(201) + "\"")).post("/api/v1/allocations").then()
                .statusCode(400).body("errors[0].field", equalTo("label")).body("errors[0].reason", containsString("200"));
        // blank; and a number is not a label
        given().contentType(ContentType.JSON).body(whatIf.formatted("\"  \"")).post("/api/v1/allocations").then().statusCode(400)
                .body("errors[0].field", equalTo("label")).body("errors[0].reason", containsString("blank"));
        given().contentType(ContentType.JSON).body(whatIf.formatted("42")).post("/api/v1/allocations").then().statusCode(400)
                .body("errors[0].field", equalTo("label"));
        // a Monte Carlo run without its own label takes its problem's, and a bad one is named by its path
        String mc = RunResourceTest.MONTE_CARLO.replace("{\"scenario\"", "{\"label\": \"tab\\there\", \"scenario\"");
        assertThat(mc).contains("tab\\there");
        given().contentType(ContentType.JSON).body(mc).post("/api/v1/risk/montecarlo/runs").then().statusCode(400)
                .body("errors[0].field", equalTo("problem.label")).body("errors[0].reason", containsString("U+0009 at character 4"));
        // a filter longer than a label can be
        given().queryParam("label", "y".repeat(201)).get("/api/v1/runs").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("label"));
    }
}
