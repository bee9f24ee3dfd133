package com.gridpivot.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Scenarios page: the stored scenarios listed; one opened, edited and saved with PUT (the API's answer is what the
 * page shows), a refused edit with the API's error under its field and nothing stored; cloned with POST; deleted with
 * DELETE after a confirmation in the page.
 */
@QuarkusTest
class WebScenariosTest extends WebPageTest {
    WebScenariosTest() {
        super(30_000);
    }

    String name;
    long id;

    @BeforeEach
    void storeAScenario() throws Exception {
        name = "Web scenario " + System.nanoTime();
        id = ApiRequests.post("/api/v1/scenarios", """
                {"name": "%s", "description": "for the browser test",
                 "btc": {"pricePointsUsd": {"2026-02": 69070, "2027-02": 40000}, "startDifficulty": 1.25864590119494e14,
                         "difficultyGrowthPerMonth": 0.0082, "feesBtcPerBlock": 0.587},
                 "energy": {"node": "HB_WEST", "replayYear": 2024},
                 "ai": {"gpuRateDeclinePerYear": 0.2, "options": {"H100 cloud": {"leadTimeMonths": 12}}},
                 "discountRate": 0.1}""".formatted(name), 201).get("id").asLong();
    }

    @Test
    void aScenarioIsListedEditedClonedAndDeleted() throws Exception {
        web.go("#/scenarios");
        String row = "#scenarios-table tr[data-id='" + id + "']";
        page.waitForSelector(row);
        // the path in words: its first and last point
        assertThat(page.textContent(row)).contains(name).contains("path of 2 points, $69,070 (2026-02) to $40,000 (2027-02)")
                .contains("HB_WEST 2024 replayed").contains("0.82%/month").contains("10.0%");
        web.shots("scenarios");

        // open and edit: the form holds the stored values; a new discount rate and one more path point are PUT
        page.click("#scenario-edit-" + id);
        page.waitForSelector("#scenario-form");
        assertThat(page.inputValue("#scn-name")).isEqualTo(name);
        assertThat(page.inputValue("#scn-btc-points")).isEqualTo("2026-02 69070\n2027-02 40000");
        assertThat(page.inputValue("#scn-discount")).isEqualTo("0.1");
        assertThat(page.textContent("#scn-ai-options")).contains("H100 cloud");
        var put = web.bodySent("PUT", "/api/v1/scenarios/" + id);
        page.fill("#scn-discount", "0.12");
        page.fill("#scn-btc-points", "2026-02 69070\n2026-08 55000\n2027-02 40000");
        page.click("#scenario-save");
        page.waitForSelector("#scenarios-status:has-text('Saved')");
        JsonNode stored = ApiRequests.get("/api/v1/scenarios/" + id);
        assertThat(stored.at("/scenario/discountRate").asDouble()).isEqualTo(0.12);
        assertThat(stored.at("/scenario/btc/pricePointsUsd/2026-08").asDouble()).isEqualTo(55000.0);
        // fields the form does not edit are sent back as loaded
        assertThat(stored.at("/scenario/ai/options/H100 cloud/leadTimeMonths").asDouble()).isEqualTo(12.0);
        assertThat(stored.get("version").asLong()).isEqualTo(1);
        assertThat(ApiRequests.JSON.readTree(put.get()).at("/ai/gpuRateDeclinePerYear").asDouble()).isEqualTo(0.2);
        assertThat(page.textContent("#scenarios-status")).contains("Saved “" + name + "” (version 1)");
        assertThat(page.textContent("#scenario-view")).contains("path of 3 points");

        // a refused edit: the API's reason under the field (the same 400 a direct PUT answers), nothing stored
        String reason = given().contentType("application/json").body(put.get().replace("\"discountRate\":0.12", "\"discountRate\":7"))
                .put("/api/v1/scenarios/" + id).then().statusCode(400).extract().jsonPath().getString("errors.find { it.field == 'discountRate' }.reason");
        page.fill("#scn-discount", "7");
        page.click("#scenario-save");
        assertThat(web.errorUnder("#scn-discount")).isEqualTo(reason);
        assertThat(page.textContent("#form-errors")).contains(reason);
        assertThat(ApiRequests.get("/api/v1/scenarios/" + id).at("/scenario/discountRate").asDouble()).isEqualTo(0.12);
        // a path line that does not read is named at its field before anything is sent
        page.fill("#scn-discount", "0.12");
        page.fill("#scn-btc-points", "2026-02 69070\nlater 40000");
        page.click("#scenario-save");
        assertThat(web.errorUnder("#scn-btc-points")).contains("line 2");
        page.fill("#scn-btc-points", "2026-02 69070\n2027-02 40000");
        web.shots("scenario-edit");

        // "Save as a copy": the form as it is now (two path points) under a new name, opened; the original is unchanged
        page.click("#scenario-clone");
        page.waitForSelector("#scenario-title:has-text('" + name + " (copy)')");
        assertThat(page.textContent("#scenarios-status")).isEqualTo("Stored “" + name + " (copy)”, a copy of “" + name + "”.");
        List<String> names = given().get("/api/v1/scenarios").then().statusCode(200).extract().jsonPath().getList("name");
        assertThat(names).contains(name, name + " (copy)");
        long copyId = Long.parseLong(page.url().replaceAll(".*#/scenarios/(\\d+).*", "$1"));
        JsonNode copy = ApiRequests.get("/api/v1/scenarios/" + copyId);
        assertThat(copy.at("/scenario/btc/pricePointsUsd").size()).isEqualTo(2);
        assertThat(copy.at("/scenario/btc/pricePointsUsd/2027-02").asDouble()).isEqualTo(40000.0);
        assertThat(copy.at("/scenario/discountRate").asDouble()).isEqualTo(0.12);
        assertThat(copy.at("/scenario/ai/options/H100 cloud/leadTimeMonths").asDouble()).isEqualTo(12.0);
        assertThat(ApiRequests.get("/api/v1/scenarios/" + id).at("/scenario/btc/pricePointsUsd").size()).isEqualTo(3);

        // delete the copy from its page: asked first, "Keep it" keeps it, then deleted
        page.click("#scenario-delete");
        page.click("#scenario-keep");
        assertThat(ApiRequests.get("/api/v1/scenarios/" + copyId).get("id").asLong()).isEqualTo(copyId);
        page.click("#scenario-delete");
        page.click("#scenario-confirm-delete");
        page.waitForSelector("#scenarios-status:has-text('Deleted')");
        given().get("/api/v1/scenarios/" + copyId).then().statusCode(404);

        // delete the original from the list
        web.go("#/scenarios");
        page.click("#scenario-" + id + "-delete");
        page.click("#scenario-" + id + "-confirm-delete");
        page.waitForSelector("#scenarios-status:has-text('Deleted “" + name + "”')");
        assertThat(page.isVisible(row)).isFalse();
        given().get("/api/v1/scenarios/" + id).then().statusCode(404);
    }
}
