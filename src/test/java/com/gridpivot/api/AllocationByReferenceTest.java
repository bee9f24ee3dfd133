package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.gridpivot.marketdata.ImportedSeries;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.marketdata.SeriesPoint;
import com.gridpivot.persistence.ImportBatchInfo;
import com.gridpivot.persistence.SeriesService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A what-if on stored data: a site by id, a node's prices over a range and the derived hashprice series give the
 * same answer as the same numbers inline (the hand-solved two-hour case of AllocationEngineTest: 385 USD), the run is
 * recorded with the request as sent, and its hourly dispatch exports as CSV.
 */
@QuarkusTest
class AllocationByReferenceTest {
    private static final Instant T0 = Instant.parse("2031-03-01T00:00:00Z");

    @Inject
    SeriesService series;

    String node;
    long siteId;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    @BeforeEach
    void storeData() {
        node = "NODE_" + UUID.randomUUID().toString().substring(0, 8);
        // Prices 20 then 150 USD/MWh in the first two hours; the hashprice key is per test so tests stay independent.
        store(SeriesKind.ENERGY_PRICE, node, Duration.ofHours(1), 20, 150, 30);
        store(SeriesKind.HASHPRICE, node.toLowerCase(), Duration.ofDays(1), 42);
        siteId = given().contentType("application/json").body("""
                {"name": "%s", "interconnectMw": 5, "marketNode": "%s",
                 "asicFleets": [{"name": "S21", "units": 1000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                 "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 2}]}""".formatted("site " + node, node))
                .when().post("/api/v1/sites").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void store(SeriesKind kind, String key, Duration step, double... values) {
        List<SeriesPoint> points = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            points.add(new SeriesPoint(T0.plus(step.multipliedBy(k)), values[k]));
        }
        series.store(List.of(new ImportedSeries(kind, key, step, points, "test")),
                new ImportBatchInfo("TEST", "test " + key, null, values.length, null, "test"));
    }

    private String byReference() {
        return """
                {"siteId": %d,
                 "market": {"energyPriceSeries": {"from": "2031-03-01T00:00:00Z", "to": "2031-03-01T02:00:00Z"},
                            "hashpriceSeries": {"key": "%s"}}}""".formatted(siteId, node.toLowerCase());
    }

    @Test
    void storedSiteAndSeriesGiveTheInlineAnswer() {
        JsonPath answer = given().contentType("application/json").body(byReference())
                .when().post("/api/v1/allocations").then().statusCode(200)
                .body("status", equalTo("OPTIMAL"))
                .body("economics.netUsd", closeTo(385.0, 1e-6))
                .body("allocation.aiItMw.flat", closeTo(1.5, 1e-9))
                .body("inputs.siteId", equalTo((int) siteId))
                .body("inputs.startUtc", equalTo("2031-03-01T00:00:00Z"))
                .body("inputs.energyPriceSeries.key", equalTo(node))
                .body("inputs.energyPriceSeries.meanValue", closeTo(85.0, 1e-9))
                .body("inputs.hashpriceSeries.meanValue", closeTo(42.0, 1e-9))
                .body("runId", notNullValue())
                .extract().jsonPath();
        long runId = answer.getLong("runId");
        // The run keeps the request byte for byte.
        String asSent = given().when().get("/api/v1/allocation-runs/" + runId + "/request.json").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(asSent).isEqualTo(byReference());
        given().when().get("/api/v1/allocation-runs/" + runId).then().statusCode(200)
                .body("status", equalTo("OPTIMAL"))
                .body("objectiveUsd", closeTo(385.0, 1e-6))
                .body("caller", equalTo("anonymous"))
                // the request as solved: the stored site's fleet and option and the series' two hourly prices
                .body("resolvedRequest.site.interconnectMw", closeTo(5.0, 1e-12))
                .body("resolvedRequest.asicFleets[0].name", equalTo("S21"))
                .body("resolvedRequest.aiOptions[0].name", equalTo("flat"))
                .body("resolvedRequest.market.energyPricesUsdPerMwh", org.hamcrest.Matchers.contains(closeTo(20.0, 1e-12), closeTo(150.0, 1e-12)));
        // Hour 0: S21 3.5 MW + flat 1.5 MW = 5 MW of site power; hour 1 (150 $/MWh) the fleet is off.
        String csv = given().when().get("/api/v1/allocation-runs/" + runId + "/dispatch.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv.split("\n")).containsExactly(
                "interval_start,interval_end,price_usd_per_mwh,S21_it_mw,flat_it_mw,facility_mw",
                "2031-03-01T00:00:00Z,2031-03-01T01:00:00Z,20,3.5,1.5,5",
                "2031-03-01T01:00:00Z,2031-03-01T02:00:00Z,150,0,1.5,1.5");
    }

    @Test
    void inlineFleetsReplaceTheStoredOnes() {
        given().contentType("application/json").body("""
                {"siteId": %d, "aiOptions": [],
                 "market": {"energyPriceSeries": {"from": "2031-03-01", "to": "2031-03-01T02:00:00Z"}, "hashpriceUsdPerPhDay": 42}}"""
                .formatted(siteId))
                .when().post("/api/v1/allocations").then().statusCode(200)
                // The fleet alone: 80 USD/MWh × 3.5 MW in hour 0.
                .body("economics.netUsd", closeTo(280.0, 1e-6));
    }

    @Test
    void badReferencesNameTheirFields() {
        given().contentType("application/json").body("{\"siteId\": 987654321, \"market\": {\"energyPriceUsdPerMwh\": 1, \"hours\": 2}}")
                .when().post("/api/v1/allocations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'siteId' }.reason", containsString("no stored site with id 987654321"));
        given().contentType("application/json").body("""
                {"siteId": %d, "site": {"interconnectMw": 3},
                 "market": {"energyPriceSeries": {"node": "NOPE", "from": "2031-03-01", "to": "2031-03-02"}, "hashpriceUsdPerPhDay": 42}}"""
                .formatted(siteId))
                .when().post("/api/v1/allocations").then().statusCode(400)
                .body("errors.find { it.field == 'site' }.reason", containsString("not both"))
                .body("errors.find { it.field == 'market.energyPriceSeries.node' }.reason", containsString("no stored ENERGY_PRICE series 'NOPE'"));
        // Three hours stored: a day asks for hours that are not there.
        given().contentType("application/json").body("""
                {"siteId": %d, "market": {"energyPriceSeries": {"from": "2031-03-01", "to": "2031-03-02"}, "hashpriceUsdPerPhDay": 42}}"""
                .formatted(siteId))
                .when().post("/api/v1/allocations").then().statusCode(400)
                .body("errors.find { it.field == 'market.energyPriceSeries' }.reason", containsString("has no value for 21 of the hours"));
        given().contentType("application/json").body("""
                {"siteId": %d, "market": {"energyPriceSeries": {"from": "March", "to": "2031-03-02"}, "hashpriceUsdPerPhDay": 42}}"""
                .formatted(siteId))
                .when().post("/api/v1/allocations").then().statusCode(400)
                .body("errors.find { it.field == 'market.energyPriceSeries.from' }.reason", containsString("ISO 8601"));
    }

    @Test
    void inlineRunWithoutStartExportsHourNumbers() {
        long runId = given().contentType("application/json").body("""
                {"site": {"interconnectMw": 5},
                 "asicFleets": [{"name": "S21", "units": 1000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                 "market": {"energyPricesUsdPerMwh": [20, 150], "hashpriceUsdPerPhDay": 42}}""")
                .when().post("/api/v1/allocations").then().statusCode(200).extract().jsonPath().getLong("runId");
        String csv = given().when().get("/api/v1/allocation-runs/" + runId + "/dispatch.csv").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv.split("\n")).containsExactly(
                "hour,price_usd_per_mwh,S21_it_mw,facility_mw", "0,20,3.5,3.5", "1,150,0,0");
        given().when().get("/api/v1/allocation-runs/99999999/dispatch.csv").then().statusCode(404).contentType("application/problem+json");
    }
}
