package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SiteResourceTest {
    private static final String SITES = "/api/v1/sites";

    @BeforeAll
    static void doubles() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String site(String name) {
        return """
                {
                  "name": "%s",
                  "interconnectMw": 100.5,
                  "maxAiItMw": 60,
                  "minAiItMw": 2.25,
                  "capexBudgetUsd": 250000000,
                  "marketNode": "HB_WEST",
                  "notes": "Immersion halls A-C",
                  "asicFleets": [
                    {"name": "S21", "model": "Antminer S21", "units": 10000, "pue": 1.05, "poolFeeFraction": 0.02},
                    {"name": "S19 XP", "units": 8000, "hashrateThPerUnit": 141, "powerWPerUnit": 3032,
                     "variableOpexUsdPerMwh": 2.5, "fixedOpexUsdPerMwYear": 30000}
                  ],
                  "aiOptions": [
                    {"name": "Colocation", "kind": "COLOCATION", "colocationUsdPerKwMonth": 130, "tenantPaysPower": true,
                     "pue": 1.3, "maxItMw": 40, "capexUsdPerMw": 10000000, "leadTimeMonths": 12},
                    {"name": "H100 cloud", "offering": "H100 cloud", "kwPerGpu": 1.275, "leaseUsdPerGpuHour": 2.35,
                     "utilization": 0.85, "revenueUsdPerMwh": 180, "variableOpexUsdPerMwh": 4, "fixedOpexUsdPerMwYear": 60000}
                  ]
                }""".formatted(name);
    }

    static long create(String body) {
        return given().contentType(ContentType.JSON).body(body).post(SITES)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void crudRoundTripKeepsExactValues() {
        String name = unique("Round trip");
        Response created = given().contentType(ContentType.JSON).body(site(name)).post(SITES);
        created.then().statusCode(201)
                .header("Location", endsWith(SITES + "/" + created.jsonPath().getLong("id")))
                .body("version", equalTo(0));
        long id = created.jsonPath().getLong("id");

        given().get(SITES + "/" + id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("name", equalTo(name))
                .body("interconnectMw", equalTo(100.5))
                .body("maxAiItMw", equalTo(60.0))
                .body("minAiItMw", equalTo(2.25))
                .body("capexBudgetUsd", equalTo(2.5e8))
                .body("marketNode", equalTo("HB_WEST"))
                .body("notes", equalTo("Immersion halls A-C"))
                .body("asicFleets", hasSize(2))
                .body("asicFleets[0].name", equalTo("S21"))
                .body("asicFleets[0].model", equalTo("Antminer S21"))
                .body("asicFleets[0].units", equalTo(10000))
                .body("asicFleets[0].hashrateThPerUnit", nullValue())
                .body("asicFleets[0].pue", equalTo(1.05))
                .body("asicFleets[0].poolFeeFraction", equalTo(0.02))
                .body("asicFleets[1].name", equalTo("S19 XP"))
                .body("asicFleets[1].hashrateThPerUnit", equalTo(141.0))
                .body("asicFleets[1].powerWPerUnit", equalTo(3032.0))
                .body("asicFleets[1].variableOpexUsdPerMwh", equalTo(2.5))
                .body("asicFleets[1].fixedOpexUsdPerMwYear", equalTo(30000.0))
                .body("aiOptions", hasSize(2))
                .body("aiOptions[0].name", equalTo("Colocation"))
                .body("aiOptions[0].kind", equalTo("COLOCATION"))
                .body("aiOptions[0].colocationUsdPerKwMonth", equalTo(130.0))
                .body("aiOptions[0].tenantPaysPower", equalTo(true))
                .body("aiOptions[0].pue", equalTo(1.3))
                .body("aiOptions[0].maxItMw", equalTo(40.0))
                .body("aiOptions[0].capexUsdPerMw", equalTo(1.0e7))
                .body("aiOptions[0].leadTimeMonths", equalTo(12))
                .body("aiOptions[1].offering", equalTo("H100 cloud"))
                .body("aiOptions[1].kwPerGpu", equalTo(1.275))
                .body("aiOptions[1].leaseUsdPerGpuHour", equalTo(2.35))
                .body("aiOptions[1].utilization", equalTo(0.85))
                .body("aiOptions[1].revenueUsdPerMwh", equalTo(180.0))
                .body("aiOptions[1].tenantPaysPower", nullValue())
                .body("createdAt", equalTo(created.jsonPath().getString("createdAt")));

        // PUT replaces the lists: one fleet renamed and reordered, one option dropped, a fleet keeps its name.
        String replaced = """
                {"name": "%s", "interconnectMw": 80, "marketNode": "HB_NORTH", "version": 0,
                 "asicFleets": [{"name": "S21", "units": 5, "hashrateThPerUnit": 200, "powerWPerUnit": 3500},
                                {"name": "T21", "model": "Antminer T21", "units": 7}],
                 "aiOptions": [{"name": "Colocation", "colocationUsdPerKwMonth": 140}]}""".formatted(name + " v2");
        given().contentType(ContentType.JSON).body(replaced).put(SITES + "/" + id).then().statusCode(200)
                .body("name", equalTo(name + " v2"))
                .body("interconnectMw", equalTo(80.0))
                .body("maxAiItMw", nullValue())
                .body("minAiItMw", equalTo(0.0))
                .body("capexBudgetUsd", nullValue())
                .body("notes", nullValue())
                .body("version", equalTo(1));
        given().get(SITES + "/" + id).then().statusCode(200)
                .body("marketNode", equalTo("HB_NORTH"))
                .body("asicFleets.name", containsInAnyOrder("S21", "T21"))
                .body("asicFleets[0].name", equalTo("S21"))
                .body("asicFleets[0].units", equalTo(5))
                .body("asicFleets[0].model", nullValue())
                .body("asicFleets[1].model", equalTo("Antminer T21"))
                .body("aiOptions", hasSize(1))
                .body("aiOptions[0].colocationUsdPerKwMonth", equalTo(140.0))
                .body("aiOptions[0].kind", nullValue());

        // A stale version is a conflict.
        given().contentType(ContentType.JSON).body(replaced).put(SITES + "/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("version"));

        given().get(SITES + "?size=500").then().statusCode(200).body("items.id", hasItem((int) id));

        given().delete(SITES + "/" + id).then().statusCode(204);
        given().get(SITES + "/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("no site with id " + id));
        given().delete(SITES + "/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void absentSiteIs404OnReadReplaceDelete() {
        given().get(SITES + "/987654321").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://gridpivot.dev/problems/not-found"))
                .body("instance", equalTo(SITES + "/987654321"));
        given().contentType(ContentType.JSON).body(site(unique("Nowhere"))).put(SITES + "/987654321")
                .then().statusCode(404).contentType("application/problem+json");
        given().delete(SITES + "/987654321").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void duplicateSiteNameIs409() {
        String name = unique("Duplicate");
        long id = create(site(name));
        given().contentType(ContentType.JSON).body(site(name)).post(SITES).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gridpivot.dev/problems/conflict"))
                .body("status", equalTo(409))
                .body("errors.field", containsInAnyOrder("name"))
                .body("detail", equalTo("name: a site named '" + name + "' already exists (id " + id + ")"));

        // Renaming another site to the taken name is a conflict too.
        long other = create(site(unique("Other")));
        given().contentType(ContentType.JSON).body(site(name)).put(SITES + "/" + other).then().statusCode(409)
                .body("errors.field", containsInAnyOrder("name"));
        given().delete(SITES + "/" + id).then().statusCode(204);
        given().delete(SITES + "/" + other).then().statusCode(204);
    }

    @Test
    void duplicateFleetAndOptionNamesAre409() {
        String body = """
                {"name": "%s", "interconnectMw": 50,
                 "asicFleets": [{"name": "A", "units": 1, "hashrateThPerUnit": 200, "powerWPerUnit": 3500},
                                {"name": "B", "units": 1, "hashrateThPerUnit": 200, "powerWPerUnit": 3500},
                                {"name": "A", "units": 2, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                 "aiOptions": [{"name": "X", "revenueUsdPerMwh": 150}, {"name": "X", "revenueUsdPerMwh": 160}]}
                """.formatted(unique("Dup children"));
        given().contentType(ContentType.JSON).body(body).post(SITES).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("asicFleets[2].name", "aiOptions[1].name"))
                .body("errors.pointer", containsInAnyOrder("/asicFleets/2/name", "/aiOptions/1/name"));
    }

    @Test
    void invalidFieldsAre400WithEveryFieldNamed() {
        String body = """
                {"name": " ", "interconnectMw": 100001, "minAiItMw": -1, "capexBudgetUsd": 1e400, "marketNode": "HB WEST",
                 "asicFleets": [{"name": "A", "units": -3, "pue": 0.9, "poolFeeFraction": 1.5},
                                {"name": "B", "model": "Antminer S21", "units": 1, "hashrateThPerUnit": 0}],
                 "aiOptions": [{"name": "C", "kind": "MOON", "utilization": 2, "pue": 3.5, "maxItMw": 2e5,
                                "leaseUsdPerGpuHour": -1, "leadTimeMonths": 999}, {"name": "D"}]}
                """;
        given().contentType(ContentType.JSON).body(body).post(SITES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gridpivot.dev/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder(
                        "name", "interconnectMw", "minAiItMw", "capexBudgetUsd", "marketNode",
                        "asicFleets[0].units", "asicFleets[0].hashrateThPerUnit", "asicFleets[0].powerWPerUnit",
                        "asicFleets[0].pue", "asicFleets[0].poolFeeFraction",
                        "asicFleets[1].hashrateThPerUnit",
                        "aiOptions[0].kind", "aiOptions[0].utilization", "aiOptions[0].pue", "aiOptions[0].maxItMw",
                        "aiOptions[0].leaseUsdPerGpuHour", "aiOptions[0].leadTimeMonths",
                        "aiOptions[1].offering"));
    }

    @Test
    void aiBoundsMustFitTheInterconnect() {
        String body = """
                {"name": "%s", "interconnectMw": 50, "maxAiItMw": 60, "minAiItMw": 70}""".formatted(unique("Bounds"));
        given().contentType(ContentType.JSON).body(body).post(SITES).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("maxAiItMw", "minAiItMw"));
    }

    @Test
    void missingRequiredAndUnknownFieldsAre400() {
        given().contentType(ContentType.JSON).body("{\"notes\": \"x\"}").post(SITES).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "interconnectMw"));
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"interconnectMW\": 5}").post(SITES).then().statusCode(400)
                .body("errors[0].reason", equalTo("unknown field 'interconnectMW'"));
    }

    @Test
    void listIsPaginated() {
        String prefix = unique("Page");
        long a = create(site(prefix + " a"));
        long b = create(site(prefix + " b"));
        int total = given().get(SITES + "?page=0&size=1").then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .body("items", hasSize(1))
                .body("totalItems", greaterThan(1))
                .extract().jsonPath().getInt("totalPages");
        given().get(SITES + "?page=" + total + "&size=1").then().statusCode(200).body("items", hasSize(0));
        given().get(SITES + "?page=-1&size=0").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("page", "size"));
        given().get(SITES + "?size=501").then().statusCode(400).body("errors.field", containsInAnyOrder("size"));
        // Malformed numbers are a 400 naming the parameter (the REST layer alone answered 404), and a page whose first
        // index passes 2^31 - 1 is refused before it overflows the query's offset (it was a 500).
        given().get(SITES + "?page=abc&size=1e3").then().statusCode(400).body("errors.field", containsInAnyOrder("page", "size"));
        given().get(SITES + "?page=4294968&size=500").then().statusCode(400).body("errors.field", containsInAnyOrder("page"));
        given().get(SITES + "?page=4294967&size=500").then().statusCode(200).body("items", hasSize(0));
        given().delete(SITES + "/" + a).then().statusCode(204);
        given().delete(SITES + "/" + b).then().statusCode(204);
    }
}
