package com.gridpivot.web;

import com.gridpivot.persistence.SeriesService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * axe-core (from its npm package, a test resource: never fetched at test time) on every page of the dashboard, with
 * the page's data loaded and charts drawn: no violation of impact serious or critical.
 */
@QuarkusTest
class WebAccessibilityTest extends WebPageTest {
    static final String SITE = "Accessibility test site";
    static final String SCENARIO = "Accessibility test scenario";

    @Inject
    SeriesService series;

    WebAccessibilityTest() {
        super(30_000);
    }

    @BeforeEach
    void storeWhatThePagesNeed() throws Exception {
        WebTestData.store(series);
        ApiRequests.ensureSite(SITE, """
                {"name": "%s", "interconnectMw": 100, "maxAiItMw": 40, "marketNode": "%s",
                 "asicFleets": [{"name": "S21 fleet", "model": "Antminer S21", "units": 10000, "pue": 1.05, "poolFeeFraction": 0.02}],
                 "aiOptions": [{"name": "Colocation lease", "offering": "colocation lease"}]}
                """.formatted(SITE, WebTestData.WEST));
        ApiRequests.ensureScenario(SCENARIO, """
                {"name": "%s", "description": "flat BTC, flat energy",
                 "btc": {"priceUsd": 69070, "startDifficulty": 1.25864590119494e14, "difficultyGrowthPerMonth": 0.0082, "feesBtcPerBlock": 0.587},
                 "energy": {"flatPriceUsdPerMwh": 40}}""".formatted(SCENARIO));
        web.withAxe();
    }

    @Test
    void everyPageHasNoSeriousOrCriticalViolation() {
        for (String p : List.of("overview", "market", "whatif", "plans", "scenarios", "risk", "runs")) {
            web.go("#/" + p);
            if (p.equals("overview")) {
                page.waitForSelector("#page-overview[data-answer='shown'], #page-overview[data-answer='error'], #overview-empty",
                        new com.microsoft.playwright.Page.WaitForSelectorOptions().setTimeout(120_000));
            }
            page.waitForTimeout(300); // charts drawn after the data came
            web.assertAccessible("#/" + p);
        }
        // a scenario opened for editing, and with its field errors shown
        web.go("#/scenarios");
        page.click("#scenarios-table a:has-text('" + SCENARIO + "')");
        page.waitForSelector("#scenario-form");
        web.assertAccessible("a scenario in the editor");
        page.fill("#scn-discount", "7");
        page.click("#scenario-save");
        page.waitForSelector("#scn-discount[aria-invalid='true']");
        web.assertAccessible("a scenario with a field error");
    }
}
