package com.gridpivot.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.api.ApiExamples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property-based fuzzing of every JSON endpoint: valid requests mutated by jqwik generators (NaN, ±Infinity, 1e308,
 * -0, huge arrays, wrong types, deep nesting, unknown fields, truncated and random text). The only answers allowed
 * are a 2xx with a consistent result or a 4xx problem+json, and every status must be one the OpenAPI document lists
 * for that operation (or a generic 400/404/405/413/415 problem). Seeded: a failure names its seed and case.
 */
@QuarkusTest
class FuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 120);
    private static JsonNode openApi;

    /** Evil scalars: the values that break naive services. */
    private static final Arbitrary<JsonNode> EVIL = Arbitraries.oneOf(List.of(
            Arbitraries.of(F.textNode("NaN"), F.textNode("Infinity"), F.textNode("-Infinity"), F.numberNode(1e308), F.numberNode(-1e308),
                    F.numberNode(-0.0), F.numberNode(4.9e-324), F.numberNode(Long.MAX_VALUE), F.numberNode(Integer.MIN_VALUE), F.nullNode(),
                    F.booleanNode(true), F.textNode(""), F.textNode("1e999"), F.objectNode(), F.arrayNode(), F.textNode("\u0000\uFFFF𝔾"),
                    F.numberNode(1e30), F.numberNode(-1.0)),
            Arbitraries.doubles().map(d -> (JsonNode) F.numberNode(d)),
            Arbitraries.strings().ofMaxLength(300).map(s -> (JsonNode) F.textNode(s)),
            Arbitraries.integers().between(0, 5).map(FuzzTest::deep)));

    /** A one-month plan problem (the hand case of StochasticPlanTest): cheap to solve, so valid mutations run. */
    private static final String SCENARIO = "{\"btc\": {\"priceUsd\": 50000, \"startDifficulty\": 1.2586e14, \"feesBtcPerBlock\": 0},"
            + " \"energy\": {\"flatPriceUsdPerMwh\": 20}, \"discountRate\": 0}";
    private static final String PLAN = "{\"scenario\": " + SCENARIO + ", \"site\": {\"name\": \"fuzz\", \"interconnectMw\": 5},"
            + " \"asicFleets\": [{\"name\": \"S21\", \"units\": 1600, \"hashrateThPerUnit\": 150, \"powerWPerUnit\": 3125}],"
            + " \"aiOptions\": [{\"name\": \"flat\", \"revenueUsdPerMwh\": 120, \"maxItMw\": 5, \"capexUsdPerMw\": 40000, \"leadTimeMonths\": 0}],"
            + " \"startMonth\": \"2026-01\", \"months\": 2}";
    private static final Map<String, String> JOB_ENDPOINTS = Map.of(
            "/api/v1/plans/runs", PLAN,
            "/api/v1/plans/compare", "{\"problem\": " + PLAN + ", \"plans\": [{\"name\": \"convert 5\", \"aiStartsMw\": [{\"name\": \"flat\", \"month\": \"2026-01\", \"amount\": 5}]}]}",
            "/api/v1/risk/montecarlo/runs", "{\"problem\": " + PLAN + ", \"plans\": [{\"name\": \"convert 5\", \"aiStartsMw\": [{\"name\": \"flat\","
                    + " \"month\": \"2026-01\", \"amount\": 5}]}], \"paths\": 20, \"seed\": 42}",
            "/api/v1/risk/stochastic/runs", "{\"problem\": " + PLAN + ", \"scenarios\": [{\"name\": \"bull\", \"probability\": 0.3, \"scenario\": "
                    + SCENARIO + "}, {\"name\": \"bear\", \"probability\": 0.7, \"scenario\": " + SCENARIO.replace("50000", "25000") + "}]}");
    private static final Map<String, String> ENDPOINTS = Map.of(
            "/api/v1/allocations", ApiExamples.ALLOCATION_REQUEST,
            "/api/v1/allocations/model.mps", ApiExamples.ALLOCATION_REQUEST,
            "/api/v1/sweeps", ApiExamples.SWEEP_REQUEST.replace("\"points\": 23", "\"points\": 3").replace("8760", "48"),
            "/api/v1/sweeps/runs", ApiExamples.SWEEP_REQUEST.replace("\"points\": 23", "\"points\": 3").replace("8760", "48"),
            "/api/v1/sites", ApiExamples.SITE_REQUEST,
            "/api/v1/scenarios", com.gridpivot.api.plans.PlanExamples.SCENARIO,
            "/api/v1/keys", "{\"name\": \"fuzz\", \"role\": \"viewer\"}");

    private static void loadOpenApi() throws Exception {
        if (openApi == null) {
            openApi = JSON.readTree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointSurvivesMutatedRequests() throws Exception {
        loadOpenApi();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> e : ENDPOINTS.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> inJqwik(() -> fuzz(e.getKey(), e.getValue()))));
        }
        for (Map.Entry<String, String> e : JOB_ENDPOINTS.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> inJqwik(() -> fuzz(e.getKey(), e.getValue()))));
        }
        tests.add(DynamicTest.dynamicTest("GET /api/v1/shutdown-price", () -> inJqwik(this::fuzzShutdownPrice)));
        tests.add(DynamicTest.dynamicTest("POST /api/v1/imports (CSV garbage)", () -> inJqwik(this::fuzzImports)));
        return tests.stream();
    }

    /** jqwik generators work inside a jqwik session (this class is a Quarkus test, not a jqwik property). */
    private static void inJqwik(JqwikSession.Runnable body) throws Throwable {
        JqwikSession.start();
        try {
            body.run();
        } finally {
            JqwikSession.finish();
        }
    }

    private void fuzz(String path, String valid) throws Exception {
        Random rnd = new Random(SEED ^ path.hashCode());
        RandomGenerator<JsonNode> evil = EVIL.generator(100);
        JsonNode base = JSON.readTree(valid);
        int ok = 0;
        for (int k = 0; k < CASES; k++) {
            String body = mutate(base, rnd, evil);
            Response r = given().contentType("application/json").body(body).when().post(path);
            String where = "seed " + SEED + " case " + k + " POST " + path + " body " + abbreviate(body);
            check("post", path, r, where);
            if (r.statusCode() / 100 == 2) {
                ok++;
                consistent(path, r, where);
            }
        }
        // The mutations must not all be rejected: some keep the request valid and exercise the solver.
        assertThat(ok).as("2xx answers among " + CASES + " cases of " + path).isGreaterThan(0);
    }

    private void fuzzShutdownPrice() {
        Random rnd = new Random(SEED);
        RandomGenerator<JsonNode> evil = EVIL.generator(100);
        String[] params = {"model", "jPerTh", "electricityUsdPerKwh", "difficulty", "feesBtcPerBlock", "subsidyBtc", "pue"};
        for (int k = 0; k < CASES; k++) {
            var req = given().queryParam("model", "Antminer S21").queryParam("electricityUsdPerKwh", 0.08).queryParam("difficulty", 1.2586e14);
            String p = params[rnd.nextInt(params.length)];
            JsonNode v = evil.next(rnd).value();
            req = req.queryParam(p, v.isTextual() ? v.asText() : v.toString());
            Response r = req.when().get("/api/v1/shutdown-price");
            check("get", "/api/v1/shutdown-price", r, "seed " + SEED + " case " + k + " " + p + "=" + v);
            if (r.statusCode() == 200) {
                assertThat(r.jsonPath().getDouble("shutdownBtcPriceUsd")).isFinite().isPositive();
            }
        }
    }

    /**
     * CSV garbage: a valid ERCOT-style file with cells replaced, lines dropped or duplicated, random bytes and huge
     * numbers. A 2xx must report what it stored; a 4xx must be problem+json.
     */
    private void fuzzImports() {
        Random rnd = new Random(SEED ^ 7);
        RandomGenerator<JsonNode> evil = EVIL.generator(100);
        String[] lines = ("Delivery Date,Hour Ending,Settlement Point,Settlement Point Price\n"
                + "01/02/2031,01:00,FUZZ,21.5\n01/02/2031,02:00,FUZZ,19.25\n01/02/2031,03:00,FUZZ,-3.1\n01/02/2031,04:00,FUZZ,150\n").split("\n");
        for (int k = 0; k < CASES; k++) {
            List<String> rows = new ArrayList<>(List.of(lines));
            int line = 1 + rnd.nextInt(rows.size() - 1);
            switch (rnd.nextInt(5)) {
                case 0 -> {
                    String[] cells = rows.get(line).split(",");
                    JsonNode v = evil.next(rnd).value();
                    cells[rnd.nextInt(cells.length)] = v.isTextual() ? v.asText() : v.toString();
                    rows.set(line, String.join(",", cells));
                }
                case 1 -> rows.remove(line);
                case 2 -> rows.add(line, rows.get(line));
                case 3 -> {
                    byte[] b = new byte[rnd.nextInt(120)];
                    rnd.nextBytes(b);
                    rows.set(line, new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                default -> rows.set(0, rows.get(0).replace("Settlement Point Price", "Price"));
            }
            String body = String.join("\n", rows) + "\n";
            Response r = given().contentType("text/csv").body(body).queryParam("format", "ERCOT_CSV").queryParam("fileName", "fuzz" + k + ".csv")
                    .when().post("/api/v1/imports");
            String where = "seed " + SEED + " case " + k + " POST /api/v1/imports body " + abbreviate(body);
            check("post", "/api/v1/imports", r, where);
            if (r.statusCode() / 100 == 2) {
                assertThat(r.jsonPath().getInt("rowsRead")).as(where).isPositive();
            }
        }
    }

    /** Never 5xx; 4xx are problem+json; the status is documented for the operation (or a generic client error). */
    private static void check(String method, String path, Response r, String where) {
        int status = r.statusCode();
        assertThat(status).as(where + " → " + abbreviate(r.asString())).isBetween(200, 499);
        if (status >= 400) {
            assertThat(r.contentType()).as(where).startsWith("application/problem+json");
            JsonNode p = readOrFail(r.asString(), where);
            assertThat(p.path("status").asInt()).as(where).isEqualTo(status);
            assertThat(p.path("title").asText()).as(where).isNotBlank();
            assertThat(p.path("detail").asText()).as(where).isNotBlank().doesNotContain("Exception").doesNotContain("at com.");
        }
        JsonNode responses = openApi.path("paths").path(path).path(method).path("responses");
        boolean documented = responses.has(String.valueOf(status)) || List.of(400, 404, 405, 413, 415).contains(status);
        assertThat(documented).as(where + ": status " + status + " is not in the OpenAPI document for " + method + " " + path).isTrue();
    }

    private static void consistent(String path, Response r, String where) {
        if (!path.equals("/api/v1/allocations")) {
            return;
        }
        JsonNode a = readOrFail(r.asString(), where);
        if (!"OPTIMAL".equals(a.path("status").asText())) {
            assertThat(a.path("explanation").asText()).as(where).isNotBlank();
            return;
        }
        double sumAi = 0;
        for (Iterator<JsonNode> it = a.path("allocation").path("aiItMw").elements(); it.hasNext(); ) {
            double v = it.next().asDouble();
            assertThat(v).as(where).isFinite().isGreaterThanOrEqualTo(-1e-9);
            sumAi += v;
        }
        assertThat(a.path("allocation").path("totalAiItMw").asDouble()).as(where).isCloseTo(sumAi, org.assertj.core.data.Offset.offset(1e-6));
        JsonNode e = a.path("economics");
        double recomputed = e.path("miningRevenueUsd").asDouble() + e.path("aiRevenueUsd").asDouble() - e.path("energyCostUsd").asDouble()
                - e.path("capexChargeUsd").asDouble() - e.path("opexUsd").asDouble();
        assertThat(e.path("netUsd").asDouble()).as(where).isCloseTo(recomputed, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(recomputed))));
    }

    /** One of: a field replaced by an evil value, a field removed, an unknown field, a huge array, broken text. */
    private static String mutate(JsonNode base, Random rnd, RandomGenerator<JsonNode> evil) throws Exception {
        JsonNode copy = base.deepCopy();
        List<JsonNode[]> slots = new ArrayList<>();
        collect(copy, null, null, slots);
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            String text = JSON.writeValueAsString(copy);
            return text.substring(0, rnd.nextInt(text.length()));            // truncated
        }
        if (kind == 1) {
            byte[] b = new byte[rnd.nextInt(200)];
            rnd.nextBytes(b);
            return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);  // garbage
        }
        JsonNode[] slot = slots.get(rnd.nextInt(slots.size()));
        JsonNode parent = slot[0];
        JsonNode key = slot[1];
        if (kind == 2 && parent instanceof ObjectNode o) {
            o.remove(key.asText());                                            // missing field
        } else if (kind == 3 && parent instanceof ObjectNode o) {
            o.set("unknownField" + rnd.nextInt(100), evil.next(rnd).value());  // unknown field
        } else if (kind == 4) {
            ArrayNode huge = F.arrayNode();
            int n = 1 + rnd.nextInt(100_000);
            for (int i = 0; i < n; i++) {
                huge.add(rnd.nextDouble() * 100);
            }
            set(parent, key, huge);                                            // huge array
        } else {
            set(parent, key, evil.next(rnd).value());                          // evil value
        }
        return JSON.writeValueAsString(copy);
    }

    private static void set(JsonNode parent, JsonNode key, JsonNode value) {
        if (parent instanceof ObjectNode o) {
            o.set(key.asText(), value);
        } else if (parent instanceof ArrayNode a) {
            a.set(key.asInt(), value);
        }
    }

    private static void collect(JsonNode node, JsonNode parent, JsonNode key, List<JsonNode[]> out) {
        if (parent != null) {
            out.add(new JsonNode[] {parent, key});
        }
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(f -> collect(o.get(f), o, F.textNode(f), out));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < Math.min(a.size(), 3); i++) {
                collect(a.get(i), a, F.numberNode(i), out);
            }
        }
    }

    private static JsonNode deep(int depth) {
        JsonNode n = F.numberNode(1);
        for (int i = 0; i < 160 * (depth + 1); i++) {   // up to 960 levels: inside Jackson's 1,000-level limit
            n = F.arrayNode().add(n);
        }
        return n;
    }

    private static JsonNode readOrFail(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(where + ": not JSON: " + abbreviate(text));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
