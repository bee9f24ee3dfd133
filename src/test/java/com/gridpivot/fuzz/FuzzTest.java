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
    private static OpenApiContract contract;
    /** Where the fuzzed POSTs said they stored something (Location), in order. */
    private static final List<String> CREATED = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Evil scalars: the values that break naive services. */
    private static final Arbitrary<JsonNode> EVIL = Arbitraries.oneOf(List.of(
            Arbitraries.of(F.textNode("NaN"), F.textNode("Infinity"), F.textNode("-Infinity"), F.numberNode(1e308), F.numberNode(-1e308),
                    F.numberNode(-0.0), F.numberNode(4.9e-324), F.numberNode(Long.MAX_VALUE), F.numberNode(Integer.MIN_VALUE), F.nullNode(),
                    F.booleanNode(true), F.textNode(""), F.textNode("1e999"), F.objectNode(), F.arrayNode(), F.textNode("\u0000\uFFFF𝔾"),
                    F.numberNode(1e30), F.numberNode(-1.0)),
            Arbitraries.doubles().map(d -> (JsonNode) F.numberNode(d)),
            Arbitraries.strings().ofMaxLength(300).map(s -> (JsonNode) F.textNode(s)),
            Arbitraries.integers().between(0, 5).map(FuzzTest::deep)));

    private static final List<String> MEDIA_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "text/csv", "application/octet-stream", "x/garbage", "application/json; charset=UTF-16", "application/json;charset=utf-8",
            "application/merge-patch+json");

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

    static OpenApiContract contract() throws Exception {
        if (contract == null) {
            contract = new OpenApiContract(JSON.readTree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString()));
        }
        return contract;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointSurvivesMutatedRequests() throws Exception {
        contract();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> e : ENDPOINTS.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> inJqwik(() -> fuzz(e.getKey(), e.getValue()))));
        }
        for (Map.Entry<String, String> e : JOB_ENDPOINTS.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> inJqwik(() -> fuzz(e.getKey(), e.getValue()))));
        }
        tests.add(DynamicTest.dynamicTest("GET /api/v1/shutdown-price", () -> inJqwik(this::fuzzShutdownPrice)));
        tests.add(DynamicTest.dynamicTest("POST /api/v1/imports (CSV garbage)", () -> inJqwik(this::fuzzImports)));
        tests.add(DynamicTest.dynamicTest("GET lists, series ranges and CSV exports (query garbage)", () -> inJqwik(this::fuzzQueries)));
        tests.add(DynamicTest.dynamicTest("PUT /api/v1/sites/{id}", () -> inJqwik(this::fuzzSiteReplace)));
        tests.add(DynamicTest.dynamicTest("GET what the fuzzing stored, by its Location", this::readBack));
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
            // One case in eight sends the body under another media type (text, XML, form, garbage, JSON with a charset).
            String type = rnd.nextInt(8) > 0 ? "application/json" : MEDIA_TYPES.get(rnd.nextInt(MEDIA_TYPES.size()));
            // RestAssured sends a form body as text and any other body as the bytes given.
            var req = given().contentType(type);
            req = type.startsWith("application/x-www-form") ? req.body(body) : req.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Response r = req.when().post(path);
            String where = "seed " + SEED + " case " + k + " POST " + path + " as " + type + " body " + abbreviate(body);
            check("post", path, r, where);
            if (r.statusCode() / 100 == 2) {
                ok++;
                consistent(path, r, where);
                if (r.header("Location") != null) {
                    CREATED.add(java.net.URI.create(r.header("Location")).getPath());
                }
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

    /**
     * Reads back what the fuzzed requests stored (sites, scenarios, runs) and the stored what-if's files, each answer
     * checked against the OpenAPI document like the fuzzed ones: the status of every run and its result (200, or 409
     * while it has none); the first run of each kind is awaited to its end, so its result document is validated too.
     */
    private void readBack() throws Exception {
        assertThat(CREATED).as("Locations answered by the fuzzed POSTs").isNotEmpty();
        java.util.Set<String> awaited = new java.util.HashSet<>();
        java.util.Set<String> results = new java.util.TreeSet<>();
        for (String location : List.copyOf(CREATED)) {
            String kind = location.replaceAll("/[0-9]+$", "");
            boolean run = kind.endsWith("/runs");
            Response status = given().when().get(location);
            check("get", location, status, "GET " + location);
            if (run && awaited.add(kind)) {
                for (int i = 0; i < 600 && List.of("QUEUED", "RUNNING").contains(status.jsonPath().getString("status")); i++) {
                    Thread.sleep(200);     // a bounded wait for a small run, not a timing assertion
                    status = given().when().get(location);
                }
            }
            if (run) {
                Response result = given().when().get(location + "/result");
                check("get", location + "/result", result, "GET " + location + "/result after " + status.jsonPath().getString("status"));
                if (result.statusCode() == 200) {
                    results.add(kind);
                }
            }
        }
        // Result documents of finished runs were validated, not only the 409s of unfinished ones.
        assertThat(results).as("kinds of run whose result was read").isNotEmpty();
        long runId = fixtureRun();
        for (String file : List.of("", "/request.json", "/dispatch.csv", "/export.csv", "/export.xlsx")) {
            String path = "/api/v1/allocation-runs/" + runId + file;
            Response r = given().when().get(path);
            check("get", path, r, "GET " + path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
    }

    /** Query values that break naive parsers: numbers out of range, NaN, malformed and extreme ISO 8601 times. */
    private static final Arbitrary<String> QUERY_VALUE = Arbitraries.oneOf(List.of(
            Arbitraries.of("", " ", "-1", "0", "1", "2", "500", "501", "2147483647", "2147483648", "-2147483649", "99999999999999999999",
                    "NaN", "Infinity", "-Infinity", "1e308", "-0", "1.5", "0x10", "null", "[]", "{}", "%00", "\u0000", "𝔾",
                    "hourly", "daily", "native", "HOURLY", " daily ", "weekly", "all", "economics", "dispatch",
                    "2031-01-02", "2031-01-02T01:00:00Z", "2031-01-02T03:00:00+02:00", "2031-01-03T00:00:00Z", "2031-01-02T00:00:00",
                    "2031-13-01", "2031-02-30", "2031-01-02T25:00:00Z", "2031-01-02T01:00:00+25:00", "+999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z", "+10000-01-01", "1970-01-01T00:00:00Z", "0000-01-01", "2031-01-02T01:00Z",
                    "2031-01-02 01:00:00Z", "20310102T010000Z", "1e9"),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.strings().ofMaxLength(200),
            Arbitraries.strings().withCharRange('0', '9').withChars('-', ':', 'T', 'Z', '+', '.').ofMinLength(1).ofMaxLength(30)));

    /**
     * Query garbage on the GET endpoints that take query parameters (the four paged lists, a series' points and CSV
     * export, a stored run's CSV export) and on their path ids. A 200 must be consistent: a page has the asked page
     * and size, totalPages = ceil(totalItems / size) and as many items as that page holds; points lie in [from, to),
     * ascend and span resolutionSeconds; the CSV export has one row per point of the same query.
     */
    private void fuzzQueries() throws Exception {
        Random rnd = new Random(SEED ^ 11);
        RandomGenerator<String> values = QUERY_VALUE.generator(100);
        long seriesId = fixtureSeries();
        long runId = fixtureRun();
        String[] lists = {"/api/v1/series", "/api/v1/sites", "/api/v1/imports", "/api/v1/allocation-runs"};
        String[] ids = {String.valueOf(seriesId), String.valueOf(seriesId), "0", "-1", "abc", "99999999999999999999", "1e3", "987654321"};
        int[] ok = new int[4];
        for (int k = 0; k < 3 * CASES; k++) {
            int target = rnd.nextInt(4);
            String path;
            Map<String, String> query = new java.util.LinkedHashMap<>();
            List<String> names;
            if (target == 0) {
                path = lists[rnd.nextInt(lists.length)];
                names = List.of("page", "size");
            } else if (target == 3) {
                path = "/api/v1/allocation-runs/" + (rnd.nextInt(3) == 0 ? ids[2 + rnd.nextInt(ids.length - 2)] : runId) + "/export.csv";
                names = List.of("table");
            } else {
                path = "/api/v1/series/" + ids[rnd.nextInt(ids.length)] + (target == 1 ? "/points" : "/export.csv");
                names = List.of("from", "to", "resolution");
            }
            for (String name : names) {
                if (rnd.nextInt(3) > 0) {
                    query.put(name, values.next(rnd).value());
                }
            }
            var req = given();
            for (Map.Entry<String, String> q : query.entrySet()) {
                req = req.queryParam(q.getKey(), q.getValue());
            }
            Response r = req.when().get(path);
            String where = "seed " + SEED + " case " + k + " GET " + path + " " + query;
            check("get", path, r, where);
            if (r.statusCode() == 200) {
                ok[target]++;
                if (target == 0) {
                    consistentPage(r, query, where);
                } else if (target == 1) {
                    consistentPoints(r, query, where);
                } else if (target == 2) {
                    var again = given();
                    for (Map.Entry<String, String> q : query.entrySet()) {
                        again = again.queryParam(q.getKey(), q.getValue());
                    }
                    int points = again.when().get(path.replace("/export.csv", "/points")).then().statusCode(200)
                            .extract().jsonPath().getList("points").size();
                    String[] csvLines = r.asString().split("\n");
                    assertThat(csvLines[0]).as(where).isEqualTo("interval_start,interval_end,value");
                    assertThat(csvLines.length - 1).as(where + ": CSV rows vs /points").isEqualTo(points);
                } else {
                    assertThat(r.asString()).as(where).isNotBlank();
                }
            }
        }
        // Each kind of target answered 200 sometimes, so its consistency checks ran.
        assertThat(java.util.Arrays.stream(ok).min().orElse(0)).as("fewest 200 answers of one target (lists, points, series CSV, run CSV): " + java.util.Arrays.toString(ok)).isPositive();
    }

    private static void consistentPage(Response r, Map<String, String> query, String where) {
        JsonNode page = readOrFail(r.asString(), where);
        int p = page.path("page").asInt();
        int size = page.path("size").asInt();
        long total = page.path("totalItems").asLong();
        assertThat(p).as(where).isEqualTo(asked(query, "page", 0));
        assertThat(size).as(where).isEqualTo(asked(query, "size", 50));
        assertThat(page.path("totalPages").asLong()).as(where).isEqualTo((total + size - 1) / size);
        assertThat((long) page.path("items").size()).as(where).isEqualTo(Math.max(0, Math.min(size, total - (long) p * size)));
    }

    private static int asked(Map<String, String> query, String name, int absent) {
        String v = query.get(name);
        return v == null || v.isBlank() ? absent : Integer.parseInt(v.trim());
    }

    private static void consistentPoints(Response r, Map<String, String> query, String where) {
        JsonNode body = readOrFail(r.asString(), where);
        long step = body.path("resolutionSeconds").asLong();
        String resolution = query.getOrDefault("resolution", "").trim().toLowerCase(java.util.Locale.ROOT);
        if (resolution.equals("hourly")) {
            assertThat(step).as(where).isEqualTo(3600);
        } else if (resolution.equals("daily")) {
            assertThat(step).as(where).isEqualTo(86_400);
        }
        java.time.Instant from = com.gridpivot.persistence.TimeParams.instant("from", query.get("from"));
        java.time.Instant to = com.gridpivot.persistence.TimeParams.instant("to", query.get("to"));
        java.time.Instant previous = null;
        for (JsonNode point : body.path("points")) {
            java.time.Instant start = java.time.Instant.parse(point.path("intervalStart").asText());
            assertThat(java.time.Instant.parse(point.path("intervalEnd").asText())).as(where).isEqualTo(start.plusSeconds(step));
            assertThat(from == null || !start.isBefore(from)).as(where + ": " + start + " before from").isTrue();
            assertThat(to == null || start.isBefore(to)).as(where + ": " + start + " not before to").isTrue();
            assertThat(previous == null || start.isAfter(previous)).as(where + ": points out of order").isTrue();
            assertThat(point.path("value").isNumber()).as(where).isTrue();
            previous = start;
        }
    }

    /** A series of 48 hourly ERCOT prices (2031-01-02 and 03), imported once; its id. */
    private static long fixtureSeries() {
        StringBuilder csv = new StringBuilder("Delivery Date,Hour Ending,Settlement Point,Settlement Point Price\n");
        for (int day = 2; day <= 3; day++) {
            for (int h = 1; h <= 24; h++) {
                csv.append(String.format("01/%02d/2031,%02d:00,FUZZGET,%d.5%n", day, h, 10 + h));
            }
        }
        given().contentType("text/csv").body(csv.toString()).queryParam("format", "ERCOT_CSV").queryParam("fileName", "fuzz-get.csv")
                .when().post("/api/v1/imports").then().statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(201))
                        .or(org.hamcrest.Matchers.is(200)));
        List<Map<String, Object>> items = given().queryParam("size", 500).when().get("/api/v1/series").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(i -> "FUZZGET".equals(i.get("key"))).map(i -> ((Number) i.get("id")).longValue()).findFirst()
                .orElseThrow();
    }

    /**
     * A stored allocation run (the documented example request); its id, as the answer names it (the newest run of the
     * list need not be it: other test classes store runs dated in the future).
     */
    private static long fixtureRun() {
        return given().contentType("application/json").body(ApiExamples.ALLOCATION_REQUEST).when().post("/api/v1/allocations").then()
                .statusCode(200).extract().jsonPath().getLong("runId");
    }

    /**
     * PUT /api/v1/sites/{id} with mutated bodies (the version kept current), plus duplicate fleet and option names. A
     * 200 stores exactly what was sent (read back by GET); a 4xx leaves the stored site as it was.
     */
    private void fuzzSiteReplace() throws Exception {
        Random rnd = new Random(SEED ^ 13);
        RandomGenerator<JsonNode> evil = EVIL.generator(100);
        ObjectNode base = (ObjectNode) JSON.readTree(ApiExamples.SITE_REQUEST);
        base.put("name", "fuzz-put-" + SEED);
        String created = given().contentType("application/json").body(JSON.writeValueAsString(base)).when().post("/api/v1/sites")
                .then().statusCode(201).extract().asString();
        long id = JSON.readTree(created).path("id").asLong();
        String path = "/api/v1/sites/" + id;
        int ok = 0;
        for (int k = 0; k < CASES; k++) {
            JsonNode before = JSON.readTree(given().when().get(path).then().statusCode(200).extract().asString());
            base.put("version", before.path("version").asLong());
            String body;
            int kind = rnd.nextInt(8);
            if (kind == 0) {
                ObjectNode dup = base.deepCopy();
                String list = rnd.nextBoolean() ? "asicFleets" : "aiOptions";
                ((ArrayNode) dup.path(list)).add(dup.path(list).get(0).deepCopy());   // a fleet or option name used twice
                body = JSON.writeValueAsString(dup);
            } else if (kind == 1) {
                ObjectNode stale = base.deepCopy();
                stale.put("version", before.path("version").asLong() - 1 - rnd.nextInt(3));
                body = JSON.writeValueAsString(stale);
            } else {
                body = mutate(base, rnd, evil);
            }
            Response r = given().contentType("application/json").body(body).when().put(path);
            String where = "seed " + SEED + " case " + k + " PUT " + path + " body " + abbreviate(body);
            check("put", path, r, where);
            JsonNode after = JSON.readTree(given().when().get(path).then().statusCode(200).extract().asString());
            if (r.statusCode() == 200) {
                ok++;
                JsonNode sent = JSON.readTree(body);
                JsonNode stored = readOrFail(r.asString(), where);
                assertThat(stored).as(where + ": GET after PUT").isEqualTo(after);
                assertThat(after.path("name").asText()).as(where).isEqualTo(sent.path("name").asText());
                assertThat(after.path("interconnectMw").asDouble()).as(where).isEqualTo(sent.path("interconnectMw").asDouble());
                assertThat(after.path("asicFleets").size()).as(where).isEqualTo(sent.path("asicFleets").size());
                assertThat(after.path("aiOptions").size()).as(where).isEqualTo(sent.path("aiOptions").size());
                assertThat(after.path("version").asLong()).as(where).isGreaterThan(before.path("version").asLong());
            } else {
                assertThat(after).as(where + ": a rejected PUT changed the site").isEqualTo(before);
                if (kind == 0) {
                    assertThat(r.statusCode()).as(where + ": duplicate names").isIn(400, 409);
                }
                if (kind == 1) {
                    assertThat(r.statusCode()).as(where + ": stale version").isEqualTo(409);
                }
            }
        }
        assertThat(ok).as("2xx answers among " + CASES + " PUT cases").isGreaterThan(0);
    }

    /**
     * Never 5xx; 4xx are problem+json with a status, title and detail free of Java; and every answer, 2xx or 4xx,
     * matches the OpenAPI document: its status is declared for the operation, its media type is declared for that
     * status, and a JSON body validates against the declared schema.
     */
    static void check(String method, String path, Response r, String where) {
        int status = r.statusCode();
        String body = r.asString();
        assertThat(status).as(where + " → " + abbreviate(body)).isBetween(200, 499);
        if (status >= 400) {
            assertThat(r.contentType()).as(where).startsWith("application/problem+json");
            JsonNode p = readOrFail(body, where);
            assertThat(p.path("status").asInt()).as(where).isEqualTo(status);
            assertThat(p.path("title").asText()).as(where).isNotBlank();
            assertThat(p.path("detail").asText()).as(where).isNotBlank().doesNotContain("Exception").doesNotContain("at com.");
        }
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        assertThat(contract.violations(method, bare, status, r.contentType(), body))
                .as(where + " → " + status + " " + abbreviate(body) + ": the answer does not match the OpenAPI document").isEmpty();
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
