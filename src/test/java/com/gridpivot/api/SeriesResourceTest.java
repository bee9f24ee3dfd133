package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.gridpivot.marketdata.ImportedSeries;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.marketdata.SeriesPoint;
import com.gridpivot.persistence.ImportBatchInfo;
import com.gridpivot.persistence.SeriesService;
import com.gridpivot.persistence.StoreOutcome;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeriesResourceTest {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Inject
    SeriesService service;

    @BeforeAll
    static void doubles() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    long store(SeriesKind kind, String key, Duration step, double... values) {
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new SeriesPoint(T0.plus(step.multipliedBy(i)), values[i]));
        }
        StoreOutcome out = service.store(List.of(new ImportedSeries(kind, key, step, points, "test " + key)),
                new ImportBatchInfo("GENERIC_CSV", key + ".csv", null, values.length, null, "test"));
        return out.series().get(0).seriesId();
    }

    static String key() {
        return "REST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void csvExportHasExactLines() {
        long id = store(SeriesKind.ENERGY_PRICE, key(), Duration.ofHours(1), 21.37, 19.8, 1e7, -5.0);
        String csv = given().get("/api/v1/series/" + id + "/export.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv.split("\n")).containsExactly(
                "interval_start,interval_end,value",
                "2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,21.37",
                "2024-01-01T01:00:00Z,2024-01-01T02:00:00Z,19.8",
                "2024-01-01T02:00:00Z,2024-01-01T03:00:00Z,10000000",
                "2024-01-01T03:00:00Z,2024-01-01T04:00:00Z,-5");
        String part = given().get("/api/v1/series/" + id + "/export.csv?from=2024-01-01T01:00:00Z&to=2024-01-01T02:00:00Z")
                .then().statusCode(200).extract().asString();
        assertThat(part).isEqualTo("interval_start,interval_end,value\n2024-01-01T01:00:00Z,2024-01-01T02:00:00Z,19.8\n");
    }

    @Test
    void pointsByRangeAndResolution() {
        long id = store(SeriesKind.ENERGY_PRICE, key(), Duration.ofMinutes(15), 1, 2, 3, 4, 10, 20, 30, 40);
        given().get("/api/v1/series/" + id + "/points").then().statusCode(200)
                .body("resolutionSeconds", equalTo(900))
                .body("unit", equalTo("USD/MWh"))
                .body("points", hasSize(8));
        given().get("/api/v1/series/" + id + "/points?resolution=hourly").then().statusCode(200)
                .body("resolutionSeconds", equalTo(3600))
                .body("points.intervalStart", contains("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z"))
                .body("points.intervalEnd", contains("2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z"))
                .body("points.value", contains(2.5, 25.0));
        // An offset in the range is honoured: 18:15-06:00 is 00:15Z.
        given().get("/api/v1/series/" + id + "/points?from=2023-12-31T18:15:00-06:00&to=2024-01-01T01:30:00Z").then().statusCode(200)
                .body("points.value", contains(2.0, 3.0, 4.0, 10.0, 20.0));
        given().get("/api/v1/series/" + id + "/points?resolution=daily&from=2024-01-01").then().statusCode(200)
                .body("resolutionSeconds", equalTo(86400))
                .body("points.intervalStart", contains("2024-01-01T00:00:00Z"))
                .body("points.value", contains(13.75));

        long daily = store(SeriesKind.BTC_PRICE, key(), Duration.ofDays(1), 42000, 43000);
        given().get("/api/v1/series/" + daily + "/points?resolution=hourly&from=2024-01-01T22:00:00Z&to=2024-01-02T02:00:00Z")
                .then().statusCode(200)
                .body("points.value", contains(42000.0, 42000.0, 43000.0, 43000.0))
                .body("points[0].intervalStart", equalTo("2024-01-01T22:00:00Z"));
    }

    @Test
    void badParametersAre400AndAbsentSeriesIs404() {
        long id = store(SeriesKind.HASHPRICE, key(), Duration.ofDays(1), 40);
        given().get("/api/v1/series/" + id + "/points?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("from"));
        given().get("/api/v1/series/" + id + "/points?from=2024-01-02&to=2024-01-01").then().statusCode(400)
                .body("errors.field", contains("to"));
        given().get("/api/v1/series/" + id + "/export.csv?resolution=weekly").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("resolution"));
        given().get("/api/v1/series/987654321/points").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/series/987654321/export.csv").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/series/987654321").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listIsPaginated() {
        String key = key();
        long a = store(SeriesKind.GPU_LEASE_RATE, key + "_A", Duration.ofDays(1), 2.35, 2.3);
        long b = store(SeriesKind.GPU_LEASE_RATE, key + "_B", Duration.ofDays(1), 1.74);
        given().get("/api/v1/series/" + a).then().statusCode(200)
                .body("kind", equalTo("GPU_LEASE_RATE"))
                .body("key", equalTo(key + "_A"))
                .body("unit", equalTo("USD/GPU-h"))
                .body("resolutionSeconds", equalTo(86400))
                .body("pointCount", equalTo(2))
                .body("firstStart", equalTo("2024-01-01T00:00:00Z"))
                .body("lastStart", equalTo("2024-01-02T00:00:00Z"))
                .body("source", equalTo("test " + key + "_A"));
        var page0 = given().get("/api/v1/series?page=0&size=2").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("items", hasSize(2))
                .extract().jsonPath();
        long total = page0.getLong("totalItems");
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(page0.getInt("totalPages")).isEqualTo((int) ((total + 1) / 2));
        given().get("/api/v1/series?size=500").then().statusCode(200)
                .body("items.id", hasItem((int) a)).body("items.id", hasItem((int) b));
        given().get("/api/v1/series?page=-1").then().statusCode(400).body("errors.field", containsInAnyOrder("page"));
    }
}
