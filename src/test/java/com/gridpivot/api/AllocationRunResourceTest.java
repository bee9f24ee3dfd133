package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.gridpivot.persistence.AllocationRunRecord;
import com.gridpivot.persistence.AllocationRunService;
import com.gridpivot.persistence.SolverStats;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllocationRunResourceTest {
    @Inject
    AllocationRunService runs;

    @BeforeAll
    static void doubles() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void aRunIsStoredExactlyAndListedNewestFirst() {
        String request = "{ \"interconnectMw\" : 100,\n  \"hours\": [1.50, 2e3] }";
        String result = "{\"status\":\"OPTIMAL\",\"asicMw\":40.0,\"aiMw\":60.0}";
        long older = runs.record("alice", "{}", null, "INFEASIBLE", null, SolverStats.NONE);
        long id = runs.record("bob", request, result, "OPTIMAL", 1234567.5, new SolverStats("GLOP", 42L, 17_520, 8_761));

        AllocationRunRecord stored = runs.get(id).orElseThrow();
        assertThat(stored.requestJson()).isEqualTo(request);
        assertThat(stored.resultJson()).isEqualTo(result);

        given().get("/api/v1/allocation-runs/" + id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("caller", equalTo("bob"))
                .body("status", equalTo("OPTIMAL"))
                .body("objectiveUsd", equalTo(1234567.5))
                .body("solverName", equalTo("GLOP"))
                .body("wallMs", equalTo(42))
                .body("variables", equalTo(17520))
                .body("constraints", equalTo(8761))
                .body("request.interconnectMw", equalTo(100))
                .body("request.hours[1]", equalTo(2000.0))
                .body("result.aiMw", equalTo(60.0));
        String raw = given().get("/api/v1/allocation-runs/" + id + "/request.json").then().statusCode(200).extract().asString();
        assertThat(raw).isEqualTo(request);

        given().get("/api/v1/allocation-runs/" + older).then().statusCode(200)
                .body("status", equalTo("INFEASIBLE")).body("result", nullValue()).body("solverName", nullValue());

        var list = given().get("/api/v1/allocation-runs?size=500").then().statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("items[0]", not(hasItem("request")))
                .extract().jsonPath();
        assertThat(list.getList("items.id", Integer.class).indexOf((int) id))
                .isLessThan(list.getList("items.id", Integer.class).indexOf((int) older));
        assertThat(list.getString("items[0].request")).isNull();
    }

    @Test
    void absentRunIs404() {
        given().get("/api/v1/allocation-runs/987654321").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no allocation run with id 987654321"));
        given().get("/api/v1/allocation-runs?size=0").then().statusCode(400).contentType("application/problem+json");
    }
}
