package com.gridpivot.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.persistence.AllocationRunService;
import com.gridpivot.persistence.SeriesService;
import com.gridpivot.persistence.SolverStats;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in headless Chromium (Debian's /usr/bin/chromium; Playwright never downloads a browser). Each test
 * stores the market data and the site it needs through the services and the API, loads the pages from this test
 * instance, and saves screenshots under target/screenshots at 1366×768 and at phone width (390×844).
 */
@QuarkusTest
class WebDashboardTest extends WebPageTest {
    static final String SITE = "Browser test site";

    @Inject
    SeriesService series;

    @Inject
    AllocationRunService runs;

    WebDashboardTest() {
        super(30_000);
    }

    @BeforeEach
    void storeWhatThePagesNeed() throws Exception {
        WebTestData.store(series);
        ApiRequests.ensureSite(SITE, """
                {"name": "%s", "interconnectMw": 100, "maxAiItMw": 40, "minAiItMw": 0, "capexBudgetUsd": 400000000,
                 "marketNode": "%s",
                 "asicFleets": [
                   {"name": "S21", "model": "Antminer S21", "units": 15000, "pue": 1.05, "poolFeeFraction": 0.02},
                   {"name": "S19 XP", "model": "Antminer S19 XP", "units": 12000, "pue": 1.05, "poolFeeFraction": 0.02}],
                 "aiOptions": [
                   {"name": "H100 cloud", "offering": "H100 cloud", "leaseUsdPerGpuHour": 2.35, "utilization": 0.8, "maxItMw": 30},
                   {"name": "Colocation", "offering": "colocation lease", "colocationUsdPerKwMonth": 140, "tenantPaysPower": true, "pue": 1.3}]}
                """.formatted(SITE, WebTestData.WEST));
    }

    /** Every chart on the page has a uPlot canvas and plots data. */
    void assertChartsHaveData(int atLeast) {
        assertThat(web.chartsWithData(".chart", "canvas")).hasSizeGreaterThanOrEqualTo(atLeast);
    }

    void pickSiteAndStoredPrices() {
        page.selectOption("#site-pick", new com.microsoft.playwright.options.SelectOption().setLabel(SITE));
        page.click("#load-site");
        page.waitForSelector("#site-status:has-text('Loaded site')");
        page.check("input[name='price-source'][value='series']");
        page.selectOption("#price-node", new com.microsoft.playwright.options.SelectOption().setLabel(WebTestData.WEST + " (USD/MWh)"));
        page.selectOption("#price-year", "2023");
        page.check("input[name='hash-source'][value='series']");
        page.selectOption("#hashprice-series", new com.microsoft.playwright.options.SelectOption().setLabel(WebTestData.HASHPRICE_KEY + " (USD/PH/day, daily)"));
    }

    @Test
    void marketPageDrawsPricesDurationCurveHashpriceAndRatesAndExportsItsTables() throws Exception {
        web.go("#/market");
        page.waitForSelector("#chart-energy-duration canvas");
        assertChartsHaveData(5);
        // both test nodes, 744 hours each in January 2023
        assertThat(Integer.parseInt(page.getAttribute("#chart-energy-history", "data-series"))).isGreaterThanOrEqualTo(2);
        // other tests may store later years (the page opens on the latest); the test data is January 2023
        page.selectOption("#market-year", "2023");
        page.waitForSelector("#energy .hint:has-text('HB_WEST_TEST: 744 hours')");
        assertThat(page.textContent("#energy-stats")).contains(WebTestData.WEST).contains(WebTestData.NORTH);
        assertChartsHaveData(5);

        // The statistics table as XLSX (POST /api/v1/reports/export.xlsx): its rows are the page's numbers, and those are
        // the statistics of the API's hourly points, computed here again
        Download xlsx = web.download("#energy-stats-export-xlsx");
        assertThat(xlsx.suggestedFilename()).isEqualTo("gridpivot-energy-stats-2023.xlsx");
        List<ElementHandle> rows = page.querySelectorAll("#energy-stats tbody tr");
        try (Workbook wb = WebSession.workbook(xlsx)) {
            Sheet sheet = wb.getSheet("Energy prices 2023");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("mean (USD/MWh)");
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            int checked = 0;
            for (int i = 0; i < rows.size(); i++) {
                var row = sheet.getRow(i + 1);
                String node = row.getCell(0).getStringCellValue();
                assertThat(rows.get(i).querySelector("th").textContent()).isEqualTo(node);
                List<ElementHandle> shown = rows.get(i).querySelectorAll("td [data-value]");
                assertThat(shown).hasSize(6);
                for (int c = 0; c < 6; c++) {
                    assertThat(row.getCell(c + 1).getNumericCellValue()).as(node + " column " + (c + 1))
                            .isEqualTo(Double.parseDouble(shown.get(c).getAttribute("data-value")));
                }
                if (node.equals(WebTestData.WEST) || node.equals(WebTestData.NORTH)) {
                    double[] stats = hourlyStats(node, 2023);
                    for (int c = 0; c < 6; c++) {
                        assertThat(row.getCell(c + 1).getNumericCellValue()).as(node + " column " + (c + 1) + " against the API's points")
                                .isCloseTo(stats[c], WebSession.relative(stats[c], 1e-9));
                    }
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(2);
        }
        Download csv = web.download("#energy-stats-export-csv");
        List<String> lines = Files.readAllLines(csv.path());
        assertThat(lines.get(0)).isEqualTo("node,mean (USD/MWh),median (USD/MWh),lowest (USD/MWh),highest (USD/MWh),hours below 0 USD/MWh,hours above 100 USD/MWh");
        assertThat(lines).hasSize(1 + rows.size());

        // the list of stored series: one row per series of GET /api/v1/series
        Download list = web.download("#series-export-xlsx");
        JsonNode apiSeries = ApiRequests.get("/api/v1/series?size=200").get("items");
        try (Workbook wb = WebSession.workbook(list)) {
            Sheet sheet = wb.getSheet("Stored series");
            assertThat(sheet.getLastRowNum()).isEqualTo(apiSeries.size());
            for (int i = 0; i < apiSeries.size(); i++) {
                assertThat(sheet.getRow(i + 1).getCell(0).getNumericCellValue()).isEqualTo(apiSeries.get(i).get("id").asDouble());
                assertThat(sheet.getRow(i + 1).getCell(2).getStringCellValue()).isEqualTo(apiSeries.get(i).get("key").asText());
                assertThat(sheet.getRow(i + 1).getCell(6).getNumericCellValue()).isEqualTo(apiSeries.get(i).get("pointCount").asDouble());
            }
        }
        web.shots("market");
    }

    /** Mean, median (the middle value of the sorted hours), lowest, highest, hours below 0 and above 100 USD/MWh of a node's year. */
    static double[] hourlyStats(String node, int year) throws Exception {
        JsonNode all = ApiRequests.get("/api/v1/series?size=200").get("items");
        long id = -1;
        for (JsonNode s : all) {
            if ("ENERGY_PRICE".equals(s.get("kind").asText()) && node.equals(s.get("key").asText())) {
                id = s.get("id").asLong();
            }
        }
        JsonNode points = ApiRequests.get("/api/v1/series/" + id + "/points?from=" + year + "-01-01&to=" + (year + 1) + "-01-01&resolution=hourly")
                .get("points");
        double[] v = new double[points.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = points.get(i).get("value").asDouble();
        }
        java.util.Arrays.sort(v);
        double sum = 0;
        int below = 0, above = 0;
        for (double x : v) {
            sum += x;
            below += x < 0 ? 1 : 0;
            above += x > 100 ? 1 : 0;
        }
        return new double[] {sum / v.length, v[Math.round(0.5f * (v.length - 1))], v[0], v[v.length - 1], below, above};
    }

    @Test
    void whatIfShowsTheApisNumbersChartsAndExportsAnXlsx() throws Exception {
        web.go("#/whatif");
        pickSiteAndStoredPrices();
        AtomicReference<String> sent = web.bodySent("POST", "/api/v1/allocations");
        page.click("#run");
        page.waitForSelector("#results[data-status]");
        assertThat(page.getAttribute("#results", "data-status")).isEqualTo("OPTIMAL");
        assertThat(sent.get()).isNotNull();
        JsonNode request = ApiRequests.JSON.readTree(sent.get());
        assertThat(request.at("/market/energyPricesUsdPerMwh").size()).isEqualTo(744);
        assertThat(request.at("/market/hashpriceUsdPerPhDay").size()).isEqualTo(744);

        // The same request through the API: every number on the page is the API's
        JsonNode api = ApiRequests.post("/api/v1/allocations", sent.get(), 200);
        double years = api.at("/solver/hours").asDouble() / 8760.0;
        List<ElementHandle> numbers = page.querySelectorAll("#results [data-key]");
        assertThat(numbers).hasSizeGreaterThan(30);
        for (ElementHandle n : numbers) {
            JsonNode path = ApiRequests.JSON.readTree(n.getAttribute("data-key"));
            JsonNode v = WebSession.at(api, path);
            assertThat(v).as("API value at " + path).isNotNull();
            double expected = "year".equals(n.getAttribute("data-per")) ? v.asDouble() / years : v.asDouble();
            double shown = Double.parseDouble(n.getAttribute("data-value"));
            assertThat(shown).as("data-value of " + path).isCloseTo(expected, WebSession.relative(expected, 1e-9));
            WebSession.assertShownText(n.textContent(), expected, path.toString());
        }
        // the plain-words sentences of the brief
        String words = page.textContent(".plain-words");
        assertThat(words).contains("The S19 XP fleet stops paying above $");
        assertThat(words).containsAnyOf("One more MW of interconnect is worth $", "The interconnect is not what limits this site");
        assertThat(page.textContent("#result-status")).contains("Answer ready: net value $");
        // installed, run-at-most and idle MW of each fleet, and why, in words and in the tables
        assertThat(words).contains("S19 XP fleet: ").containsPattern("S19 XP fleet: (all [0-9.,]+ MW installed run|[0-9.,]+ MW installed, at most)");
        assertThat(page.textContent("[data-table='allocation'] thead")).contains("IT load (runs at most)").contains("Installed").contains("Idle");
        assertThat(page.textContent("[data-table='dispatch'] thead")).contains("Installed").contains("Runs at most").contains("Idle")
                .contains("Why idle").contains("Paying hours");
        assertThat(page.querySelectorAll("[data-table='dispatch'] [data-key='[\"dispatch\",\"S19 XP\",\"idleMw\"]']")).hasSize(1);
        assertThat(com.gridpivot.testdata.Sentences.repeatedWords(words)).isEmpty();

        page.waitForSelector("#chart-prices canvas");
        assertChartsHaveData(3);
        assertThat(Integer.parseInt(page.getAttribute("#chart-prices", "data-points"))).isGreaterThanOrEqualTo(744);

        // XLSX export of the same request: opens with POI and holds the rows
        Download download = web.download("#export-xlsx");
        assertThat(download.suggestedFilename()).isEqualTo("gridpivot-what-if.xlsx");
        try (Workbook wb = WebSession.workbook(download)) {
            Sheet alloc = wb.getSheet("Allocation");
            assertThat(alloc.getLastRowNum()).isEqualTo(2 + 2 + 3); // 2 fleets, 2 options, 2 totals, peak
            assertThat(alloc.getRow(1).getCell(0).getStringCellValue()).isEqualTo("S21");
            assertThat(alloc.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(api.at("/allocation/asicItMw/S21").asDouble());
            Sheet eco = wb.getSheet("Economics");
            assertThat(eco.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(api.at("/economics/netUsd").asDouble());
            assertThat(wb.getSheet("Dispatch").getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheet("Dispatch").getRow(0).getCell(2).getStringCellValue()).isEqualTo("runs at most (MW)");
            assertThat(wb.getSheet("Dispatch").getRow(2).getCell(3).getNumericCellValue()).isEqualTo(api.at("/dispatch/S19 XP/idleMw").asDouble());
            assertThat(wb.getSheet("Breakeven").getRow(2).getCell(1).getNumericCellValue())
                    .isEqualTo(api.at("/breakeven/S19 XP/energyPriceUsdPerMwh").asDouble());
            assertThat(wb.getSheet("Shadow prices").getLastRowNum()).isEqualTo(4);
            assertThat(wb.getSheet("Hourly dispatch").getLastRowNum()).isEqualTo(744);
        }
        Download csv = web.download("#export-csv");
        assertThat(Files.readString(csv.path())).contains("Economics\r\nitem,over the horizon (USD),per year (USD)\r\nnet value,");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        page.pdf(new Page.PdfOptions().setPath(WebSession.SHOTS.resolve("whatif-print-summary.pdf")).setFormat("A4").setPrintBackground(true));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
        web.shots("whatif");
    }

    /**
     * The page's sentences for fleets whose names end in "fleet" (as the demo site's do): no word twice in a row
     * ("The S21 fleet fleet stops paying" before), and each fleet's installed, run-at-most and idle MW in words.
     * Interconnect 9 MW, AI 3 MW (maxAiItMw; 200 USD/MWh beats every fleet) → 6 MW left: S21 fleet 3.5 MW (margins 80, 60),
     * S19 XP fleet 2.5 of its 3 MW (margins 38.33, 18.33); old fleet earns 17.5 USD/MWh, below every price: never pays.
     */
    @Test
    void whatIfSentencesNeverRepeatAWord() throws Exception {
        web.go("#/whatif");
        JsonNode api = ApiRequests.post("/api/v1/allocations", """
                {"site": {"name": "names", "interconnectMw": 9, "maxAiItMw": 3},
                 "asicFleets": [{"name": "S21 fleet", "units": 1000, "hashrateThPerUnit": 200, "powerWPerUnit": 3500},
                                {"name": "S19 XP fleet", "units": 1000, "hashrateThPerUnit": 100, "powerWPerUnit": 3000},
                                {"name": "old fleet", "units": 1000, "hashrateThPerUnit": 30, "powerWPerUnit": 3000}],
                 "aiOptions": [{"name": "AI option", "revenueUsdPerMwh": 200}],
                 "market": {"energyPricesUsdPerMwh": [20, 40, 150], "hashpriceUsdPerPhDay": 42}}""", 200);
        String text = (String) page.evaluate("""
                async json => {
                  const m = await import('/js/lib/result-view.js');
                  const view = m.resultView(JSON.parse(json), {});
                  return [...view.querySelectorAll('.plain-words li, .binding li, .warnings li')].map(li => li.textContent).join(' | ');
                }""", api.toString());
        assertThat(text).contains("The S21 fleet stops paying above $").contains("The S19 XP fleet stops paying above $")
                .contains("S19 XP fleet: 3.00 MW installed, at most 2.50 MW run; 0.50 MW stay idle because the interconnect is full")
                .contains("old fleet: 3.00 MW installed, at most 0.00 MW run; 3.00 MW stay idle because the fleet never pays");
        assertThat(com.gridpivot.testdata.Sentences.repeatedWords(text)).isEmpty();
    }

    @Test
    void anInvalidInputShowsTheApisErrorNextToItsField() {
        web.go("#/whatif");
        pickSiteAndStoredPrices();
        page.fill("#site-interconnect", "-5");
        page.fill("[data-field='asicFleets[1].units']", "-3");
        page.click("#run");
        // the message sits right under its input
        assertThat(web.errorUnder("#site-interconnect")).contains("must not be negative").contains("-5");
        assertThat(page.locator("[data-field='asicFleets[1].units'] ~ .field-error").textContent()).isNotBlank();
        assertThat(page.textContent("#form-errors")).contains("Interconnect (MW of site power)").contains("need attention");
        web.showsNoStackTrace();
        assertThat(page.locator("#results [data-key]").count()).isZero();
        web.screenshot("whatif-errors-1366x768.png", false);
    }

    @Test
    void keyboardReachesRunAndEnterSubmits() {
        web.go("#/whatif");
        pickSiteAndStoredPrices();
        // Tab reaches the Run button, its focus ring visible
        web.tabFromTo("#site-name", "run", 200);
        page.keyboard().press("Enter");
        page.waitForSelector("#results[data-status='OPTIMAL']");
        // Enter in a number field submits too
        page.focus("#site-interconnect");
        page.fill("#site-interconnect", "80");
        page.keyboard().press("Enter");
        page.waitForSelector("#result-status:has-text('Answer ready')");
        assertThat(page.textContent("#results")).contains("80.00 MW");
    }

    @Test
    void aLongRunShowsProgressAndCanBeCancelled() {
        web.go("#/whatif");
        pickSiteAndStoredPrices();
        page.route("**/api/v1/allocations", route -> {
            // never answered: the solve "takes forever"
        });
        page.click("#run");
        page.waitForSelector("#cancel-run:visible");
        assertThat(page.isVisible("#run-progress")).isTrue();
        page.waitForSelector(".progress-text:has-text('Solving the allocation LP for 744 hours')");
        page.click("#cancel-run");
        page.waitForSelector("#result-status:has-text('Cancelled')");
        assertThat(page.isVisible("#cancel-run")).isFalse();
    }

    @Test
    void runsPageListsOpensRerunsAndComparesRuns() throws Exception {
        String reqA = ApiRequests.twoDays(100);
        String reqB = ApiRequests.twoDays(60);
        long a = record(reqA);
        long b = record(reqB);
        web.go("#/runs");
        page.waitForSelector("#runs-table");
        assertThat(page.textContent("#runs-table")).contains("Run " + a).contains("Run " + b);
        // the history as XLSX: every recorded run (all pages), each net value the API's
        Download history = web.download("#runs-export-xlsx");
        long total = ApiRequests.get("/api/v1/allocation-runs?size=1").get("totalItems").asLong();
        try (Workbook wb = WebSession.workbook(history)) {
            Sheet sheet = wb.getSheet("Runs");
            assertThat(sheet.getLastRowNum()).isEqualTo((int) total);
            int found = 0;
            for (var row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                long id = (long) row.getCell(0).getNumericCellValue();
                if (id == a || id == b) {
                    double net = ApiRequests.get("/api/v1/allocation-runs/" + id).at("/result/economics/netUsd").asDouble();
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(net);
                    assertThat(Double.parseDouble(page.getAttribute("#open-" + id + " >> xpath=ancestor::tr//td[@class='n'][1]//span", "data-value")))
                            .isEqualTo(net);
                    found++;
                }
            }
            assertThat(found).isEqualTo(2);
        }
        web.shots("runs");

        page.click("#open-" + a);
        page.waitForSelector("#run-title");
        page.waitForSelector("#run-detail .chart canvas");
        assertChartsHaveData(3);
        assertThat(page.textContent("#run-detail")).contains("interconnect 100.00 MW");
        page.click("#rerun");
        page.waitForSelector("#rerun-result .compare-table");
        assertThat(page.textContent("#rerun-result .compare-table")).contains("Net value over the horizon");
        Download x = web.download("#run-export-xlsx");
        try (Workbook wb = WebSession.workbook(x)) {
            assertThat(wb.getSheet("Economics").getRow(1).getCell(1).getNumericCellValue())
                    .isEqualTo(ApiRequests.get("/api/v1/allocation-runs/" + a).at("/result/economics/netUsd").asDouble());
        }
        web.shots("runs-detail");

        web.go("#/runs");
        page.check("#pick-" + a);
        page.check("#pick-" + b);
        page.click("#compare-runs");
        page.waitForSelector("#compare-title");
        page.waitForSelector(".compare-chart canvas");
        assertChartsHaveData(1);
        String table = page.textContent(".compare-table");
        assertThat(table).contains("Run " + a).contains("Run " + b).contains("Peak site power");
        // the comparison as XLSX: the page's numbers, which are the two runs' answers
        Download cmp = web.download("#runs-compare-xlsx");
        // the list shows the newest run first, and the first ticked in the list is the comparison's first column
        assertThat(page.textContent("#compare-title")).isEqualTo("Run " + b + " against run " + a);
        JsonNode ra = ApiRequests.get("/api/v1/allocation-runs/" + b).get("result");
        JsonNode rb = ApiRequests.get("/api/v1/allocation-runs/" + a).get("result");
        List<ElementHandle> shownRows = page.querySelectorAll(".compare-table tbody tr");
        try (Workbook wb = WebSession.workbook(cmp)) {
            Sheet sheet = wb.getSheet("Comparison");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Run " + b);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Run " + a);
            assertThat(sheet.getLastRowNum()).isEqualTo(shownRows.size());
            for (int i = 0; i < shownRows.size(); i++) {
                var row = sheet.getRow(i + 1);
                List<ElementHandle> shown = shownRows.get(i).querySelectorAll("td [data-value]");
                assertThat(shown).hasSize(3);
                for (int c = 0; c < 3; c++) {
                    assertThat(row.getCell(c + 2).getNumericCellValue()).as(row.getCell(0).getStringCellValue())
                            .isEqualTo(Double.parseDouble(shown.get(c).getAttribute("data-value")));
                }
            }
            var net = sheet.getRow(1);
            assertThat(net.getCell(0).getStringCellValue()).isEqualTo("Net value over the horizon");
            assertThat(net.getCell(1).getStringCellValue()).isEqualTo("USD");
            assertThat(net.getCell(2).getNumericCellValue()).isEqualTo(ra.at("/economics/netUsd").asDouble());
            assertThat(net.getCell(3).getNumericCellValue()).isEqualTo(rb.at("/economics/netUsd").asDouble());
            assertThat(net.getCell(4).getNumericCellValue()).isEqualTo(rb.at("/economics/netUsd").asDouble() - ra.at("/economics/netUsd").asDouble());
            var peak = sheet.getRow(10);
            assertThat(peak.getCell(0).getStringCellValue()).isEqualTo("Peak site power");
            assertThat(peak.getCell(3).getNumericCellValue()).isEqualTo(rb.at("/allocation/peakFacilityMw").asDouble());
        }
        web.shots("runs-compare");

        page.click("#open-" + a);
        page.waitForSelector("#edit-run");
        page.click("#edit-run");
        page.waitForSelector("#result-status:has-text('Loaded the inputs of run " + a + "')");
        assertThat(page.inputValue("#site-interconnect")).isEqualTo("100");
        page.click("#run");
        page.waitForSelector("#results[data-status='OPTIMAL']");
    }

    @Test
    void runsCarryTheirSiteAndLabelAndAStoredSiteRunShowsItsInputs() throws Exception {
        String token = java.util.UUID.randomUUID().toString().substring(0, 8);
        String label = "Board review " + token;
        long siteId = given().get("/api/v1/sites?size=200").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.name == '" + SITE + "' }.id");
        // a what-if on the stored site (the request names only its id) and an inline one, both labelled
        long stored = ApiRequests.post("/api/v1/allocations", """
                {"siteId": %d, "label": "%s", "market": {"energyPriceUsdPerMwh": 30, "hours": 24, "hashpriceUsdPerPhDay": 45}}"""
                .formatted(siteId, label), 200).get("runId").asLong();
        long inline = ApiRequests.post("/api/v1/allocations",
                ApiRequests.twoDays(80).replaceFirst("\\{", "{\"label\": \"" + label + " inline\", "), 200).get("runId").asLong();
        // a plan run with the label (PlanSweepResourceTest's tiny plan, on the site "tiny")
        String planLocation = given().contentType("application/json")
                .body(com.gridpivot.api.PlanSweepResourceTest.PLAN.replaceFirst("\\{", "{\"label\": \"" + label + " plan\", "))
                .post("/api/v1/plans/runs").then().statusCode(202).extract().header("Location");
        com.gridpivot.jobs.JobPolling.poll(planLocation);

        web.go("#/runs?label=" + token);
        page.waitForSelector("#open-" + stored);
        String storedRow = page.textContent("#open-" + stored + " >> xpath=ancestor::tr");
        assertThat(storedRow).contains(SITE).contains("(stored)").contains(label);
        assertThat(page.textContent("#open-" + inline + " >> xpath=ancestor::tr")).contains(label + " inline");
        // the durable runs, filtered by the label in the page's address: the plan run with its site and label
        page.waitForSelector("#jobs-table");
        assertThat(page.inputValue("#jobs-label")).isEqualTo(token);
        assertThat(page.querySelectorAll("#jobs-table tbody tr")).hasSize(1);
        assertThat(page.textContent("#jobs-table tbody")).contains("Plan").contains("tiny").contains(label + " plan").contains("OPTIMAL");
        page.fill("#jobs-label", "no run has this label " + token);
        page.click("#jobs-filter button[type=submit]");
        page.waitForSelector("#jobs-out:has-text('No plan, sweep or risk run matches the filter.')");
        assertThat(page.textContent("#jobs-out").trim()).isEqualTo("No plan, sweep or risk run matches the filter.");
        web.shots("runs-labels");

        // the comparison names both runs by site and label and shows the stored-site run's fleets and options
        page.check("#pick-" + stored);
        page.check("#pick-" + inline);
        page.click("#compare-runs");
        page.waitForSelector("#compare-title");
        String storedInputs = page.textContent("#compare-inputs-a");
        assertThat(storedInputs).contains("Run " + inline).contains(label + " inline");
        String inputsB = page.textContent("#compare-inputs-b");
        assertThat(inputsB).contains("Run " + stored + " · " + SITE + " · “" + label + "”")
                .contains("ASIC fleets: S21 (Antminer S21, 15,000 units); S19 XP (Antminer S19 XP, 12,000 units)")
                .contains("AI options: H100 cloud (H100 cloud); Colocation (colocation lease)")
                .doesNotContain("ASIC fleets: none");
        // the MW-by-use chart's category labels: in full on a desktop, each cut to its slot at phone width (none overlaps)
        assertThat(page.getAttribute(".compare-chart", "data-x-labels")).contains("\"Colocation\"").contains("\"H100 cloud\"");
        web.shots("runs-compare-labels", () -> {
            page.waitForFunction("JSON.parse(document.querySelector('.compare-chart').dataset.xLabels).some(t => t.endsWith('…'))");
            // every label drawn, measured in the axis font, fits its slot
            Object widest = page.evaluate("() => { const c = document.querySelector('.compare-chart'); const x = document.createElement('canvas').getContext('2d');"
                    + " x.font = '12px system-ui, sans-serif'; return Math.max(...JSON.parse(c.dataset.xLabels).map(t => x.measureText(t).width)) - Number(c.dataset.xSlot); }");
            assertThat(((Number) widest).doubleValue()).as("widest label less its slot (px)").isLessThanOrEqualTo(1.0);
        });

        // "Edit in What-if" of the stored-site run fills the form with the fleets it was solved with, and its label
        page.click("#open-" + stored);
        page.waitForSelector("#edit-run");
        page.click("#edit-run");
        page.waitForSelector("#result-status:has-text('Loaded the inputs of run " + stored + "')");
        assertThat(page.inputValue("#site-interconnect")).isEqualTo("100");
        assertThat(page.inputValue("#run-label")).isEqualTo(label);
        assertThat(page.inputValue("[data-field='asicFleets[1].name']")).isEqualTo("S19 XP");
    }

    /** Records a run as POST /allocations will once runs are recorded there: the request as sent, the answer. */
    long record(String requestJson) throws Exception {
        // the answer stored as the API wrote it
        String result = given().contentType("application/json").body(requestJson).post("/api/v1/allocations").then().statusCode(200).extract().asString();
        JsonNode r = ApiRequests.JSON.readTree(result);
        return runs.record("browser-test", requestJson, result, r.get("status").asText(), r.at("/economics/netUsd").asDouble(),
                new SolverStats(r.at("/solver/name").asText(), (long) r.at("/solver/wallMs").asDouble(), r.at("/solver/variables").asInt(),
                        r.at("/solver/constraints").asInt()));
    }
}
