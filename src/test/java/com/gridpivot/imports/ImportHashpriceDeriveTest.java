package com.gridpivot.imports;

import static com.gridpivot.imports.ImportTestSupport.bytes;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import com.gridpivot.api.RestAssuredDoubles;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.marketdata.SeriesPoint;
import com.gridpivot.persistence.SeriesService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportHashpriceDeriveTest {
    static final String DERIVE = "/api/v1/series/hashprice/derive";

    @Inject
    ImportService imports;

    @Inject
    SeriesService series;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    /** The BTC inputs (idempotent: may be stored already by other tests or earlier PostgreSQL runs). */
    @BeforeEach
    void inputs() {
        for (String f : List.of("btc/lukmol_btc_price_volume.csv", "btc/lukmol_difficulty.csv",
                "btc/blockchaincom_2023_2024/transaction-fees.csv")) {
            imports.importFile(bytes(f), ImportParams.detect(f), "test");
        }
    }

    @Test
    void aWeekWithFeesMatchesTheFormulaByHand() {
        JsonPath r = given().queryParam("from", "2023-06-01").queryParam("to", "2023-06-08")
                .when().post(DERIVE).then().statusCode(200)
                .body("days", equalTo(7))
                .body("daysWithoutFees", equalTo(0))
                .body("firstDay", equalTo("2023-06-01"))
                .body("lastDay", equalTo("2023-06-07"))
                .body("report.format", equalTo("DERIVED"))
                .body("report.series[0].kind", equalTo("HASHPRICE"))
                .body("report.series[0].key", equalTo("derived"))
                .body("report.series[0].unit", equalTo("USD/PH/day"))
                .body("report.series[0].resolutionSeconds", equalTo(86400))
                .extract().jsonPath();
        assertThat(r.getInt("report.pointsAdded") + r.getInt("report.pointsUpdated") + r.getInt("report.pointsUnchanged"))
                .isEqualTo(7);
        // 2023-06-01 by hand (python): price 26819.97265625 (lukmol), difficulty 51234338863443 (lukmol), fees
        // 70.13588614000001 BTC (blockchain.com), subsidy 6.25: 86400e12 / (D * 2^32) * (6.25 + fees / 144) * 1000 * price
        List<SeriesPoint> stored = series.read(SeriesKind.HASHPRICE, "derived", Instant.parse("2023-06-01T00:00:00Z"),
                Instant.parse("2023-06-02T00:00:00Z"));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).value()).isCloseTo(70.94489549464839, within(1e-9));

        JsonPath again = given().queryParam("from", "2023-06-01").queryParam("to", "2023-06-08")
                .when().post(DERIVE).then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("report.pointsAdded")).isZero();
        assertThat(again.getInt("report.pointsUpdated")).isZero();
        assertThat(again.getInt("report.pointsUnchanged")).isEqualTo(7);
    }

    @Test
    void daysWithoutFeesUseZeroAndAreCounted() {
        // the blockchain.com fees start on 2023-04-30
        given().queryParam("from", "2023-04-25").queryParam("to", "2023-05-02")
                .when().post(DERIVE).then().statusCode(200)
                .body("days", equalTo(7))
                .body("daysWithoutFees", equalTo(5))
                .body("report.issues[0].code", equalTo("FEES_MISSING"))
                .body("report.issues[0].severity", equalTo("WARNING"));
    }

    @Test
    void aRangeWithoutInputsOrABadDateIs400() {
        given().queryParam("from", "1990-01-01").queryParam("to", "1990-02-01")
                .when().post(DERIVE).then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("from", "yesterday")
                .when().post(DERIVE).then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2024-02-01").queryParam("to", "2024-01-01")
                .when().post(DERIVE).then().statusCode(400);
    }
}
