package com.gridpivot.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.api.ApiExamples;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document is strict by itself: a standard JSON-schema validator (networknt, 2020-12), reading the
 * document as served and adding nothing, accepts a real what-if sweep answer and a real plan sweep answer under the
 * {@code oneOf} of the sweep operations (exactly one alternative matches each), and rejects wrong bodies. Before, both
 * alternatives had no required properties and were open, so a plan sweep answer matched both and broke the oneOf.
 */
@QuarkusTest
class OpenApiOneOfTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN_SWEEP = """
            {"plan": %s, "axes": [{"input": "BTC_PRICE_SCALE", "from": 0.5, "to": 2.0, "points": 4}],
             "tornado": {"inputs": ["BTC_PRICE_SCALE"], "deltaFraction": 0.5}}""".formatted(com.gridpivot.api.PlanSweepResourceTest.PLAN);

    /** The document as served (the contract's copy, read once). */
    static JsonNode document() {
        return contract().document();
    }

    /** The declared 200 schema of an operation, compiled as a standard validator reads it (the contract adds nothing). */
    private static JsonSchema plain(String path, String method) {
        JsonNode schema = document().path("paths").path(path).path(method).at("/responses/200/content/application~1json/schema");
        assertThat(schema.isMissingNode()).as(method + " " + path).isFalse();
        return contract().compile(schema);
    }

    private static Set<ValidationMessage> check(String path, String method, JsonNode body) {
        return plain(path, method).validate(body);
    }

    private static JsonNode sweep(String body) throws Exception {
        return JSON.readTree(given().contentType("application/json").body(body).post("/api/v1/sweeps").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void realSweepAnswersMatchExactlyOneAlternative() throws Exception {
        JsonNode planSweep = sweep(PLAN_SWEEP);
        JsonNode whatIfSweep = sweep(ApiExamples.SWEEP_REQUEST);
        assertThat(planSweep.path("kind").asText()).isEqualTo("PLAN_SWEEP");
        assertThat(whatIfSweep.path("kind").asText()).isEqualTo("SWEEP");
        for (String[] op : List.of(new String[] {"/api/v1/sweeps", "post"}, new String[] {"/api/v1/sweeps/runs/{id}/result", "get"})) {
            assertThat(check(op[0], op[1], planSweep)).as(op[0]).isEmpty();
            assertThat(check(op[0], op[1], whatIfSweep)).as(op[0]).isEmpty();
        }
        // each answer matches its own alternative and not the other one
        assertThat(component("PlanSweepResult").validate(planSweep)).isEmpty();
        assertThat(component("SweepResult").validate(planSweep)).isNotEmpty();
        assertThat(component("SweepResult").validate(whatIfSweep)).isEmpty();
        assertThat(component("PlanSweepResult").validate(whatIfSweep)).isNotEmpty();
    }

    @Test
    void wrongSweepBodiesAreRejected() throws Exception {
        JsonNode planSweep = sweep(PLAN_SWEEP);
        JsonNode whatIfSweep = sweep(ApiExamples.SWEEP_REQUEST);
        Map<String, JsonNode> wrong = Map.of(
                "a plan sweep named a what-if sweep", with(planSweep, "kind", "SWEEP"),
                "an unknown kind", with(whatIfSweep, "kind", "TORNADO"),
                "an undeclared field", with(whatIfSweep, "stackTrace", "at com.gridpivot"),
                "a what-if sweep with a plan sweep's field", with(whatIfSweep, "lpModelsBuilt", 3),
                "a plan sweep without its lpModelsBuilt", without(planSweep, "lpModelsBuilt"),
                "a plan sweep without its kind", without(planSweep, "kind"),
                "a point with a text NPV", withPoint(planSweep, "npvUsd", "a lot"),
                "a point without its status", withoutInPoint(whatIfSweep, "status"));
        for (Map.Entry<String, JsonNode> w : wrong.entrySet()) {
            assertThat(check("/api/v1/sweeps", "post", w.getValue())).as(w.getKey()).isNotEmpty();
            assertThat(check("/api/v1/sweeps/runs/{id}/result", "get", w.getValue())).as(w.getKey()).isNotEmpty();
        }
    }

    /** The Monte Carlo / stochastic result's oneOf holds by the document alone too: each alternative is closed and required. */
    @Test
    void riskResultAlternativesExcludeEachOther() {
        JsonNode mc = document().at("/components/schemas/MonteCarloResult");
        JsonNode st = document().at("/components/schemas/StochasticResult");
        assertThat(mc.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(st.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(names(mc.path("required"))).contains("startMonth", "months", "paths", "seed", "model", "plans");
        assertThat(names(st.path("required"))).contains("status", "expectedNpvUsd", "scenarios", "valueMeasures");
    }

    /** Every object schema of the document that lists its properties is closed (the contract test adds nothing). */
    @Test
    void everyObjectWithPropertiesIsClosed() {
        for (Map.Entry<String, JsonNode> s : document().path("components").path("schemas").properties()) {
            if (s.getValue().has("properties")) {
                assertThat(s.getValue().path("additionalProperties").isBoolean()).as(s.getKey()).isTrue();
                assertThat(s.getValue().path("additionalProperties").asBoolean()).as(s.getKey()).isFalse();
            }
        }
    }

    private static JsonSchema component(String name) {
        return contract().compile(JSON.createObjectNode().put("$ref", "#/components/schemas/" + name));
    }

    private static OpenApiContract contract() {
        try {
            return FuzzTest.contract();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode with(JsonNode body, String field, Object value) {
        ObjectNode copy = body.deepCopy();
        copy.set(field, JSON.valueToTree(value));
        return copy;
    }

    private static JsonNode without(JsonNode body, String field) {
        ObjectNode copy = body.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static JsonNode withPoint(JsonNode body, String field, Object value) {
        ObjectNode copy = body.deepCopy();
        ((ObjectNode) copy.path("points").get(0)).set(field, JSON.valueToTree(value));
        return copy;
    }

    private static JsonNode withoutInPoint(JsonNode body, String field) {
        ObjectNode copy = body.deepCopy();
        ((ObjectNode) copy.path("points").get(0)).remove(field);
        return copy;
    }
}
