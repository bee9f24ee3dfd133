package com.gridpivot.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.gridpivot.api.RestAssuredDoubles;
import com.gridpivot.demo.DemoDataLoader;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.persistence.SeriesInfo;
import com.gridpivot.persistence.SeriesService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Demo data on the first start. Runs on a database of its own (an in-memory H2 named gridpivot-demo, or the schema
 * demo_test of the PostgreSQL database, cleaned at start), so the site table is empty whatever other tests stored.
 */
@QuarkusTest
@TestProfile(ImportDemoDataTest.DemoData.class)
public class ImportDemoDataTest {

    /** Demo data on, on an empty database. */
    public static class DemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> c = new HashMap<>();
            put(c, "gridpivot.demo-data.enabled", "true");
            if (System.getProperty("quarkus.test.profile", "").contains("pg")) {
                // the suite's PostgreSQL database (GRIDPIVOT_DB_URL, as .ci/run sets it), in a schema of its own
                String db = System.getenv().getOrDefault("GRIDPIVOT_DB_URL", "jdbc:postgresql://127.0.0.1:5432/gridpivot");
                put(c, "quarkus.datasource.jdbc.url", db + (db.contains("?") ? "&" : "?") + "currentSchema=demo_test");
                put(c, "quarkus.flyway.schemas", "demo_test");
                put(c, "quarkus.flyway.clean-at-start", "true");
            } else {
                put(c, "quarkus.datasource.jdbc.url", "jdbc:h2:mem:gridpivot-demo;DB_CLOSE_DELAY=-1");
            }
            return c;
        }

        private static void put(Map<String, String> c, String key, String value) {
            c.put(key, value);
            c.put("%test." + key, value);
            c.put("%pg." + key, value);
        }
    }

    @Inject
    DemoDataLoader loader;

    @Inject
    SeriesService series;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    @Test
    void firstStartLoadsTheSiteAndTheRealDataAndALoadAgainAddsNothing() throws Exception {
        DemoDataLoader.Status status = loader.awaitDone(Duration.ofMinutes(3));
        assertThat(status.state()).as(status.detail()).isEqualTo(DemoDataLoader.State.LOADED);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'demo-data' }.data.state", equalTo("LOADED"));

        JsonPath sites = given().when().get("/api/v1/sites").then().statusCode(200).extract().jsonPath();
        assertThat(sites.getInt("totalItems")).isEqualTo(1);
        assertThat(sites.getString("items[0].name")).isEqualTo("West Texas demo");
        assertThat(sites.getDouble("items[0].interconnectMw")).isEqualTo(100.0);
        assertThat(sites.getString("items[0].marketNode")).isEqualTo("HB_WEST");
        assertThat(sites.getList("items[0].asicFleets.model", String.class)).containsExactly("Antminer S21", "Antminer S19 XP");
        assertThat(sites.getList("items[0].asicFleets.units", Integer.class)).containsExactly(10000, 8000);
        assertThat(sites.getList("items[0].aiOptions.offering", String.class)).containsExactly("colocation lease", "H100 cloud");
        assertThat(sites.getDouble("items[0].aiOptions[1].maxItMw")).isEqualTo(40.0);
        assertThat(sites.getDouble("items[0].aiOptions[1].utilization")).isEqualTo(0.8);

        for (String hub : List.of("HB_WEST", "HB_NORTH")) {
            SeriesInfo s = series.find(SeriesKind.ENERGY_PRICE, hub).orElseThrow();
            assertThat(s.pointCount()).as(hub).isEqualTo(17_544);
            assertThat(s.resolutionSeconds()).isEqualTo(3600);
            assertThat(s.firstStart()).isEqualTo(Instant.parse("2023-01-01T06:00:00Z"));
            assertThat(s.lastStart()).isEqualTo(Instant.parse("2025-01-01T05:00:00Z"));
        }
        // By hand (python) from demo/ercot_fluxcore/<HUB>/2024-07.json, the four rtm prices of 2024-07-15 20:00-21:00 UTC:
        // HB_WEST 23.33, 27.91, 54.94, 36.73 -> 35.7275; HB_NORTH 28.22, 34.76, 73.47, 49.21 -> 46.415
        Instant t = Instant.parse("2024-07-15T20:00:00Z");
        assertThat(series.read(SeriesKind.ENERGY_PRICE, "HB_WEST", t, t.plusSeconds(3600)).get(0).value())
                .isCloseTo(35.7275, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(series.read(SeriesKind.ENERGY_PRICE, "HB_NORTH", t, t.plusSeconds(3600)).get(0).value())
                .isCloseTo(46.415, org.assertj.core.api.Assertions.within(1e-9));
        // a what-if year of hourly prices is complete
        assertThat(series.hourlyValues(SeriesKind.ENERGY_PRICE, "HB_WEST", Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z"))).hasSize(8784);

        assertThat(series.find(SeriesKind.BTC_PRICE, "BTC").orElseThrow().pointCount()).isEqualTo(4062);
        assertThat(series.find(SeriesKind.DIFFICULTY, "BTC").orElseThrow().pointCount()).isEqualTo(6247);
        assertThat(series.find(SeriesKind.HASHRATE, "BTC").orElseThrow().pointCount()).isEqualTo(6247);
        assertThat(series.find(SeriesKind.FEES_BTC_PER_DAY, "BTC").orElseThrow().pointCount()).isEqualTo(364);
        // price days that have a difficulty (python: 4058, 3694 of them before/after the fee export)
        assertThat(series.find(SeriesKind.HASHPRICE, "derived").orElseThrow().pointCount()).isEqualTo(4058);
        assertThat(series.read(SeriesKind.HASHPRICE, "derived", Instant.parse("2023-06-01T00:00:00Z"),
                Instant.parse("2023-06-02T00:00:00Z")).get(0).value()).isCloseTo(70.94489549464839,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(series.find(SeriesKind.GPU_LEASE_RATE, "H100 SXM").orElseThrow().pointCount()).isEqualTo(9);
        assertThat(series.find(SeriesKind.GPU_LEASE_RATE, "CRI-H100").orElseThrow().pointCount()).isEqualTo(2);

        // idempotent: loading again adds nothing and keeps one site
        List<String> again = loader.loadAll();
        assertThat(again).filteredOn(l -> l.contains("added ")).allSatisfy(l -> assertThat(l).contains("added 0"));
        assertThat(again.get(again.size() - 1)).contains("exists already");
        assertThat(series.find(SeriesKind.ENERGY_PRICE, "HB_WEST").orElseThrow().pointCount()).isEqualTo(17_544);
        given().when().get("/api/v1/sites").then().body("totalItems", equalTo(1));
    }
}
