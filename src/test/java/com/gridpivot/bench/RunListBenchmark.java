package com.gridpivot.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridpivot.api.ApiExamples;
import com.gridpivot.persistence.AllocationRunEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Deep pages of GET /api/v1/allocation-runs (issue 12, item 12), not a timed test: run it on purpose on a file
 * database, with and without the V8 index:
 * <pre>
 * ./mvnw -B test -Dtest=RunListBenchmark -Dgridpivot.bench=true -Dbench.index=none -Dquarkus.flyway.target-version=6 \
 *     -Dquarkus.datasource.jdbc.url=jdbc:h2:file:./target/bench-runlist-before/db
 * ./mvnw -B test -Dtest=RunListBenchmark -Dgridpivot.bench=true -Dbench.index=v8 \
 *     -Dquarkus.datasource.jdbc.url=jdbc:h2:file:./target/bench-runlist-after/db
 * </pre>
 * Stores 15,000 runs, each with the API example's request and its real answer (solved once), then times through HTTP
 * the first page, the last page by number (page 299 of 50: 14,950 runs skipped) and the same page by cursor.
 * Appends its rows to bench/results/run-list.csv.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "gridpivot.bench", matches = "true")
class RunListBenchmark {
    static final int RUNS = 15_000;
    static final int SIZE = 50;
    static final int REPEATS = 20;
    static final Path RESULTS = Path.of("bench/results/run-list.csv");
    static final String HEADER = "case,database,index,ms_p50,ms_max,runs,items,repeats";

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void deepPagesByNumberAndByCursor() throws IOException {
        String request = ApiExamples.ALLOCATION_REQUEST;
        String result = given().contentType("application/json").body(request).post("/api/v1/allocations")
                .then().statusCode(200).extract().asString();
        long existing = given().get("/api/v1/allocation-runs?size=1").then().statusCode(200).extract().jsonPath().getLong("totalItems");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int chunk = 0; chunk < RUNS; chunk += 1000) {
            int from = chunk;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = from; i < Math.min(RUNS, from + 1000); i++) {
                    AllocationRunEntity e = new AllocationRunEntity();
                    e.createdAt = start.plusSeconds(i);
                    e.caller = "bench";
                    e.requestJson = request;
                    e.resultJson = result;
                    e.status = "OPTIMAL";
                    e.objectiveUsd = 1.0;
                    e.solverName = "GLOP";
                    e.wallMs = 5L;
                    e.variables = 100;
                    e.constraints = 50;
                    e.persist();
                }
            });
        }
        long total = existing + RUNS;
        int lastPage = (int) ((total - 1) / SIZE);
        // the cursor of the page before the last, found once by walking (its cost is not what is measured)
        String cursor = null;
        for (int p = 0; p < lastPage; p++) {
            var req = given().queryParam("size", SIZE);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            cursor = req.get("/api/v1/allocation-runs").then().statusCode(200).extract().jsonPath().getString("nextCursor");
        }
        String deepCursor = cursor;
        JsonPath byNumber = given().get("/api/v1/allocation-runs?page=" + lastPage + "&size=" + SIZE).then().statusCode(200).extract().jsonPath();
        JsonPath byCursor = given().queryParam("cursor", deepCursor).queryParam("size", SIZE).get("/api/v1/allocation-runs")
                .then().statusCode(200).extract().jsonPath();
        assertThat(byCursor.getList("items.id")).isEqualTo(byNumber.getList("items.id"));

        String index = System.getProperty("bench.index", "v8");
        List<String> rows = new ArrayList<>();
        rows.add(row("first_page", index, total, () -> given().get("/api/v1/allocation-runs?size=" + SIZE).then().statusCode(200)
                .extract().jsonPath().getList("items").size()));
        rows.add(row("last_page_by_number", index, total, () -> given().get("/api/v1/allocation-runs?page=" + lastPage + "&size=" + SIZE)
                .then().statusCode(200).extract().jsonPath().getList("items").size()));
        rows.add(row("last_page_by_cursor", index, total, () -> given().queryParam("cursor", deepCursor).queryParam("size", SIZE)
                .get("/api/v1/allocation-runs").then().statusCode(200).extract().jsonPath().getList("items").size()));
        if (!Files.exists(RESULTS)) {
            Files.writeString(RESULTS, HEADER + "\n");
        }
        Files.writeString(RESULTS, String.join("\n", rows) + "\n", java.nio.file.StandardOpenOption.APPEND);
        System.out.println("bytes per run: request " + request.length() + ", result " + result.length());
        rows.forEach(System.out::println);
    }

    private String row(String name, String index, long total, Supplier<Integer> call) {
        int items = call.get(); // warm-up
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            items = call.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "%s,%s,%s,%.1f,%.1f,%d,%d,%d", name, dbKind, index, ms[REPEATS / 2], ms[REPEATS - 1], total, items, REPEATS);
    }
}
