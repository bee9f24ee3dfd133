package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridpivot.persistence.AllocationRunEntity;
import com.gridpivot.persistence.AllocationRunService;
import com.gridpivot.persistence.SolverStats;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keyset paging of GET /api/v1/allocation-runs: each page's nextCursor, passed as cursor, gives the next page. Runs are
 * ordered newest first by (createdAt, id); runs created in the same microsecond are ordered by id, so a cursor must
 * carry both. Seven runs are dated in 2100 (newer than any other run of the test JVM) with ties on createdAt.
 */
@QuarkusTest
class AllocationRunCursorTest {
    private static final String RUNS = "/api/v1/allocation-runs";

    @Inject
    AllocationRunService runs;

    private long run(Instant createdAt) {
        long id = runs.record("cursor-test", "{}", null, "OPTIMAL", 1.0, SolverStats.NONE);
        QuarkusTransaction.requiringNew().run(() -> AllocationRunEntity.update("createdAt = ?1 where id = ?2", createdAt, id));
        return id;
    }

    /** The runs dated in 2100 are this class's own: removed so later classes see the newest real run first. */
    @org.junit.jupiter.api.AfterEach
    void removeFutureRuns() {
        QuarkusTransaction.requiringNew().run(() -> AllocationRunEntity.delete("createdAt >= ?1", Instant.parse("2100-01-01T00:00:00Z")));
    }

    private static List<Long> ids(JsonPath page) {
        return page.getList("items.id", Long.class);
    }

    @Test
    void cursorsWalkTheNewestRunsInOrderAcrossTiesAndAgreeWithPageNumbers() {
        Instant t3 = Instant.parse("2100-01-03T00:00:00Z");
        Instant t2 = Instant.parse("2100-01-02T00:00:00Z");
        Instant t1 = Instant.parse("2100-01-01T00:00:00Z");
        long a = run(t2);
        long b = run(t3);
        long c = run(t3);
        long d = run(t1);
        long e = run(t3);
        long f = run(t2);
        long g = run(t1);
        // newest first: t3 (e, c, b by id descending), then t2 (f, a), then t1 (g, d)
        List<Long> expected = List.of(e, c, b, f, a, g, d);

        JsonPath first = given().get(RUNS + "?size=3").then().statusCode(200).extract().jsonPath();
        assertThat(ids(first)).containsExactly(e, c, b);
        assertThat(first.getInt("page")).isZero();
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank();

        JsonPath second = given().queryParam("cursor", cursor).queryParam("size", 3).get(RUNS).then().statusCode(200).extract().jsonPath();
        assertThat(ids(second)).containsExactly(f, a, g); // the tie at t2 and the one at t1 cut by id, not skipped
        assertThat(second.get("page") == null).isTrue();
        assertThat(second.getLong("totalItems")).isEqualTo(first.getLong("totalItems"));
        JsonPath third = given().queryParam("cursor", second.getString("nextCursor")).queryParam("size", 3).get(RUNS)
                .then().statusCode(200).extract().jsonPath();
        assertThat(ids(third).get(0)).isEqualTo(d);

        // page numbers give the same sequence
        JsonPath page1 = given().get(RUNS + "?page=1&size=3").then().statusCode(200).extract().jsonPath();
        assertThat(ids(page1)).containsExactly(f, a, g);
        List<Long> walked = new ArrayList<>(ids(first));
        walked.addAll(ids(second));
        walked.add(ids(third).get(0));
        assertThat(walked).isEqualTo(expected);
    }

    @Test
    void theWholeListByCursorIsTheWholeListByPageNumberAndTheLastPageHasNoCursor() {
        run(Instant.parse("2100-02-01T00:00:00Z"));
        run(Instant.parse("2100-02-01T00:00:00Z"));
        List<Long> byPage = new ArrayList<>();
        JsonPath p = given().get(RUNS + "?page=0&size=2").then().statusCode(200).extract().jsonPath();
        int pages = p.getInt("totalPages");
        long total = p.getLong("totalItems");
        for (int i = 0; i < pages; i++) {
            byPage.addAll(ids(given().get(RUNS + "?page=" + i + "&size=2").then().statusCode(200).extract().jsonPath()));
        }
        List<Long> byCursor = new ArrayList<>();
        String cursor = null;
        JsonPath last = null;
        do {
            var req = given().queryParam("size", 2);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            last = req.get(RUNS).then().statusCode(200).extract().jsonPath();
            byCursor.addAll(ids(last));
            cursor = last.getString("nextCursor");
        } while (cursor != null && byCursor.size() <= total);
        assertThat(byCursor).hasSize((int) total).doesNotHaveDuplicates().isEqualTo(byPage);
        assertThat(last.getString("nextCursor")).isNull();
        // the last page by number has no cursor either
        JsonPath lastByNumber = given().get(RUNS + "?page=" + (pages - 1) + "&size=2").then().statusCode(200).extract().jsonPath();
        assertThat(lastByNumber.getString("nextCursor")).isNull();
    }

    @Test
    void aRunAddedAtTheTopDoesNotShiftTheNextPageOfACursor() {
        long x = run(Instant.parse("2100-03-01T00:00:00Z"));
        long y = run(Instant.parse("2100-03-01T00:00:01Z"));
        long z = run(Instant.parse("2100-03-01T00:00:02Z"));
        JsonPath first = given().get(RUNS + "?size=2").then().statusCode(200).extract().jsonPath();
        assertThat(ids(first)).containsExactly(z, y);
        long newer = run(Instant.parse("2100-03-02T00:00:00Z"));
        // by page number, page 1 now repeats y; by cursor, the next run is x
        assertThat(ids(given().get(RUNS + "?page=1&size=2").then().statusCode(200).extract().jsonPath()).get(0)).isEqualTo(y);
        JsonPath next = given().queryParam("cursor", first.getString("nextCursor")).queryParam("size", 2).get(RUNS)
                .then().statusCode(200).extract().jsonPath();
        assertThat(ids(next).get(0)).isEqualTo(x);
        assertThat(ids(next)).doesNotContain(newer, y, z);
    }

    @Test
    void aForeignCursorOrACursorWithAPageNumberIsA400NamingTheField() {
        given().get(RUNS + "?cursor=not-a-cursor").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
        // well-formed base64url, but not one of ours
        String foreign = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("r1|yesterday|7".getBytes());
        given().queryParam("cursor", foreign).get(RUNS).then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
        run(Instant.parse("2100-03-01T00:00:00Z"));
        run(Instant.parse("2100-03-02T00:00:00Z")); // two runs: a page of one has a next cursor
        String cursor = given().get(RUNS + "?size=1").then().statusCode(200).extract().jsonPath().getString("nextCursor");
        assertThat(cursor).isNotNull();
        given().queryParam("cursor", cursor).queryParam("page", 2).get(RUNS).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("page"));
        given().queryParam("cursor", cursor).queryParam("size", 0).get(RUNS).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("size"));
    }
}
