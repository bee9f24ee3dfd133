package com.gridpivot.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.demo.DemoDataLoader;
import com.gridpivot.imports.ImportDemoDataTest;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The Overview on a fresh database with the demo data: the start page answers "what is converting 50 MW to AI worth
 * against staying on Bitcoin, and when is cash lowest?" for the demo site on the base case without a form, with the
 * numbers of the plan comparison the API gives for the request it sent, the pivot frontier and the risk line of the
 * jobs it ran, and links to the pages that explain them.
 */
@QuarkusTest
@TestProfile(ImportDemoDataTest.DemoData.class)
class WebOverviewTest extends WebPageTest {
    @Inject
    DemoDataLoader loader;

    WebOverviewTest() {
        super(180_000);
    }

    double shown(String key) {
        return Double.parseDouble(page.getAttribute("#overview-answer [data-key='" + key + "']", "data-value"));
    }

    @Test
    void theStartPageAnswersTheQuestionOnTheDemoSiteAndBaseCase() throws Exception {
        assertThat(loader.awaitDone(Duration.ofMinutes(3)).state()).isEqualTo(DemoDataLoader.State.LOADED);
        long baseId = given().get("/api/v1/scenarios").then().statusCode(200).extract().jsonPath().getLong("find { it.name == 'Base case (demo)' }.id");
        web.withAxe();
        AtomicReference<String> sent = web.bodySent("POST", "/api/v1/plans/compare");
        web.go("");
        assertThat(page.getAttribute(".page", "data-page")).isEqualTo("overview");
        page.waitForSelector("#page-overview[data-answer='shown']", new Page.WaitForSelectorOptions().setTimeout(180_000));
        assertThat(page.evaluate("() => document.querySelector('#overview-site').selectedOptions[0].textContent")).isEqualTo("West Texas demo");
        assertThat(page.evaluate("() => document.querySelector('#overview-scenario').selectedOptions[0].textContent")).isEqualTo("Base case (demo)");

        // the request: the demo site as stored, the base case, 60 months from this month, 50 MW to its colocation option
        JsonNode req = ApiRequests.JSON.readTree(sent.get());
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        assertThat(req.at("/problem/scenarioId").asLong()).isEqualTo(baseId);
        assertThat(req.at("/problem/site/name").asText()).isEqualTo("West Texas demo");
        assertThat(req.at("/problem/months").asInt()).isEqualTo(60);
        assertThat(req.at("/problem/startMonth").asText()).isEqualTo(month);
        assertThat(req.at("/problem/asicFleets").size()).isEqualTo(2);
        assertThat(req.at("/plans/0/aiStartsMw/0/name").asText()).isEqualTo("Colocation lease");
        assertThat(req.at("/plans/0/aiStartsMw/0/amount").asDouble()).isEqualTo(50.0);
        assertThat(req.at("/plans/0/aiStartsMw/0/month").asText()).isEqualTo(month);

        // the numbers shown are the API's answer to that request: optimizer, stay on Bitcoin, the conversion
        JsonNode c = ApiRequests.post("/api/v1/plans/compare", sent.get(), 200);
        assertThat(c.at("/plans/1/name").asText()).isEqualTo("stay on Bitcoin");
        double d = c.at("/plans/2/incrementalNpvUsd").asDouble();
        assertThat(shown("[\"plans\",2,\"incrementalNpvUsd\"]")).isEqualTo(Math.abs(d));
        assertThat(shown("[\"plans\",2,\"npvUsd\"]")).isEqualTo(c.at("/plans/2/npvUsd").asDouble());
        assertThat(shown("[\"plans\",1,\"npvUsd\"]")).isEqualTo(c.at("/plans/1/npvUsd").asDouble());
        // incremental NPV is the difference of the two NPVs
        assertThat(d).isCloseTo(c.at("/plans/2/npvUsd").asDouble() - c.at("/plans/1/npvUsd").asDouble(), WebSession.relative(d, 1e-9));
        String sentence = page.textContent("#overview-sentence");
        assertThat(sentence).startsWith("Converting 50 MW to Colocation lease in " + month + (d >= 0 ? " is worth " : " loses "));
        WebSession.assertShownText(page.textContent("#overview-sentence [data-key='[\"plans\",2,\"incrementalNpvUsd\"]']"), Math.abs(d), "NPV difference");
        // the month cash is lowest and by how much
        assertThat(page.textContent("#overview-cash")).contains("in " + c.at("/plans/2/lowestCashMonth").asText() + " at ")
                .contains("staying on Bitcoin, in " + c.at("/plans/1/lowestCashMonth").asText());
        assertThat(shown("[\"plans\",2,\"lowestCashUsd\"]")).isEqualTo(c.at("/plans/2/lowestCashUsd").asDouble());
        // value per MWh of each use, and the recommended plan
        assertThat(shown("[\"plans\",2,\"revenuePerItMwhUsd\",\"mining\"]")).isEqualTo(c.at("/plans/2/revenuePerItMwhUsd/mining").asDouble());
        assertThat(shown("[\"plans\",0,\"npvUsd\"]")).isEqualTo(c.at("/plans/0/npvUsd").asDouble());
        assertThat(c.at("/plans/0/npvUsd").asDouble()).isGreaterThanOrEqualTo(c.at("/plans/2/npvUsd").asDouble() - 1e-3);
        // the pivot frontier and the risk line: the numbers of the two jobs the page ran
        page.waitForSelector("#overview-frontier-risk[data-state='done']", new Page.WaitForSelectorOptions().setTimeout(300_000));
        String sweepRun = page.getAttribute("#overview-frontier", "data-run");
        JsonNode sweep = ApiRequests.get("/api/v1/sweeps/runs/" + sweepRun + "/result");
        var steps = page.querySelectorAll("#overview-frontier [data-key^='frontier[']");
        assertThat(steps).hasSize(sweep.get("frontier") == null ? 0 : sweep.get("frontier").size());
        for (int i = 0; i < steps.size(); i++) {
            assertThat(Double.parseDouble(steps.get(i).getAttribute("data-value"))).isEqualTo(sweep.at("/frontier/" + i + "/value").asDouble());
            assertThat(page.textContent("#overview-frontier")).contains(sweep.at("/frontier/" + i + "/description").asText());
        }
        if (steps.isEmpty()) {
            // no step: said with the AI MW the optimizer ends with at every point, when they all agree
            double first = sweep.at("/points/0/aiItMwEnd").asDouble();
            boolean flat = true;
            for (JsonNode p : sweep.get("points")) {
                flat &= Math.abs(p.get("aiItMwEnd").asDouble() - first) < 1e-6;
            }
            if (flat) {
                assertThat(page.textContent("#overview-frontier")).contains("no step: the optimizer ends with");
                assertThat(Double.parseDouble(page.getAttribute("#overview-frontier [data-key='points[0].aiItMwEnd']", "data-value"))).isEqualTo(first);
            }
        }
        String mcRun = page.getAttribute("#overview-risk-line", "data-run");
        JsonNode mc = ApiRequests.get("/api/v1/risk/montecarlo/runs/" + mcRun + "/result");
        int k = 0;
        while (!mc.at("/plans/" + k + "/name").asText().equals("convert 50 MW to Colocation lease")) {
            assertThat(mc.at("/plans/" + k).isMissingNode()).as("the conversion plan in the Monte Carlo answer").isFalse();
            k++;
        }
        for (String q : new String[] {"p10", "p50", "p90"}) {
            assertThat(Double.parseDouble(page.getAttribute("#overview-risk-line [data-key='plans[" + k + "].npvUsd." + q + "']", "data-value")))
                    .as(q).isEqualTo(mc.at("/plans/" + k + "/npvUsd/" + q).asDouble());
        }
        assertThat(mc.at("/plans/" + k + "/npvUsd/p10").asDouble()).isLessThanOrEqualTo(mc.at("/plans/" + k + "/npvUsd/p50").asDouble());
        assertThat(mc.at("/plans/" + k + "/npvUsd/p50").asDouble()).isLessThanOrEqualTo(mc.at("/plans/" + k + "/npvUsd/p90").asDouble());
        web.assertAccessible("the Overview with the demo data");
        web.shots("overview");

        // each figure links to the page that explains it
        assertThat(page.getAttribute("#overview-to-scenario", "href")).isEqualTo("#/scenarios/" + baseId);
        assertThat(page.getAttribute("#overview-to-plans", "href")).isEqualTo("#/plans");
        assertThat(page.getAttribute("#overview-to-risk", "href")).isEqualTo("#/risk");
        page.click("#overview-to-scenario");
        page.waitForSelector("#scenario-title:has-text('Base case (demo)')");
        assertThat(page.textContent("#scenario-view")).contains("$69,070").contains("HB_WEST 2024 replayed");
        web.shots("scenario-base-case");
    }
}
