package com.gridpivot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.planning.PlanTestSupport;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Risk page in headless Chromium (Debian's /usr/bin/chromium): a BTC-price sweep of a site this test stores
 * through the API, with a tornado; the charts hold data, the frontier shown is the API's, an invalid axis shows the
 * API's message next to its field, the keyboard reaches Run. A sweep of a plan (a stored scenario and site) shows
 * the API's NPV and AI MW per point, which are the hand-solved values of PlanSweepTest, and exports them. Screenshots
 * under target/screenshots.
 */
@QuarkusTest
class WebRiskTest extends WebPageTest {
    static final String SITE = "Risk page test site";
    static final String PLAN_SITE = "Risk plan sweep test site";
    static final String PLAN_SCENARIO = "Risk plan sweep test scenario";

    WebRiskTest() {
        super(60_000);
    }

    /**
     * The hand-checked case of SweepServiceTest as a stored site: S21 (17.5 J/TH), AI at a flat 120 USD/MWh, 10 MW of
     * interconnect. Both pay the same energy price, so AI wins when hashprice·1000/420 < 120, i.e. hashprice < 50.4; with
     * hashprice 45 at BTC $90,000 the frontier is at 90,000 × 50.4 / 45 = $100,800.
     */
    @BeforeEach
    void storeWhatThePagesNeed() throws Exception {
        ApiRequests.ensureSite(SITE, """
                {"name": "%s", "interconnectMw": 10,
                 "asicFleets": [{"name": "S21", "units": 4000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500}],
                 "aiOptions": [{"name": "AI", "revenueUsdPerMwh": 120}]}
                """.formatted(SITE));
        // The tiny plan of PlanSweepTest / PlanSweepResourceTest as a stored scenario and site: 10 MW, BTC $50,000 flat at
        // difficulty D*, no fees, energy 20 USD/MWh, r = 0, AI at 120 USD/MWh with no lead time and no capex; below 1.2×
        // the BTC path all 10 MW go to AI, above it 5 MW (hand-solved there).
        ApiRequests.ensureScenario(PLAN_SCENARIO, """
                {"name": "%s", "btc": {"priceUsd": 50000, "startDifficulty": %s, "difficultyGrowthPerMonth": 0, "feesBtcPerBlock": 0},
                 "energy": {"flatPriceUsdPerMwh": 20}, "discountRate": 0}
                """.formatted(PLAN_SCENARIO, Double.toString(PlanTestSupport.D_STAR)));
        ApiRequests.ensureSite(PLAN_SITE, """
                {"name": "%s", "interconnectMw": 10,
                 "asicFleets": [{"name": "S21", "units": 1600, "hashrateThPerUnit": 150, "powerWPerUnit": 3125}],
                 "aiOptions": [{"name": "flat", "revenueUsdPerMwh": 120, "maxItMw": 10, "leadTimeMonths": 0}]}
                """.formatted(PLAN_SITE));
    }

    void openRiskPage() {
        web.go("#/risk");
        page.selectOption("#risk-site", new SelectOption().setLabel(SITE));
    }

    @Test
    void btcPriceSweepShowsThePivotCurveTheApisFrontierAndATornado() throws Exception {
        openRiskPage();
        // the page's defaults: BTC_PRICE_USD from $40,000 to $150,000 in 23 points, tornado ±20%
        assertThat(page.inputValue("#axis0-input")).isEqualTo("BTC_PRICE_USD");
        page.fill("#axis0-from", "40000");
        page.fill("#axis0-to", "150000");
        page.fill("#axis0-points", "23");
        page.check("#tornado-on");
        page.fill("#tornado-delta", "20");
        AtomicReference<String> sent = web.bodySent("POST", "/api/v1/sweeps/runs");
        page.click("#run");
        page.waitForSelector("#results[data-status]");
        assertThat(page.getAttribute("#results", "data-status")).isEqualTo("OPTIMAL");
        JsonNode request = ApiRequests.JSON.readTree(sent.get());
        assertThat(request.at("/axes/0/input").asText()).isEqualTo("BTC_PRICE_USD");
        assertThat(request.at("/tornado/deltaFraction").asDouble()).isEqualTo(0.2);

        // every chart holds data
        page.waitForSelector("#chart-pivot canvas");
        assertThat(web.chartsWithData(".chart", "canvas, svg")).extracting(c -> c.getAttribute("id")).contains("chart-pivot", "chart-npv", "chart-tornado");
        assertThat(Integer.parseInt(page.getAttribute("#chart-pivot", "data-points"))).isEqualTo(2 * 23);

        // the same request through the API: the frontier, the base and the tornado on the page are the API's
        JsonNode api = ApiRequests.post("/api/v1/sweeps", sent.get(), 200);
        JsonNode frontier = api.get("frontier");
        assertThat(frontier.size()).as("one step, at the hand breakeven").isEqualTo(1);
        assertThat(frontier.at("/0/value").asDouble()).isCloseTo(100_800.0, Offset.offset(0.02));
        List<ElementHandle> steps = page.querySelectorAll("#frontier-list li");
        assertThat(steps).hasSize(frontier.size());
        assertThat(page.getAttribute("#chart-pivot", "data-markers")).isEqualTo(String.valueOf(frontier.size()));
        for (int i = 0; i < frontier.size(); i++) {
            double expected = frontier.get(i).get("value").asDouble();
            assertThat(Double.parseDouble(steps.get(i).getAttribute("data-value"))).isCloseTo(expected, Offset.offset(1e-9 * expected));
            String shown = steps.get(i).querySelector("[data-key='frontier.value']").textContent();
            assertThat(Double.parseDouble(shown.replaceAll("[^0-9.]", ""))).as("'" + shown + "'").isCloseTo(expected, Offset.offset(0.5));
            assertThat(steps.get(i).textContent()).contains(frontier.get(i).get("description").asText());
        }
        List<ElementHandle> baseNums = page.querySelectorAll("#risk-base [data-value]");
        assertThat(Double.parseDouble(baseNums.get(2).getAttribute("data-value"))).isEqualTo(api.at("/base/netUsd").asDouble());
        List<ElementHandle> rows = page.querySelectorAll("#tornado-table tbody tr");
        assertThat(rows).hasSize(api.get("tornado").size()).isNotEmpty();
        double firstSwing = Double.parseDouble(rows.get(0).querySelector("td:last-child [data-value]").getAttribute("data-value"));
        assertThat(firstSwing).isEqualTo(api.at("/tornado/0/swingUsd").asDouble());
        for (ElementHandle r : rows) {
            assertThat(Double.parseDouble(r.querySelector("td:last-child [data-value]").getAttribute("data-value"))).isLessThanOrEqualTo(firstSwing);
        }
        assertThat(page.querySelectorAll("#points-table tbody tr")).hasSize(23);

        // CSV of the points, the tornado and the frontier, built in the browser: each table after a line with its name
        Download csv = web.download("#export-csv");
        assertThat(csv.suggestedFilename()).isEqualTo("gridpivot-sweep.csv");
        List<String> lines = Files.readAllLines(csv.path());
        assertThat(lines).hasSize(1 + 24 + 1 + 1 + 1 + api.get("tornado").size() + 1 + 1 + 1 + frontier.size());
        assertThat(lines.get(0)).isEqualTo("Points");
        assertThat(lines.get(1)).startsWith("BTC_PRICE_USD,status,netUsd,totalAiItMw,totalAsicItMw");
        assertThat(lines.get(2)).startsWith("40000,OPTIMAL,");
        int f0 = lines.indexOf("Pivot frontier");
        assertThat(lines.get(f0 + 1)).isEqualTo("input,value,AI IT below (MW),AI IT above (MW),description");
        String[] step0 = lines.get(f0 + 2).split(",", 5);
        assertThat(step0[0]).isEqualTo("BTC_PRICE_USD");
        assertThat(Double.parseDouble(step0[1])).isEqualTo(frontier.at("/0/value").asDouble());

        // XLSX of the points and the tornado, written by POST /api/v1/reports/export.xlsx
        Download xlsx = web.download("#export-xlsx");
        assertThat(xlsx.suggestedFilename()).isEqualTo("gridpivot-sweep.xlsx");
        try (Workbook wb = WebSession.workbook(xlsx)) {
            Sheet points = wb.getSheet("Points");
            assertThat(points.getLastRowNum()).isEqualTo(23);
            assertThat(points.getRow(0).getCell(0).getStringCellValue()).isEqualTo("BTC_PRICE_USD");
            assertThat(points.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(points.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(40000.0);
            assertThat(points.getRow(1).getCell(1).getStringCellValue()).isEqualTo("OPTIMAL");
            Sheet tornado = wb.getSheet("Tornado");
            assertThat(tornado.getLastRowNum()).isEqualTo(api.get("tornado").size());
            assertThat(tornado.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(api.at("/tornado/0/swingUsd").asDouble());
            // the pivot frontier: the steps the page lists, which are the API's
            Sheet steps1 = wb.getSheet("Pivot frontier");
            assertThat(steps1.getLastRowNum()).isEqualTo(frontier.size()).isEqualTo(steps.size());
            for (int i = 0; i < frontier.size(); i++) {
                Row row = steps1.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo("BTC_PRICE_USD");
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(Double.parseDouble(steps.get(i).getAttribute("data-value")))
                        .isEqualTo(frontier.get(i).get("value").asDouble());
                assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(frontier.get(i).get("aiItMwBelow").asDouble());
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(frontier.get(i).get("aiItMwAbove").asDouble());
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(frontier.get(i).get("description").asText());
            }
        }

        web.shots("risk");
    }

    @Test
    void anInvalidAxisShowsTheApisMessageNextToItsFieldAndTabReachesRun() throws Exception {
        openRiskPage();
        page.fill("#axis0-to", "1000");
        AtomicReference<String> sent = web.bodySent("POST", "/api/v1/sweeps/runs");
        page.click("#run");
        JsonNode problem = ApiRequests.post("/api/v1/sweeps", sent.get(), 400);
        String reason = null;
        for (JsonNode e : problem.get("errors")) {
            if ("axes[0].to".equals(e.get("field").asText())) {
                reason = e.get("reason").asText();
            }
        }
        assertThat(reason).isNotNull().contains("must be greater than from");
        assertThat(web.errorUnder("#axis0-to")).isEqualTo(reason);
        assertThat(page.textContent("#form-errors")).contains("To").contains("One input needs attention");
        web.showsNoStackTrace();
        assertThat(page.locator("#results .chart").count()).isZero();
        web.screenshot("risk-errors-1366x768.png", false);

        // keyboard: from the first field, Tab reaches Run; Enter runs the (fixed) sweep, here a 5 × 3 grid
        page.fill("#axis0-to", "150000");
        page.fill("#axis0-points", "5");
        page.check("#axis1-on");
        page.selectOption("#axis1-input", "ENERGY_PRICE_SCALE");
        page.fill("#axis1-points", "3");
        web.tabFromTo("#risk-site", "run", 60);
        page.keyboard().press("Enter");
        page.waitForSelector("#result-status:has-text('Sweep ready')");
        assertThat(page.getAttribute("#axis0-to", "aria-invalid")).isNull();
        // two axes: a heat map of AI MW over the grid, no frontier; the charts draw one line per second-axis value
        assertThat(page.querySelectorAll("#heatmap tbody td")).hasSize(15);
        assertThat(page.querySelectorAll("#frontier-list")).isEmpty();
        assertThat(page.getAttribute("#chart-pivot", "data-series")).isEqualTo("3");
        assertThat(Integer.parseInt(page.getAttribute("#chart-npv", "data-points"))).isEqualTo(15);

        // the heat map as XLSX: a 5 × 3 grid whose cells are the page's AI MW and the API's points
        Download xlsx = web.download("#export-xlsx");
        JsonNode api = ApiRequests.post("/api/v1/sweeps", sent.get(), 200);
        List<ElementHandle> gridRows = page.querySelectorAll("#heatmap tbody tr");
        assertThat(gridRows).hasSize(5);
        try (Workbook wb = WebSession.workbook(xlsx)) {
            assertThat(wb.getSheet("Pivot frontier")).as("no frontier for two inputs").isNull();
            Sheet grid = wb.getSheet("AI MW grid");
            assertThat(grid.getRow(0).getCell(0).getStringCellValue()).isEqualTo("BTC_PRICE_USD \\ ENERGY_PRICE_SCALE");
            assertThat(grid.getRow(0).getLastCellNum()).isEqualTo((short) 4);
            assertThat(grid.getLastRowNum()).isEqualTo(5);
            int matched = 0;
            for (int i = 0; i < 5; i++) {
                Row row = grid.getRow(i + 1);
                List<ElementHandle> cells = gridRows.get(i).querySelectorAll("td [data-value]");
                assertThat(cells).hasSize(3);
                double x = row.getCell(0).getNumericCellValue();
                for (int j = 0; j < 3; j++) {
                    double mw = row.getCell(j + 1).getNumericCellValue();
                    assertThat(mw).isEqualTo(Double.parseDouble(cells.get(j).getAttribute("data-value")));
                    String yHead = grid.getRow(0).getCell(j + 1).getStringCellValue();
                    double y = Double.parseDouble(yHead.substring(yHead.indexOf("= ") + 2));
                    for (JsonNode p : api.get("points")) {
                        if (p.at("/values/BTC_PRICE_USD").asDouble() == x && p.at("/values/ENERGY_PRICE_SCALE").asDouble() == y) {
                            assertThat(mw).as("AI MW at " + x + ", " + y).isEqualTo(p.get("totalAiItMw").asDouble());
                            matched++;
                        }
                    }
                }
            }
            assertThat(matched).isEqualTo(15);
        }
        web.screenshot("risk-grid-1366x768.png", true);
    }

    /** The i-th point's number under the API's field name in the points table (its raw data-value). */
    double shownAt(int row, String key) {
        return Double.parseDouble(page.getAttribute("#points-table tbody tr:nth-child(" + (row + 1) + ") [data-key='" + key + "']", "data-value"));
    }

    @Test
    void aPlanSweepShowsTheApisNpvAndAiMwPerPointAndExportsThem() throws Exception {
        web.go("#/risk");
        page.check("#mode-plan");
        assertThat(page.isVisible("#risk-site")).as("the what-if's site pick is hidden for a plan").isFalse();
        assertThat(page.inputValue("#axis0-input")).isEqualTo("BTC_PRICE_SCALE");
        assertThat(page.locator("#axis0-input option[value='BTC_PRICE_USD']").count()).as("a plan has a BTC path, not a price").isZero();
        page.selectOption("#sweep-plan-scenario", new SelectOption().setLabel(PLAN_SCENARIO));
        page.selectOption("#sweep-plan-site", new SelectOption().setLabel(PLAN_SITE));
        page.fill("#sweep-plan-start", "2026-01");
        page.fill("#sweep-plan-months", "3");

        // an invalid axis: the API's reason sits under the Points field
        page.fill("#axis0-points", "1");
        AtomicReference<String> sent = web.bodySent("POST", "/api/v1/sweeps/runs");
        page.click("#run");
        String shownError = web.errorUnder("#axis0-points");
        JsonNode problem = ApiRequests.post("/api/v1/sweeps", sent.get(), 400);
        String reason = null;
        for (JsonNode e : problem.get("errors")) {
            if ("axes[0].points".equals(e.get("field").asText())) {
                reason = e.get("reason").asText();
            }
        }
        assertThat(reason).isNotNull().contains("at least 2");
        assertThat(shownError).isEqualTo(reason);
        web.showsNoStackTrace();

        // 0.5× to 2.0× the BTC path in 4 points, tornado ±50%
        page.fill("#axis0-from", "0.5");
        page.fill("#axis0-to", "2");
        page.fill("#axis0-points", "4");
        page.check("#tornado-on");
        page.fill("#tornado-delta", "50");
        page.click("#run");
        page.waitForSelector("#results[data-status]");
        assertThat(page.getAttribute("#axis0-points", "aria-invalid")).isNull();
        assertThat(page.getAttribute("#results", "data-status")).isEqualTo("OPTIMAL");
        JsonNode request = ApiRequests.JSON.readTree(sent.get());
        assertThat(request.has("allocation")).isFalse();
        assertThat(request.at("/plan/months").asInt()).isEqualTo(3);
        assertThat(request.at("/plan/startMonth").asText()).isEqualTo("2026-01");
        assertThat(request.at("/plan/asicFleets/0/units").asDouble()).isEqualTo(1600.0);
        assertThat(request.at("/axes/0/input").asText()).isEqualTo("BTC_PRICE_SCALE");
        assertThat(request.at("/tornado/deltaFraction").asDouble()).isEqualTo(0.5);

        // the same body through the API: every point's NPV and end AI MW on the page are the API's
        JsonNode api = ApiRequests.post("/api/v1/sweeps", sent.get(), 200);
        JsonNode points = api.get("points");
        assertThat(points.size()).isEqualTo(4);
        assertThat(page.querySelectorAll("#points-table tbody tr")).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(shownAt(i, "BTC_PRICE_SCALE")).isEqualTo(points.at("/" + i + "/values/BTC_PRICE_SCALE").asDouble());
            assertThat(shownAt(i, "npvUsd")).as("NPV at point " + i).isEqualTo(points.get(i).get("npvUsd").asDouble());
            assertThat(shownAt(i, "aiItMwEnd")).as("AI MW at point " + i).isEqualTo(points.get(i).get("aiItMwEnd").asDouble());
            assertThat(shownAt(i, "asicItMwEnd")).isEqualTo(points.get(i).get("asicItMwEnd").asDouble());
        }
        // … and the hand-solved plan: at 1.5× half the site is on AI, NPV 2,484,000; at 2.0× 3,024,000; at 0.5× all AI
        assertThat(shownAt(0, "aiItMwEnd")).isCloseTo(10.0, Offset.offset(1e-7));
        assertThat(shownAt(2, "npvUsd")).isCloseTo(2_484_000.0, Offset.offset(1e-4));
        assertThat(shownAt(2, "aiItMwEnd")).isCloseTo(5.0, Offset.offset(1e-7));
        assertThat(shownAt(3, "npvUsd")).isCloseTo(3_024_000.0, Offset.offset(1e-4));
        assertThat(Double.parseDouble(page.getAttribute("#risk-base [data-key='base.npvUsd']", "data-value"))).isEqualTo(api.at("/base/npvUsd").asDouble());

        // the frontier: one jump, at the hand breakeven 1.2×, as the API locates it; its note when the API gives one
        JsonNode frontier = api.get("frontier");
        assertThat(frontier.size()).isEqualTo(1);
        assertThat(frontier.at("/0/value").asDouble()).isCloseTo(1.2, Offset.offset(2e-5));
        List<ElementHandle> steps = page.querySelectorAll("#frontier-list li");
        assertThat(steps).hasSize(1);
        assertThat(Double.parseDouble(steps.get(0).getAttribute("data-value"))).isEqualTo(frontier.at("/0/value").asDouble());
        if (api.hasNonNull("frontierNote")) {
            assertThat(page.textContent("#frontier-note")).isEqualTo(api.get("frontierNote").asText());
        } else {
            assertThat(page.querySelectorAll("#frontier-note")).isEmpty();
        }

        // charts: NPV and AI MW against the axis (three MW lines × 4 points), the tornado; the tornado table is the API's
        page.waitForSelector("#chart-pivot canvas");
        assertThat(web.chartsWithData(".chart", "canvas, svg")).extracting(c -> c.getAttribute("id")).contains("chart-pivot", "chart-npv", "chart-tornado");
        assertThat(Integer.parseInt(page.getAttribute("#chart-pivot", "data-points"))).isEqualTo(3 * 4);
        assertThat(Integer.parseInt(page.getAttribute("#chart-npv", "data-points"))).isEqualTo(4);
        List<ElementHandle> bars = page.querySelectorAll("#tornado-table tbody tr");
        assertThat(bars).hasSize(api.get("tornado").size()).isNotEmpty();
        assertThat(Double.parseDouble(bars.get(0).querySelector("td:last-child [data-value]").getAttribute("data-value")))
                .isEqualTo(api.at("/tornado/0/swingUsd").asDouble());

        // XLSX of the points (and the tornado, the frontier) through POST /api/v1/reports/export.xlsx
        Download xlsx = web.download("#export-xlsx");
        assertThat(xlsx.suggestedFilename()).isEqualTo("gridpivot-plan-sweep.xlsx");
        try (Workbook wb = WebSession.workbook(xlsx)) {
            Sheet sheet = wb.getSheet("Points");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            Row head = sheet.getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("BTC_PRICE_SCALE");
            assertThat(head.getCell(1).getStringCellValue()).isEqualTo("status");
            assertThat(head.getCell(2).getStringCellValue()).isEqualTo("npvUsd");
            assertThat(head.getCell(3).getStringCellValue()).isEqualTo("aiItMwEnd");
            for (int i = 0; i < 4; i++) {
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(points.at("/" + i + "/values/BTC_PRICE_SCALE").asDouble());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("OPTIMAL");
                assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(points.get(i).get("npvUsd").asDouble());
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(points.get(i).get("aiItMwEnd").asDouble());
            }
            assertThat(wb.getSheet("Tornado").getLastRowNum()).isEqualTo(api.get("tornado").size());
            assertThat(wb.getSheet("Pivot frontier").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(frontier.at("/0/value").asDouble());
        }

        // keyboard: from the plan's scenario pick, Tab reaches Run
        web.tabFromTo("#sweep-plan-scenario", "run", 40);
        web.shots("risk-plan-sweep");
    }
}
