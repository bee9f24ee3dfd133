package com.gridpivot.planning;

import static com.gridpivot.jobs.JobPolling.poll;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import com.gridpivot.api.RestAssuredDoubles;
import com.gridpivot.imports.ImportParams;
import com.gridpivot.imports.ImportService;
import com.gridpivot.imports.SourceFile;
import com.gridpivot.marketdata.FluxcoreMarket;
import com.gridpivot.marketdata.ImportFormat;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * replayYear 2023 over HTTP on the shipped ERCOT HB_WEST 2023 month files (imported under a node name of this test, the
 * data unchanged): stored from 2023-01-01 06:00 UTC, so a plan replaying January gets its first six hours from
 * 2023-01-02 and says so, in a comparison and in a durable run (whose snapshot keeps the completed year and the note).
 */
@QuarkusTest
class PlanReplayYearResourceTest {
    private static String node;

    @Inject
    ImportService imports;

    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    @BeforeEach
    void importHbWest2023() throws IOException {
        if (node != null) {
            return;
        }
        String key = "HB_WEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<SourceFile> files = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            String path = "demo/ercot_fluxcore/HB_WEST/2023-%02d.json".formatted(month);
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"hub\":\"HB_WEST\"", "\"hub\":\"" + key + "\"");
                files.add(new SourceFile(key + "/2023-%02d.json".formatted(month), json.getBytes(StandardCharsets.UTF_8)));
            }
        }
        imports.importFiles(files, new ImportParams(ImportFormat.FLUXCORE_JSON, null, null, null, FluxcoreMarket.RTM), "test", "test");
        node = key;
    }

    /** A credit line of 200M USD funds the comparison's 10 MW of colocation (no free money since issue 15). */
    static String problem(String startMonth, int months) {
        return """
                {"scenario": {"btc": {"priceUsd": 65000, "startDifficulty": 1.2586e14, "difficultyGrowthPerMonth": 0.02, "feesBtcPerBlock": 0.025},
                              "energy": {"node": "%s", "replayYear": 2023}, "discountRate": 0.10},
                 "site": {"name": "West Texas demo", "interconnectMw": 100},
                 "asicFleets": [{"name": "S21 fleet", "model": "Antminer S21", "units": 10000, "pue": 1.05, "poolFeeFraction": 0.02}],
                 "aiOptions": [{"name": "Colocation lease", "offering": "colocation lease"}],
                 "finance": {"creditLineUsd": 2e8},
                 "startMonth": "%s", "months": %d}""".formatted(node, startMonth, months);
    }

    String note() {
        return "scenario.energy.replayYear 2023: the stored prices of " + node + " start at 2023-01-01T06:00:00Z: hours 00:00–05:00 UTC of "
                + "2023-01-01 (6 hours) are replayed from the same hours of 2023-01-02";
    }

    @Test
    void aComparisonReplaying2023JanuaryAnswersWithTheNote() {
        given().contentType(ContentType.JSON).body("""
                {"problem": %s, "plans": [{"name": "colocation 10 MW", "aiStartsMw": [{"name": "Colocation lease", "month": "2027-01", "amount": 10}]}]}"""
                        .formatted(problem("2026-12", 3)))
                .post("/api/v1/plans/compare").then().statusCode(200)
                .body("plans.status", everyItem(equalTo("OPTIMAL")))
                .body("plans[0].dataNotes", contains(note()))
                .body("plans[2].dataNotes", contains(note()));
    }

    @Test
    void aRunReplaying2023JanuaryKeepsTheNoteThroughItsSnapshot() throws Exception {
        Response created = given().contentType(ContentType.JSON).body(problem("2027-01", 2)).post("/api/v1/plans/runs");
        created.then().statusCode(202);
        String location = created.header("Location");
        poll(location).then().statusCode(200).body("status", equalTo("OPTIMAL"));
        Response result = given().get(location + "/result");
        result.then().statusCode(200).body("status", equalTo("OPTIMAL")).body("dataNotes", contains(note()));
    }

    @Test
    void aJunePlanReplaying2023HasNoNote() {
        given().contentType(ContentType.JSON).body("""
                {"problem": %s, "plans": [{"name": "stay"}]}""".formatted(problem("2026-06", 2)))
                .post("/api/v1/plans/compare").then().statusCode(200)
                .body("plans.status", everyItem(equalTo("OPTIMAL")))
                .body("plans[0].dataNotes.size()", equalTo(0))
                .body("plans[1].paybackNote", startsWith("the plan's cash flows are those of staying on Bitcoin"));
        assertThat(node).startsWith("HB_WEST_");
    }
}
