package com.gridpivot.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridpivot.api.RestAssuredDoubles;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Risk page's Monte Carlo and stochastic-plan sections in headless Chromium (Debian's /usr/bin/chromium), on a
 * scenario and a small site this test stores through the API: 50 paths over 12 months and a two-scenario stochastic
 * plan run from the page; the histograms hold data, and the P50 and VSS the page shows are the API's answers to the
 * very requests the page sent. Screenshots under target/screenshots.
 */
@QuarkusTest
class WebRiskMonteCarloTest extends WebPageTest {
    static final String SCENARIO = "Risk MC page test scenario";
    static final String SITE = "Risk MC page test site";
    static final String PLAN = "convert 5 MW in 2026-Q4";

    WebRiskMonteCarloTest() {
        super(120_000);
    }

    /** The API's numbers as doubles, to compare them exactly with the page's data-value. */
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    @BeforeEach
    void storeWhatThePagesNeed() throws Exception {
        ApiRequests.ensureScenario(SCENARIO, """
                {"name": "%s", "btc": {"priceUsd": 80000, "annualGrowth": 0.0, "startDifficulty": 1.2586e14, "difficultyGrowthPerMonth": 0.02,
                         "feesBtcPerBlock": 0.025},
                 "energy": {"flatPriceUsdPerMwh": 45, "annualEscalation": 0.0}, "discountRate": 0.10}
                """.formatted(SCENARIO));
        ApiRequests.ensureSite(SITE, """
                {"name": "%s", "interconnectMw": 20, "maxAiItMw": 10,
                 "asicFleets": [{"name": "S21", "units": 4000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500, "pue": 1.05}],
                 "aiOptions": [{"name": "AI", "revenueUsdPerMwh": 140, "tenantPaysPower": false, "pue": 1.2, "maxItMw": 10,
                                "capexUsdPerMw": 400000, "leadTimeMonths": 2}]}
                """.formatted(SITE));
    }

    /** Row i of the Monte Carlo form's fixed plans: AI IT MW started in a month or quarter. */
    void fillPlan(int i, String name, String month, String aiMw) {
        page.fill("#mc-plan-" + i + "-name", name);
        page.selectOption("#mc-plan-" + i + "-option", "AI");
        page.fill("#mc-plan-" + i + "-month", month);
        page.fill("#mc-plan-" + i + "-amount", aiMw);
    }

    /** Row i of the stochastic plan's scenarios: a name, its probability and its BTC price (USD). */
    void fillScenario(int i, String name, String probability, String btcUsd) {
        page.fill("#st-sc-" + i + "-name", name);
        page.fill("#st-sc-" + i + "-prob", probability);
        page.fill("#st-sc-" + i + "-btc", btcUsd);
    }

    /** Posts a body the page sent, polls the job to its end and returns its result. */
    static JsonPath apiResult(String kind, String body) throws InterruptedException {
        Response started = given().contentType("application/json").body(body).post("/api/v1/risk/" + kind + "/runs");
        started.then().statusCode(202);
        String location = started.header("Location");
        for (int i = 0; i < 600; i++) {
            String s = given().get(location).then().statusCode(200).extract().jsonPath().getString("status");
            if (!s.equals("QUEUED") && !s.equals("RUNNING")) {
                assertThat(s).isEqualTo("OPTIMAL");
                return given().get(location + "/result").then().statusCode(200).extract().jsonPath();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the " + kind + " run did not finish");
    }

    @Test
    void monteCarloAndStochasticPlanShowTheApisAnswers() throws Exception {
        web.go("#/risk");
        // the sweep part is still there
        assertThat(page.isVisible("#risk-form #run")).isTrue();

        page.selectOption("#mc-scenario", new SelectOption().setLabel(SCENARIO));
        page.selectOption("#mc-site", new SelectOption().setLabel(SITE));
        page.fill("#mc-start", "2026-07");
        page.fill("#mc-months", "12");
        fillPlan(0, PLAN, "2026-Q4", "5");
        fillPlan(1, "convert 10 MW in 2027-01", "2027-01", "10");
        page.fill("#mc-paths", "50");
        page.fill("#mc-seed", "7");

        AtomicReference<String> mcSent = web.bodySent("POST", "/api/v1/risk/montecarlo/runs");
        AtomicReference<String> stSent = web.bodySent("POST", "/api/v1/risk/stochastic/runs");

        // ---- Cancel: a long run (5000 paths over 120 months) stopped from the page sends DELETE for its job
        AtomicReference<String> deleted = new AtomicReference<>();
        page.onRequest(r -> {
            if ("DELETE".equals(r.method()) && r.url().contains("/api/v1/risk/montecarlo/runs/")) {
                deleted.set(r.url());
            }
        });
        page.fill("#mc-months", "120");
        page.fill("#mc-paths", "5000");
        page.click("#mc-run");
        page.waitForSelector("#mc-progress", new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.VISIBLE));
        page.click("#mc-cancel");
        page.waitForSelector("#mc-status:has-text('Cancelled')");
        page.waitForCondition(() -> deleted.get() != null, new Page.WaitForConditionOptions().setTimeout(30_000));
        assertThat(deleted.get()).matches(".*/api/v1/risk/montecarlo/runs/\\d+$");
        String cancelled = deleted.get().replaceFirst("^https?://[^/]+", "");
        String cancelledStatus = "RUNNING";
        for (int i = 0; i < 300 && (cancelledStatus.equals("RUNNING") || cancelledStatus.equals("QUEUED")); i++) {
            Thread.sleep(100);
            cancelledStatus = given().get(cancelled).then().statusCode(200).extract().jsonPath().getString("status");
        }
        assertThat(cancelledStatus).as("the long run, after Cancel").isEqualTo("CANCELLED");
        page.fill("#mc-months", "12");
        page.fill("#mc-paths", "50");

        // ---- Monte Carlo, with a run label (issue 18 item 5): sent in the body, stored with the run, listed by it
        page.fill("#mc-label", "board risk: 50 paths");
        page.click("#mc-run");
        page.waitForSelector("#mc-results[data-status]");
        assertThat(mcSent.get()).contains("\"label\":\"board risk: 50 paths\"");
        JsonPath labelled = given().queryParam("label", "board risk").get("/api/v1/runs").then().statusCode(200).extract().jsonPath();
        assertThat(labelled.getList("items.label")).containsExactly("board risk: 50 paths");
        assertThat(labelled.getString("items[0].kind")).isEqualTo("MONTE_CARLO");
        List<ElementHandle> hists = web.chartsWithData("#mc-results .chart", "canvas");
        assertThat(hists).as("one histogram per plan: two fixed, the optimizer's, staying on Bitcoin").hasSize(4);
        for (ElementHandle c : hists) {
            assertThat(c.getAttribute("aria-label")).contains("50 paths");
        }
        String pageP50 = page.getAttribute("#mc-table tr[data-plan='" + PLAN + "'] [data-key$='.npvUsd.p50']", "data-value");
        assertThat(page.textContent("#mc-words")).contains(PLAN).contains("P50 NPV").contains("of 50 paths; cash is lowest");
        // led by the median (issue 14, item 7): the first number of the plan's row is its P50, then the mean
        assertThat(page.getAttribute("#mc-table tr[data-plan='" + PLAN + "'] td:nth-of-type(1) [data-key]", "data-key")).endsWith(".npvUsd.p50");
        assertThat(page.getAttribute("#mc-table tr[data-plan='" + PLAN + "'] td:nth-of-type(2) [data-key]", "data-key")).endsWith(".npvUsd.mean");
        assertThat(page.textContent("#mc-table thead")).contains("P50 NPV (median)");

        JsonPath mc = apiResult("montecarlo", mcSent.get());
        assertThat(mc.getInt("paths")).isEqualTo(50);
        assertThat(mc.getInt("months")).isEqualTo(12);
        double apiP50 = mc.getDouble("plans.find { it.name == '" + PLAN + "' }.npvUsd.p50");
        assertThat(mc.getDouble("plans.find { it.name == '" + PLAN + "' }.headline.p50NpvUsd")).isEqualTo(apiP50);
        assertThat(mc.getString("plans.find { it.name == '" + PLAN + "' }.headline.text")).startsWith("P50 (median) NPV").contains("Mean");
        assertThat(Double.parseDouble(page.getAttribute("#mc-words [data-key$='.headline.p50NpvUsd']", "data-value")))
                .isCloseTo(mc.getDouble("plans[0].headline.p50NpvUsd"), WebSession.relative(mc.getDouble("plans[0].headline.p50NpvUsd"), 1e-6));
        assertThat(Double.parseDouble(pageP50)).as("P50 NPV on the page and from the API").isCloseTo(apiP50, WebSession.relative(apiP50, 1e-6));
        double loss = mc.getDouble("plans.find { it.name == '" + PLAN + "' }.probIncrementalNpvBelowZero");
        String pageLoss = page.getAttribute("#mc-table tr[data-plan='" + PLAN + "'] [data-key$='.probIncrementalNpvBelowZero']", "data-value");
        assertThat(Double.parseDouble(pageLoss)).isEqualTo(loss);

        // XLSX of the Monte Carlo table (POST /api/v1/reports/export.xlsx), numbers as numeric cells
        Download mcXlsx = web.download("#mc-export-xlsx");
        assertThat(mcXlsx.suggestedFilename()).isEqualTo("gridpivot-montecarlo.xlsx");
        try (Workbook wb = WebSession.workbook(mcXlsx)) {
            Sheet sheet = wb.getSheet("Monte Carlo NPV");
            assertThat(sheet.getLastRowNum()).isEqualTo(mc.getList("plans").size());
            Row planRow = null;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(PLAN)) {
                    planRow = row;
                }
            }
            assertThat(planRow).as("a row for " + PLAN).isNotNull();
            assertThat(planRow.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC); // P50 first, as on the page
            assertThat(planRow.getCell(2).getNumericCellValue()).isCloseTo(apiP50, WebSession.relative(apiP50, 1e-6));
        }

        // ---- stochastic plan: two scenarios (the third row left empty), risk-neutral
        fillScenario(0, "bull", "0.4", "140000");
        fillScenario(1, "bear", "0.6", "40000");
        page.fill("#st-sc-2-name", "");
        page.click("#st-run");
        page.waitForSelector("#st-results[data-status]");
        assertThat(page.getAttribute("#st-results", "data-status")).isEqualTo("OPTIMAL");
        assertThat(stSent.get()).contains("\"bull\"").contains("\"bear\"").doesNotContain("scenarioId")
                .as("an empty label is not sent: the run is named by its site").doesNotContain("\"label\"");

        JsonPath st = apiResult("stochastic", stSent.get());
        assertThat(st.getList("scenarios")).hasSize(2);
        Object vss = st.get("valueMeasures.vssUsd");   // Float or Double, whichever RestAssured is set to
        assertThat(vss).as("VSS from the API").isNotNull();
        double apiVss = st.getDouble("valueMeasures.vssUsd");
        String pageVss = page.getAttribute("#st-words [data-key='valueMeasures.vssUsd']", "data-value");
        assertThat(Double.parseDouble(pageVss)).as("VSS on the page and from the API").isCloseTo(apiVss, WebSession.relative(apiVss, 1e-6));
        assertThat(Double.parseDouble(page.getAttribute("#st-words [data-key='expectedNpvUsd']", "data-value")))
                .isCloseTo(st.getDouble("expectedNpvUsd"), WebSession.relative(st.getDouble("expectedNpvUsd"), 1e-6));
        assertThat(page.textContent("#st-words")).contains("(VSS)").contains("(EVPI)").contains("textbook VSS");
        double apiVssMean = st.getDouble("valueMeasures.vssExpectedValueUsd");
        assertThat(Double.parseDouble(page.getAttribute("#st-vss-textbook [data-key='valueMeasures.vssExpectedValueUsd']", "data-value")))
                .as("textbook VSS on the page and from the API").isCloseTo(apiVssMean, WebSession.relative(apiVssMean, 1e-6));
        assertThat(page.isVisible("#st-decisions")).isTrue();
        Download stXlsx = web.download("#st-export-xlsx");
        try (Workbook wb = WebSession.workbook(stXlsx)) {
            Sheet scenarios = wb.getSheet("Scenarios");
            assertThat(scenarios.getLastRowNum()).isEqualTo(2);
            assertThat(scenarios.getRow(1).getCell(0).getStringCellValue()).isIn("bull", "bear");
            assertThat(scenarios.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(wb.getSheet("First-stage decisions")).isNotNull();
        }

        page.locator("#mc-section").scrollIntoViewIfNeeded();
        web.shots("risk-montecarlo", () -> {
            // the answers alone, legible at phone width
            page.locator("#mc-results").screenshot(new Locator.ScreenshotOptions().setPath(WebSession.SHOTS.resolve("risk-montecarlo-results-390x844.png")));
            page.locator("#st-results").screenshot(new Locator.ScreenshotOptions().setPath(WebSession.SHOTS.resolve("risk-stochastic-results-390x844.png")));
        });
    }

    /**
     * A block bootstrap of the BTC history with a spread of fees, run from the page: the body sends priceModel,
     * blockLengthMonths and feeSd; the page shows the model the API used and its P50; the fee history's sd is offered
     * and fills the field; a block length of 0 is refused under its field.
     */
    @Test
    void aBootstrapRunSendsThePriceModelAndShowsTheModelUsed() throws Exception {
        web.go("#/risk");
        page.selectOption("#mc-scenario", new SelectOption().setLabel(SCENARIO));
        page.selectOption("#mc-site", new SelectOption().setLabel(SITE));
        page.fill("#mc-start", "2026-07");
        page.fill("#mc-months", "12");
        fillPlan(0, PLAN, "2026-Q4", "5");
        page.fill("#mc-plan-1-name", "");
        page.fill("#mc-paths", "30");
        page.fill("#mc-seed", "3");
        assertThat(page.isVisible("#mc-block-months")).as("a block length only for the bootstrap").isFalse();
        assertThat(page.inputValue("#mc-fee-sd")).isEqualTo("0");
        page.selectOption("#mc-price-model", "BOOTSTRAP");
        assertThat(page.isVisible("#mc-block-months")).isTrue();

        // a block of 0 months: the API's reason under the field
        page.fill("#mc-block-months", "0");
        AtomicReference<String> sent = web.bodySent("POST", "/api/v1/risk/montecarlo/runs");
        page.click("#mc-run");
        String shown = web.errorUnder("#mc-block-months");
        String reason = null;
        for (var e : ApiRequests.post("/api/v1/risk/montecarlo/runs", sent.get(), 400).get("errors")) {
            if ("blockLengthMonths".equals(e.get("field").asText())) {
                reason = e.get("reason").asText();
            }
        }
        assertThat(reason).isNotNull();
        assertThat(shown).isEqualTo(reason);

        page.fill("#mc-block-months", "3");
        page.fill("#mc-fee-sd", "0.5");
        page.click("#mc-run");
        page.waitForSelector("#mc-results[data-status]");
        assertThat(page.getAttribute("#mc-block-months", "aria-invalid")).isNull();
        var body = ApiRequests.JSON.readTree(sent.get());
        assertThat(body.get("priceModel").asText()).isEqualTo("BOOTSTRAP");
        assertThat(body.get("blockLengthMonths").asDouble()).isEqualTo(3.0);
        assertThat(body.get("feeSd").asDouble()).isEqualTo(0.5);

        JsonPath mc = apiResult("montecarlo", sent.get());
        assertThat(mc.getString("model.priceModel")).isEqualTo("BOOTSTRAP");
        assertThat(mc.getInt("model.blockLengthMonths")).isEqualTo(3);
        assertThat(page.getAttribute("#mc-model [data-key='model.priceModel']", "data-value")).isEqualTo("BOOTSTRAP");
        assertThat(Double.parseDouble(page.getAttribute("#mc-model [data-key='model.blockLengthMonths']", "data-value"))).isEqualTo(3.0);
        assertThat(Double.parseDouble(page.getAttribute("#mc-model [data-key='model.feeSd']", "data-value"))).isEqualTo(mc.getDouble("model.feeSd")).isEqualTo(0.5);
        double apiP50 = mc.getDouble("plans.find { it.name == '" + PLAN + "' }.npvUsd.p50");
        String pageP50 = page.getAttribute("#mc-table tr[data-plan='" + PLAN + "'] [data-key$='.npvUsd.p50']", "data-value");
        assertThat(Double.parseDouble(pageP50)).as("P50 NPV of the bootstrap run, page and API").isCloseTo(apiP50, WebSession.relative(apiP50, 1e-6));

        // the fee history's own sd (models/RISK.md: 0.868) is offered under the field and fills it
        double calibrated = mc.getDouble("model.feeCalibration.feeSd");
        assertThat(calibrated).isCloseTo(0.868, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(Double.parseDouble(page.getAttribute("#mc-model [data-key='model.feeCalibration.feeSd']", "data-value"))).isEqualTo(calibrated);
        page.click("#mc-fee-sd-use");
        assertThat(Double.parseDouble(page.inputValue("#mc-fee-sd"))).isEqualTo(calibrated);
    }
}
