package com.gridpivot.imports;

import static com.gridpivot.imports.ImportTestSupport.bytes;
import static com.gridpivot.imports.ImportTestSupport.count;
import static com.gridpivot.imports.ImportTestSupport.text;
import static com.gridpivot.imports.ImportTestSupport.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.gridpivot.api.RestAssuredDoubles;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.persistence.SeriesService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {
    static final String IMPORTS = "/api/v1/imports";

    @Inject
    EntityManager em;

    @Inject
    SeriesService series;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /** The ERCOT day-ahead fall-back day (25 hours, hour ending 02:00 twice), its settlement point renamed. */
    static String fallBackCsv(String key) {
        return text("ercot_csv/dam_hb_west_2023-11-05_fallback.csv").replace("HB_WEST", key);
    }

    static JsonPath upload(byte[] body, String contentType, int status, Object... query) {
        var req = given().contentType(contentType).body(body);
        for (int i = 0; i < query.length; i += 2) {
            req = req.queryParam((String) query[i], query[i + 1]);
        }
        return req.when().post(IMPORTS).then().statusCode(status).extract().jsonPath();
    }

    @Test
    void ercotFallBackDayIsDetectedStoredAndASecondUploadAddsNothing() {
        String key = uniqueKey("ERCOT");
        byte[] csv = fallBackCsv(key).getBytes(StandardCharsets.UTF_8);

        var first = given().contentType("text/csv").body(csv).queryParam("fileName", "dam_fallback.csv")
                .when().post(IMPORTS)
                .then().statusCode(201)
                .header("Location", containsString(IMPORTS + "/"))
                .body("format", equalTo("ERCOT_CSV"))
                .body("rowsRead", equalTo(25))
                .body("series.size()", equalTo(1))
                .body("series[0].kind", equalTo("ENERGY_PRICE"))
                .body("series[0].key", equalTo(key))
                .body("series[0].unit", equalTo("USD/MWh"))
                .body("series[0].resolutionSeconds", equalTo(3600))
                .body("series[0].firstStart", equalTo("2023-11-05T05:00:00Z"))
                .body("series[0].lastStart", equalTo("2023-11-06T05:00:00Z"))
                .body("series[0].points", equalTo(25))
                .body("series[0].pointsAdded", equalTo(25))
                .body("series[0].pointsUnchanged", equalTo(0))
                .body("pointsAdded", equalTo(25))
                .body("duplicateOf", nullValue())
                .body("caller", equalTo("anonymous"))
                .body("issues.findAll { it.code == 'DST_FALL_BACK' }.line", equalTo(List.of(4)))
                .body("issues.findAll { it.code == 'DST_FALL_BACK' }.severity", equalTo(List.of("INFO")))
                .extract().jsonPath();
        int batchId = first.getInt("batchId");

        // The stored series has the 25 hours: the repeated 01:00-02:00 local hour is 06:00Z and 07:00Z.
        var stored = series.read(SeriesKind.ENERGY_PRICE, key, null, null);
        assertThat(stored).hasSize(25);
        assertThat(stored.get(1).value()).isEqualTo(27.37);
        assertThat(stored.get(2).value()).isEqualTo(24.46);

        JsonPath again = upload(csv, "text/csv", 200, "fileName", "dam_fallback.csv");
        assertThat(again.getInt("pointsAdded")).isZero();
        assertThat(again.getInt("pointsUpdated")).isZero();
        assertThat(again.getInt("pointsUnchanged")).isEqualTo(25);
        assertThat(again.getInt("series[0].pointsUnchanged")).isEqualTo(25);
        assertThat(again.getInt("duplicateOf")).isEqualTo(batchId);
        assertThat(again.getInt("batchId")).isNotEqualTo(batchId);
        assertThat(series.find(SeriesKind.ENERGY_PRICE, key).orElseThrow().pointCount()).isEqualTo(25);

        given().when().get(IMPORTS + "/" + batchId).then().statusCode(200)
                .body("batchId", equalTo(batchId))
                .body("rowsRead", equalTo(25))
                .body("series[0].key", equalTo(key))
                .body("series[0].pointsAdded", equalTo(25))
                .body("issues.code", hasItem("DST_FALL_BACK"));
        given().queryParam("size", 500).when().get(IMPORTS).then().statusCode(200)
                .body("items.id", hasItem(batchId))
                .body("items.find { it.id == " + batchId + " }.pointsAdded", equalTo(25))
                .body("items.find { it.id == " + batchId + " }.sourceName", equalTo("dam_fallback.csv"));
    }

    @Test
    void realTimeFifteenMinuteFallBackFileBecomes25HourlyMeans() {
        String key = uniqueKey("RTM");
        JsonPath r = upload(text("ercot_csv/rtm_hb_west_2023-11-05_fallback.csv").replace("HB_WEST", key)
                .getBytes(StandardCharsets.UTF_8), "text/csv", 201, "format", "ERCOT_CSV");
        assertThat(r.getInt("rowsRead")).isEqualTo(100);
        assertThat(r.getInt("series[0].points")).isEqualTo(25);
        assertThat(r.getInt("series[0].pointsAdded")).isEqualTo(25);
        assertThat(series.read(SeriesKind.ENERGY_PRICE, key, null, null).get(2).value())
                .isCloseTo(22.11, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void springForwardDayHas23Hours() {
        String key = uniqueKey("SPRING");
        JsonPath r = upload(text("ercot_csv/dam_hb_west_2023-03-12_springforward.csv").replace("HB_WEST", key)
                .getBytes(StandardCharsets.UTF_8), "text/csv", 201);
        assertThat(r.getInt("rowsRead")).isEqualTo(23);
        assertThat(r.getInt("series[0].pointsAdded")).isEqualTo(23);
        assertThat(r.getList("issues.code", String.class)).contains("DST_SPRING_FORWARD").doesNotContain("GAP");
    }

    @Test
    void twoSettlementPointsInOneFileAreTwoSeries() {
        String a = uniqueKey("NORTH");
        String b = uniqueKey("WEST");
        JsonPath r = upload(text("ercot_csv/dam_two_hubs_2023-01-15.csv").replace("HB_NORTH", a).replace("HB_WEST", b)
                .getBytes(StandardCharsets.UTF_8), "application/octet-stream", 201);
        assertThat(r.getInt("rowsRead")).isEqualTo(48);
        assertThat(r.getList("series.key", String.class)).containsExactlyInAnyOrder(a, b);
        assertThat(r.getList("series.pointsAdded", Integer.class)).containsExactly(24, 24);
    }

    @Test
    void fluxcoreMonthFileRealTimeAndDayAhead() {
        String hub = uniqueKey("FLUX");
        byte[] json = text("ercot_fluxcore/HB_NORTH/2023-01.json").replace("\"hub\":\"HB_NORTH\"", "\"hub\":\"" + hub + "\"")
                .getBytes(StandardCharsets.UTF_8);
        JsonPath rtm = upload(json, "application/json", 201, "fileName", "2023-01.json");
        assertThat(rtm.getString("format")).isEqualTo("FLUXCORE_JSON");
        assertThat(rtm.getInt("rowsRead")).isEqualTo(2976);
        assertThat(rtm.getString("series[0].key")).isEqualTo(hub);
        assertThat(rtm.getInt("series[0].points")).isEqualTo(744);
        assertThat(rtm.getInt("series[0].pointsAdded")).isEqualTo(744);
        assertThat(rtm.getString("series[0].firstStart")).isEqualTo("2023-01-01T06:00:00Z");
        assertThat(rtm.getString("series[0].lastStart")).isEqualTo("2023-02-01T05:00:00Z");

        String damHub = uniqueKey("FLUXDAM");
        byte[] dam = text("ercot_fluxcore/HB_NORTH/2023-01.json").replace("\"hub\":\"HB_NORTH\"", "\"hub\":\"" + damHub + "\"")
                .getBytes(StandardCharsets.UTF_8);
        JsonPath d = upload(dam, "application/json", 201, "market", "dam");
        assertThat(d.getInt("rowsRead")).isEqualTo(744);
        assertThat(d.getInt("series[0].pointsAdded")).isEqualTo(744);
    }

    @Test
    void genericCsvNeedsAKind() {
        String key = uniqueKey("GEN");
        byte[] csv = ("interval_start,value\n2024-01-01T00:00:00Z,10.5\n2024-01-01T01:00:00Z,11\n"
                + "2024-01-01T02:00:00-06:00,12\n").getBytes(StandardCharsets.UTF_8);
        JsonPath noKind = upload(csv, "text/csv", 400, "key", key);
        assertThat(noKind.getString("errors[0].field")).isEqualTo("kind");

        JsonPath r = upload(csv, "text/csv", 201, "kind", "ENERGY_PRICE", "key", key);
        assertThat(r.getString("format")).isEqualTo("GENERIC_CSV");
        assertThat(r.getInt("rowsRead")).isEqualTo(3);
        assertThat(r.getInt("series[0].pointsAdded")).isEqualTo(3);
        assertThat(r.getString("series[0].lastStart")).isEqualTo("2024-01-01T08:00:00Z");
        assertThat(r.getList("issues.code", String.class)).contains("GAP");
    }

    @Test
    void blockchainComFeesExportGetsItsKindFromTheFileName() {
        byte[] csv = bytes("btc/blockchaincom_2023_2024/transaction-fees.csv");
        // The shared FEES_BTC_PER_DAY/BTC series may be stored already (other tests, earlier PostgreSQL runs): 201 or 200.
        var response = given().contentType("application/octet-stream").body(csv).queryParam("fileName", "transaction-fees.csv")
                .when().post(IMPORTS);
        assertThat(response.statusCode()).isIn(200, 201);
        JsonPath r = response.jsonPath();
        assertThat(r.getString("format")).isEqualTo("BTC_DAILY_CSV");
        assertThat(r.getInt("rowsRead")).isEqualTo(364);
        assertThat(r.getString("series[0].kind")).isEqualTo("FEES_BTC_PER_DAY");
        assertThat(r.getString("series[0].key")).isEqualTo("BTC");
        assertThat(r.getInt("series[0].resolutionSeconds")).isEqualTo(86400);
        assertThat(r.getInt("series[0].pointsAdded") + r.getInt("series[0].pointsUpdated") + r.getInt("series[0].pointsUnchanged"))
                .isEqualTo(r.getInt("series[0].points"));
        JsonPath again = upload(csv, "application/octet-stream", 200, "fileName", "transaction-fees.csv");
        assertThat(again.getInt("pointsAdded")).isZero();
        assertThat(again.getInt("pointsUnchanged")).isEqualTo(r.getInt("series[0].points"));
    }

    @Test
    void gpuListingSnapshotIsTheDailyMedianAndMultipartWorks() {
        String model = uniqueKey("H100");
        byte[] csv = text("gpu/ccir_cri_h100/h100-sxm-us/2026-02-26.csv").replace("H100 SXM", model).getBytes(StandardCharsets.UTF_8);
        JsonPath r = given().multiPart("file", "2026-02-26.csv", csv, "text/csv")
                .when().post(IMPORTS).then().statusCode(201).extract().jsonPath();
        assertThat(r.getString("format")).isEqualTo("GPU_RATES_CSV");
        assertThat(r.getString("sourceName")).isEqualTo("2026-02-26.csv");
        assertThat(r.getInt("rowsRead")).isEqualTo(8);
        assertThat(r.getString("series[0].key")).isEqualTo(model);
        assertThat(r.getString("series[0].unit")).isEqualTo("USD/GPU-h");
        assertThat(r.getInt("series[0].pointsAdded")).isEqualTo(1);
    }

    @Test
    void anErrorOnTheLastLineStoresNothing() {
        String key = uniqueKey("BAD");
        String good = fallBackCsv(key);
        String bad = good.replace("11/05/2023,24:00," + key + ",3.42", "11/05/2023,24:00," + key + ",n/a");
        assertThat(bad).isNotEqualTo(good);
        long points = count(em, "series_point");
        long seriesRows = count(em, "market_series");
        long batchRows = count(em, "import_batch");

        given().contentType("text/csv").body(bad.getBytes(StandardCharsets.UTF_8)).queryParam("fileName", "bad.csv")
                .when().post(IMPORTS)
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid file"))
                .body("detail", containsString("nothing stored"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("line 26"))
                .body("errors[0].reason", startsWith("NON_NUMERIC"));

        assertThat(series.find(SeriesKind.ENERGY_PRICE, key)).isEmpty();
        assertThat(count(em, "series_point")).isEqualTo(points);
        assertThat(count(em, "market_series")).isEqualTo(seriesRows);
        assertThat(count(em, "import_batch")).isEqualTo(batchRows);
    }

    @Test
    void errorsInATwoSeriesFileAreListedWithLineNumbersAndNeitherSeriesIsStored() {
        String a = uniqueKey("NORTH");
        String b = uniqueKey("WEST");
        List<String> lines = new java.util.ArrayList<>(Arrays.asList(text("ercot_csv/dam_two_hubs_2023-01-15.csv")
                .replace("HB_NORTH", a).replace("HB_WEST", b).split("\n", -1)));
        // line numbers are 1-based with the header on line 1
        lines.set(16, withPrice(lines.get(16), "abc"));
        lines.set(48, withPrice(lines.get(48), ""));
        byte[] csv = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        JsonPath p = upload(csv, "text/csv", 400);
        assertThat(p.getList("errors.field", String.class)).containsExactly("line 17", "line 49");
        assertThat(p.getList("errors.reason", String.class)).allSatisfy(r -> assertThat(r).containsAnyOf("NON_NUMERIC", "MISSING_VALUE"));
        assertThat(series.find(SeriesKind.ENERGY_PRICE, a)).isEmpty();
        assertThat(series.find(SeriesKind.ENERGY_PRICE, b)).isEmpty();
    }

    private static String withPrice(String line, String price) {
        String[] cells = line.split(",", -1);
        cells[3] = price;
        return String.join(",", cells);
    }

    @Test
    void anUndetectableFormatIsA400NamingFormat() {
        JsonPath p = upload("foo;bar\n1;2\n".getBytes(StandardCharsets.UTF_8), "text/csv", 400, "fileName", "mystery.txt");
        assertThat(p.getString("errors[0].field")).isEqualTo("format");
        assertThat(p.getString("errors[0].reason")).contains("GENERIC_CSV");

        JsonPath unknown = upload("x".getBytes(StandardCharsets.UTF_8), "text/csv", 400, "format", "XLSX", "market", "spot");
        assertThat(unknown.getList("errors.field", String.class)).containsExactly("format", "market");
    }

    @Test
    void anEmptyFileIsA400() {
        JsonPath p = upload(new byte[0], "text/csv", 400, "format", "ERCOT_CSV");
        assertThat(p.getString("errors[0].field")).isEqualTo("file");
        assertThat(p.getString("errors[0].reason")).startsWith("EMPTY_FILE");
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        byte[] big = new byte[17 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        given().contentType("text/csv").body(big).when().post(IMPORTS)
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413))
                .body("title", equalTo("Payload too large"));
    }

    @Test
    void unknownBatchIs404() {
        given().when().get(IMPORTS + "/987654321").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
