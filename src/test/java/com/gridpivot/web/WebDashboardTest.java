package com.gridpivot.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.persistence.AllocationRunService;
import com.gridpivot.persistence.SeriesService;
import com.gridpivot.persistence.SolverStats;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in headless Chromium (Debian's /usr/bin/chromium; Playwright never downloads a browser). Each test
 * stores the market data and the site it needs through the services and the API, loads the pages from this test
 * instance, and saves screenshots under target/screenshots at 1366×768 and at phone width (390×844).
 */
@QuarkusTest
class WebDashboardTest {
    static final Path SHOTS = Paths.get("target", "screenshots");
    static final String SITE = "Browser test site";
    static final ObjectMapper JSON = new ObjectMapper();

    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    SeriesService series;

    @Inject
    AllocationRunService runs;

    BrowserContext context;
    Page page;
    final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(SHOTS);
        browser = BrowserSupport.browser();
    }


    @BeforeEach
    void open() {
        WebTestData.store(series);
        ensureSite();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setAcceptDownloads(true));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.onPageError(e -> pageErrors.add(e));
        page.onConsoleMessage(m -> {
            // the browser logs every 4xx answer; the pages show those to the user themselves
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource: the server responded with a status of 4")) {
                pageErrors.add(m.text());
            }
        });
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(pageErrors).as("errors in the browser console").isEmpty();
    }

    static void ensureSite() {
        List<String> names = given().get("/api/v1/sites?size=200").then().statusCode(200).extract().jsonPath().getList("items.name");
        if (names.contains(SITE)) {
            return;
        }
        given().contentType("application/json").body("""
                {"name": "%s", "interconnectMw": 100, "maxAiItMw": 40, "minAiItMw": 0, "capexBudgetUsd": 400000000,
                 "marketNode": "%s",
                 "asicFleets": [
                   {"name": "S21", "model": "Antminer S21", "units": 15000, "pue": 1.05, "poolFeeFraction": 0.02},
                   {"name": "S19 XP", "model": "Antminer S19 XP", "units": 12000, "pue": 1.05, "poolFeeFraction": 0.02}],
                 "aiOptions": [
                   {"name": "H100 cloud", "offering": "H100 cloud", "leaseUsdPerGpuHour": 2.35, "utilization": 0.8, "maxItMw": 30},
                   {"name": "Colocation", "offering": "colocation lease", "colocationUsdPerKwMonth": 140, "tenantPaysPower": true, "pue": 1.3}]}
                """.formatted(SITE, WebTestData.WEST)).post("/api/v1/sites").then().statusCode(201);
    }

    void go(String hash) {
        page.navigate(base.toString() + hash);
        page.waitForSelector(".page[data-ready]");
        assertThat(page.getAttribute(".page", "data-ready")).as("page mounted").isEqualTo("true");
    }

    void shots(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-1366x768.png")).setFullPage(true));
        page.setViewportSize(390, 844);
        page.waitForTimeout(400); // charts follow their box's width
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-390x844.png")).setFullPage(true));
        Object wide = page.evaluate("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
                + " && !(e.parentElement && e.parentElement.closest('.scroll'))).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as(name + " has no horizontal scroll at phone width; scrollWidth " + page.evaluate("document.documentElement.scrollWidth") + ", too wide: " + wide).isTrue();
        page.setViewportSize(1366, 768);
        page.waitForTimeout(300);
    }

    /** Every chart on the page has a uPlot canvas and plots data. */
    void assertChartsHaveData(int atLeast) {
        List<ElementHandle> charts = page.querySelectorAll(".chart");
        assertThat(charts).hasSizeGreaterThanOrEqualTo(atLeast);
        for (ElementHandle c : charts) {
            assertThat(c.querySelector("canvas")).as("canvas in chart " + c.getAttribute("id")).isNotNull();
            assertThat(Integer.parseInt(c.getAttribute("data-points"))).as("points in chart " + c.getAttribute("id")).isPositive();
            assertThat(c.getAttribute("aria-label")).isNotBlank();
        }
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
        go("#/market");
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
        Download xlsx = page.waitForDownload(() -> page.click("#energy-stats-export-xlsx"));
        assertThat(xlsx.suggestedFilename()).isEqualTo("gridpivot-energy-stats-2023.xlsx");
        List<ElementHandle> rows = page.querySelectorAll("#energy-stats tbody tr");
        try (InputStream in = Files.newInputStream(xlsx.path()); Workbook wb = new XSSFWorkbook(in)) {
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
                                .isCloseTo(stats[c], org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(stats[c]))));
                    }
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(2);
        }
        Download csv = page.waitForDownload(() -> page.click("#energy-stats-export-csv"));
        List<String> lines = Files.readAllLines(csv.path());
        assertThat(lines.get(0)).isEqualTo("node,mean (USD/MWh),median (USD/MWh),lowest (USD/MWh),highest (USD/MWh),hours below 0 USD/MWh,hours above 100 USD/MWh");
        assertThat(lines).hasSize(1 + rows.size());

        // the list of stored series: one row per series of GET /api/v1/series
        Download list = page.waitForDownload(() -> page.click("#series-export-xlsx"));
        JsonNode apiSeries = JSON.readTree(given().get("/api/v1/series?size=200").asString()).get("items");
        try (InputStream in = Files.newInputStream(list.path()); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Stored series");
            assertThat(sheet.getLastRowNum()).isEqualTo(apiSeries.size());
            for (int i = 0; i < apiSeries.size(); i++) {
                assertThat(sheet.getRow(i + 1).getCell(0).getNumericCellValue()).isEqualTo(apiSeries.get(i).get("id").asDouble());
                assertThat(sheet.getRow(i + 1).getCell(2).getStringCellValue()).isEqualTo(apiSeries.get(i).get("key").asText());
                assertThat(sheet.getRow(i + 1).getCell(6).getNumericCellValue()).isEqualTo(apiSeries.get(i).get("pointCount").asDouble());
            }
        }
        shots("market");
    }

    /** Mean, median (the middle value of the sorted hours), lowest, highest, hours below 0 and above 100 USD/MWh of a node's year. */
    static double[] hourlyStats(String node, int year) throws Exception {
        JsonNode all = JSON.readTree(given().get("/api/v1/series?size=200").asString()).get("items");
        long id = -1;
        for (JsonNode s : all) {
            if ("ENERGY_PRICE".equals(s.get("kind").asText()) && node.equals(s.get("key").asText())) {
                id = s.get("id").asLong();
            }
        }
        JsonNode points = JSON.readTree(given().get("/api/v1/series/" + id + "/points?from=" + year + "-01-01&to=" + (year + 1) + "-01-01&resolution=hourly")
                .then().statusCode(200).extract().asString()).get("points");
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
        go("#/whatif");
        pickSiteAndStoredPrices();
        AtomicReference<String> sent = new AtomicReference<>();
        page.onRequest(r -> {
            if (r.url().endsWith("/api/v1/allocations") && "POST".equals(r.method())) {
                sent.set(r.postData());
            }
        });
        page.click("#run");
        page.waitForSelector("#results[data-status]");
        assertThat(page.getAttribute("#results", "data-status")).isEqualTo("OPTIMAL");
        assertThat(sent.get()).isNotNull();
        JsonNode request = JSON.readTree(sent.get());
        assertThat(request.at("/market/energyPricesUsdPerMwh").size()).isEqualTo(744);
        assertThat(request.at("/market/hashpriceUsdPerPhDay").size()).isEqualTo(744);

        // The same request through the API: every number on the page is the API's
        String body = given().contentType("application/json").body(sent.get()).post("/api/v1/allocations").then().statusCode(200).extract().asString();
        JsonNode api = JSON.readTree(body);
        double years = api.at("/solver/hours").asDouble() / 8760.0;
        List<ElementHandle> numbers = page.querySelectorAll("#results [data-key]");
        assertThat(numbers).hasSizeGreaterThan(30);
        for (ElementHandle n : numbers) {
            JsonNode path = JSON.readTree(n.getAttribute("data-key"));
            JsonNode v = api;
            for (JsonNode p : path) {
                v = v.get(p.asText());
            }
            assertThat(v).as("API value at " + path).isNotNull();
            double expected = "year".equals(n.getAttribute("data-per")) ? v.asDouble() / years : v.asDouble();
            double shown = Double.parseDouble(n.getAttribute("data-value"));
            assertThat(shown).as("data-value of " + path).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(expected))));
            assertShownText(n.textContent(), expected, path.toString());
        }
        // the plain-words sentences of the brief
        String words = page.textContent(".plain-words");
        assertThat(words).contains("The S19 XP fleet stops paying above $");
        assertThat(words).containsAnyOf("One more MW of interconnect is worth $", "The interconnect is not what limits this site");
        assertThat(page.textContent("#result-status")).contains("Answer ready: net value $");

        page.waitForSelector("#chart-prices canvas");
        assertChartsHaveData(3);
        assertThat(Integer.parseInt(page.getAttribute("#chart-prices", "data-points"))).isGreaterThanOrEqualTo(744);

        // XLSX export of the same request: opens with POI and holds the rows
        Download download = page.waitForDownload(() -> page.click("#export-xlsx"));
        assertThat(download.suggestedFilename()).isEqualTo("gridpivot-what-if.xlsx");
        try (InputStream in = Files.newInputStream(download.path()); Workbook wb = new XSSFWorkbook(in)) {
            Sheet alloc = wb.getSheet("Allocation");
            assertThat(alloc.getLastRowNum()).isEqualTo(2 + 2 + 3); // 2 fleets, 2 options, 2 totals, peak
            assertThat(alloc.getRow(1).getCell(0).getStringCellValue()).isEqualTo("S21");
            assertThat(alloc.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(api.at("/allocation/asicItMw/S21").asDouble());
            Sheet eco = wb.getSheet("Economics");
            assertThat(eco.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(api.at("/economics/netUsd").asDouble());
            assertThat(wb.getSheet("Dispatch").getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheet("Breakeven").getRow(2).getCell(1).getNumericCellValue())
                    .isEqualTo(api.at("/breakeven/S19 XP/energyPriceUsdPerMwh").asDouble());
            assertThat(wb.getSheet("Shadow prices").getLastRowNum()).isEqualTo(4);
            assertThat(wb.getSheet("Hourly dispatch").getLastRowNum()).isEqualTo(744);
        }
        Download csv = page.waitForDownload(() -> page.click("#export-csv"));
        assertThat(Files.readString(csv.path())).contains("Economics\r\nitem,over the horizon (USD),per year (USD)\r\nnet value,");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        page.pdf(new Page.PdfOptions().setPath(SHOTS.resolve("whatif-print-summary.pdf")).setFormat("A4").setPrintBackground(true));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
        shots("whatif");
    }

    /** The text shows the number: "$1,234", "−$12.50/MWh", "72.02 MW", "75.0%", "6 hours". */
    static void assertShownText(String text, double expected, String what) {
        String t = text.replace('−', '-');
        boolean percent = t.contains("%");
        String digits = t.replaceAll("[^0-9.\\-]", "");
        assertThat(digits).as("a number in '" + text + "' for " + what).isNotEmpty();
        double shown = Double.parseDouble(digits);
        int dot = digits.indexOf('.');
        int decimals = dot < 0 ? 0 : digits.length() - dot - 1;
        double value = percent ? expected * 100 : expected;
        assertThat(shown).as("'" + text + "' shows " + what).isCloseTo(value, org.assertj.core.data.Offset.offset(0.5 * Math.pow(10, -decimals) + 1e-9));
        assertThat(text).as("'" + text + "' has thousands separators").matches(s -> Math.abs(value) < 1000 || s.contains(","));
    }

    @Test
    void anInvalidInputShowsTheApisErrorNextToItsField() {
        go("#/whatif");
        pickSiteAndStoredPrices();
        page.fill("#site-interconnect", "-5");
        page.fill("[data-field='asicFleets[1].units']", "-3");
        page.click("#run");
        page.waitForSelector("#site-interconnect[aria-invalid='true']");
        Locator error = page.locator("#site-interconnect ~ .field-error");
        assertThat(error.textContent()).contains("must not be negative").contains("-5");
        assertThat(page.locator("[data-field='asicFleets[1].units'] ~ .field-error").textContent()).isNotBlank();
        // the message sits right under its input
        var input = page.locator("#site-interconnect").boundingBox();
        var msg = error.boundingBox();
        assertThat(msg.y - (input.y + input.height)).isBetween(0.0, 20.0);
        assertThat(page.textContent("#form-errors")).contains("Interconnect (MW of site power)").contains("need attention");
        assertThat(page.textContent("body")).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(page.locator("#results [data-key]").count()).isZero();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("whatif-errors-1366x768.png")));
    }

    @Test
    void keyboardReachesRunAndEnterSubmits() {
        go("#/whatif");
        pickSiteAndStoredPrices();
        page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        page.focus("#site-name");
        String focused = "";
        for (int i = 0; i < 200 && !"run".equals(focused); i++) {
            page.keyboard().press("Tab");
            focused = (String) page.evaluate("document.activeElement.id");
        }
        assertThat(focused).as("Tab reaches the Run button").isEqualTo("run");
        // the focus ring is visible
        assertThat((String) page.evaluate("getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");
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
        go("#/whatif");
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
        go("#/runs");
        page.waitForSelector("#runs-table");
        assertThat(page.textContent("#runs-table")).contains("Run " + a).contains("Run " + b);
        // the history as XLSX: every recorded run (all pages), each net value the API's
        Download history = page.waitForDownload(() -> page.click("#runs-export-xlsx"));
        long total = JSON.readTree(given().get("/api/v1/allocation-runs?size=1").asString()).get("totalItems").asLong();
        try (InputStream in = Files.newInputStream(history.path()); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("Runs");
            assertThat(sheet.getLastRowNum()).isEqualTo((int) total);
            int found = 0;
            for (var row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                long id = (long) row.getCell(0).getNumericCellValue();
                if (id == a || id == b) {
                    double net = JSON.readTree(given().get("/api/v1/allocation-runs/" + id).asString()).at("/result/economics/netUsd").asDouble();
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(net);
                    assertThat(Double.parseDouble(page.getAttribute("#open-" + id + " >> xpath=ancestor::tr//td[@class='n'][1]//span", "data-value")))
                            .isEqualTo(net);
                    found++;
                }
            }
            assertThat(found).isEqualTo(2);
        }
        shots("runs");

        page.click("#open-" + a);
        page.waitForSelector("#run-title");
        page.waitForSelector("#run-detail .chart canvas");
        assertChartsHaveData(3);
        assertThat(page.textContent("#run-detail")).contains("interconnect 100.00 MW");
        page.click("#rerun");
        page.waitForSelector("#rerun-result .compare-table");
        assertThat(page.textContent("#rerun-result .compare-table")).contains("Net value over the horizon");
        Download x = page.waitForDownload(() -> page.click("#run-export-xlsx"));
        try (InputStream in = Files.newInputStream(x.path()); Workbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Economics").getRow(1).getCell(1).getNumericCellValue())
                    .isEqualTo(JSON.readTree(given().get("/api/v1/allocation-runs/" + a).asString()).at("/result/economics/netUsd").asDouble());
        }
        shots("runs-detail");

        go("#/runs");
        page.check("#pick-" + a);
        page.check("#pick-" + b);
        page.click("#compare-runs");
        page.waitForSelector("#compare-title");
        page.waitForSelector(".compare-chart canvas");
        assertChartsHaveData(1);
        String table = page.textContent(".compare-table");
        assertThat(table).contains("Run " + a).contains("Run " + b).contains("Peak site power");
        // the comparison as XLSX: the page's numbers, which are the two runs' answers
        Download cmp = page.waitForDownload(() -> page.click("#runs-compare-xlsx"));
        // the list shows the newest run first, and the first ticked in the list is the comparison's first column
        assertThat(page.textContent("#compare-title")).isEqualTo("Run " + b + " against run " + a);
        JsonNode ra = JSON.readTree(given().get("/api/v1/allocation-runs/" + b).asString()).get("result");
        JsonNode rb = JSON.readTree(given().get("/api/v1/allocation-runs/" + a).asString()).get("result");
        List<ElementHandle> shownRows = page.querySelectorAll(".compare-table tbody tr");
        try (InputStream in = Files.newInputStream(cmp.path()); Workbook wb = new XSSFWorkbook(in)) {
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
        shots("runs-compare");

        page.click("#open-" + a);
        page.waitForSelector("#edit-run");
        page.click("#edit-run");
        page.waitForSelector("#result-status:has-text('Loaded the inputs of run " + a + "')");
        assertThat(page.inputValue("#site-interconnect")).isEqualTo("100");
        page.click("#run");
        page.waitForSelector("#results[data-status='OPTIMAL']");
    }

    /** Records a run as POST /allocations will once runs are recorded there: the request as sent, the answer. */
    long record(String requestJson) throws Exception {
        String result = given().contentType("application/json").body(requestJson).post("/api/v1/allocations").then().statusCode(200).extract().asString();
        JsonNode r = JSON.readTree(result);
        return runs.record("browser-test", requestJson, result, r.get("status").asText(), r.at("/economics/netUsd").asDouble(),
                new SolverStats(r.at("/solver/name").asText(), (long) r.at("/solver/wallMs").asDouble(), r.at("/solver/variables").asInt(),
                        r.at("/solver/constraints").asInt()));
    }
}
