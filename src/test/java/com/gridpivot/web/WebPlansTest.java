package com.gridpivot.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.junit.QuarkusTest;
import com.microsoft.playwright.options.Media;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Plans page in headless Chromium (Debian's /usr/bin/chromium). The test stores its own scenario (flat energy
 * price, so it needs no market data) and site through the API, compares fixed plans on the page, and checks the page
 * against the API's answer to the same request.
 */
@QuarkusTest
class WebPlansTest extends WebPageTest {
    static final String SCENARIO = "Plans page test scenario";
    static final String SITE = "Plans page test site";
    static final List<String> FINAL = List.of("OPTIMAL", "FEASIBLE", "INFEASIBLE", "TIMED_OUT", "FAILED", "CANCELLED");

    WebPlansTest() {
        super(60_000);
    }

    @BeforeEach
    void storeWhatThePagesNeed() throws Exception {
        ApiRequests.ensureScenario(SCENARIO, """
                {"name": "%s", "description": "flat 45 USD/MWh, BTC 65k, difficulty +2 %%/month",
                 "btc": {"priceUsd": 65000, "annualGrowth": 0.0, "startDifficulty": 1.2586e14, "difficultyGrowthPerMonth": 0.02,
                         "feesBtcPerBlock": 0.025},
                 "energy": {"flatPriceUsdPerMwh": 45, "annualEscalation": 0.02},
                 "ai": {"gpuRateDeclinePerYear": 0.15},
                 "discountRate": 0.10}
                """.formatted(SCENARIO));
        ApiRequests.ensureSite(SITE, """
                {"name": "%s", "interconnectMw": 100, "maxAiItMw": 60,
                 "asicFleets": [
                   {"name": "S21", "model": "Antminer S21", "units": 15000, "pue": 1.05, "poolFeeFraction": 0.02},
                   {"name": "S19 XP", "model": "Antminer S19 XP", "units": 12000, "pue": 1.05, "poolFeeFraction": 0.02}],
                 "aiOptions": [
                   {"name": "Colocation", "offering": "colocation lease", "colocationUsdPerKwMonth": 140, "tenantPaysPower": true, "pue": 1.3,
                    "capexUsdPerMw": 6000000, "leadTimeMonths": 9},
                   {"name": "H100 cloud", "offering": "H100 cloud", "leaseUsdPerGpuHour": 2.35, "utilization": 0.8, "maxItMw": 30,
                    "leadTimeMonths": 12}]}
                """.formatted(SITE));
    }

    void openPlans() {
        web.go("#/plans");
        page.selectOption("#scenario-pick", new SelectOption().setLabel(SCENARIO));
        page.selectOption("#site-pick", new SelectOption().setLabel(SITE));
        page.click("#load-site");
        page.waitForSelector("#site-status:has-text('Loaded site')");
        page.fill("#start-month", "2026-07");
        page.fill("#months", "36");
    }

    /** Plan 1: 50 MW of colocation in 2027-Q2; plan 2: 20 MW of H100 cloud in 2027-01. */
    void writeTwoPlans() {
        page.fill("#plan-0-name", "convert 50 MW in 2027-Q2");
        page.selectOption("[data-field='plans[0].aiStartsMw[0].name']", "Colocation");
        page.fill("#plan-0-step-0-month", "2027-Q2");
        page.fill("#plan-0-step-0-amount", "50");
        page.click("#add-plan");
        page.fill("#plan-1-name", "convert 20 MW in 2027-01");
        page.selectOption("[data-field='plans[1].aiStartsMw[0].name']", "H100 cloud");
        page.fill("#plan-1-step-0-month", "2027-01");
        page.fill("#plan-1-step-0-amount", "20");
    }

    @Test
    void comparesTwoPlansWithTheApisNumbersReachedByKeyboard() throws Exception {
        openPlans();
        writeTwoPlans();
        AtomicReference<String> sent = web.bodySent("POST", "/api/v1/plans/compare");
        // keyboard: Tab from the first field reaches Compare, Enter runs it
        web.tabFromTo("#scenario-pick", "compare", 120);
        page.keyboard().press("Enter");
        page.waitForSelector("#results[data-status]");
        assertThat(page.getAttribute("#results", "data-status")).isEqualTo("OK");

        // every chart has data: NPV, cash, revenue per MWh and one MW-by-use chart per plan (optimizer, baseline, two fixed)
        assertThat(web.chartsWithData("#results .chart", "canvas")).hasSize(3 + 4);
        assertThat(Integer.parseInt(page.getAttribute("#chart-cash", "data-points"))).as("36 months × 4 plans + 4 lowest-cash marks").isEqualTo(36 * 4 + 4);

        // the same request through the API: the NPVs and every other number shown are the API's
        assertThat(sent.get()).isNotNull();
        JsonNode request = ApiRequests.JSON.readTree(sent.get());
        assertThat(request.at("/plans").size()).isEqualTo(2);
        assertThat(request.at("/plans/0/aiStartsMw/0/month").asText()).isEqualTo("2027-Q2");
        JsonNode api = ApiRequests.post("/api/v1/plans/compare", sent.get(), 200);
        assertThat(api.at("/plans").size()).isEqualTo(4);
        List<ElementHandle> numbers = page.querySelectorAll("#results [data-key]");
        int npvs = 0;
        for (ElementHandle n : numbers) {
            JsonNode path = ApiRequests.JSON.readTree(n.getAttribute("data-key"));
            JsonNode v = WebSession.at(api, path);
            assertThat(v).as("API value at " + path).isNotNull();
            double shown = Double.parseDouble(n.getAttribute("data-value"));
            double expected = v.asDouble();
            // the words say "beats … by $X": the magnitude of the incremental NPV
            if (path.get(path.size() - 1).asText().equals("incrementalNpvUsd") && n.evaluate("e => !!e.closest('.plain-words')").equals(true)) {
                expected = Math.abs(expected);
            }
            assertThat(shown).as("data-value of " + path).isCloseTo(expected, Offset.offset(1e-6 * Math.max(1, Math.abs(expected))));
            WebSession.assertShownText(n.textContent(), expected, path.toString());
            if (path.get(path.size() - 1).asText().equals("npvUsd")) {
                npvs++;
            }
        }
        assertThat(npvs).as("an NPV per plan in the table").isGreaterThanOrEqualTo(4);
        String table = page.textContent("#plans-table");
        for (JsonNode p : api.at("/plans")) {
            assertThat(table).contains(p.get("name").asText()).contains(p.get("lowestCashMonth").asText());
        }
        String words = page.textContent("#plans-words");
        assertThat(words).containsPattern("“convert 50 MW in 2027-Q2” (beats|trails|is worth the same as) staying on Bitcoin");
        assertThat(words).contains("cash is lowest in " + api.at("/plans/2/lowestCashMonth").asText());

        // CSV of the comparison tables
        Download csv = web.download("#export-csv");
        assertThat(csv.suggestedFilename()).isEqualTo("gridpivot-plans.csv");
        String text = Files.readString(csv.path());
        assertThat(text).startsWith("Plans\r\nplan,status,npv (USD)").contains("convert 50 MW in 2027-Q2,").contains("\r\nMonthly\r\n");
        assertThat(text.lines().filter(l -> l.startsWith("stay on Bitcoin,2027-")).count()).isEqualTo(12);

        // XLSX of the same tables, written by POST /api/v1/reports/export.xlsx: opens with POI, numbers numeric
        Download xlsx = web.download("#export-xlsx");
        assertThat(xlsx.suggestedFilename()).isEqualTo("gridpivot-plans.xlsx");
        try (Workbook wb = WebSession.workbook(xlsx)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            Sheet plansSheet = wb.getSheet("Plans");
            assertThat(plansSheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("npv (USD)");
            assertThat(plansSheet.getLastRowNum()).isEqualTo(api.at("/plans").size());
            for (int i = 0; i < api.at("/plans").size(); i++) {
                JsonNode p = api.at("/plans/" + i);
                Row row = plansSheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(p.get("name").asText());
                if (p.hasNonNull("npvUsd")) {
                    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(2).getNumericCellValue()).isCloseTo(p.get("npvUsd").asDouble(), Offset.offset(1e-6));
                }
            }
            Sheet monthly = wb.getSheet("Monthly");
            long bitcoinMonths = 0;
            for (Row row : monthly) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("stay on Bitcoin")
                        && row.getCell(1).getStringCellValue().startsWith("2027-")) {
                    bitcoinMonths++;
                }
            }
            assertThat(bitcoinMonths).isEqualTo(12);
        }
        web.shots("plans");

        // the board pack: one click, a PDF the service writes from the same request (its numbers are the API's)
        AtomicReference<String> packSent = web.bodySent("POST", "/api/v1/reports/board-pack.pdf");
        Download pack = web.download("#board-pack");
        assertThat(pack.suggestedFilename()).isEqualTo("gridpivot-board-pack.pdf");
        assertThat(ApiRequests.JSON.readTree(packSent.get()).at("/plans")).isEqualTo(request.at("/plans"));
        assertThat(ApiRequests.JSON.readTree(packSent.get()).at("/title").asText()).startsWith("Board pack: " + SITE);
        byte[] packPdf = Files.readAllBytes(pack.path());
        assertThat(new String(packPdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Process toText = new ProcessBuilder("pdftotext", "-layout", pack.path().toString(), "-").redirectErrorStream(true).start();
        String packText = new String(toText.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(toText.waitFor()).isZero();
        assertThat(packText).contains("Board pack: " + SITE).contains("convert 50 MW in 2027-Q2").contains("Assumptions and their sources")
                .contains(com.gridpivot.reports.BoardPackResourceTest.usd(api.at("/plans/2/npvUsd").asDouble()));
        assertThat(packText.split("\f", -1)).as("pages (form feeds + 1, the last empty)").hasSizeBetween(4, 7);
        // no risk run picked (the default): the pack's risk page says how to add them, and the request names none
        assertThat(page.inputValue("#pack-sweep")).isEmpty();
        assertThat(page.inputValue("#pack-montecarlo")).isEmpty();
        assertThat(ApiRequests.JSON.readTree(packSent.get()).has("sweepRunId")).isFalse();
        assertThat(packText).contains("Risk: the pivot frontier, the tornado and Monte Carlo").contains("Not in this pack: no sweep run was given");

        // the printable one-page summary: no form or nav, the words, the table and the NPV and cash charts
        assertThat(page.isVisible("#print-summary")).isTrue();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.evaluate("getComputedStyle(document.querySelector('#page-plans form')).display")).isEqualTo("none");
        assertThat(page.evaluate("getComputedStyle(document.querySelector('header.top')).display")).isEqualTo("none");
        assertThat(page.evaluate("getComputedStyle(document.querySelector('.stack-figures')).display")).isEqualTo("none");
        for (String shown : List.of("#print-heading", "#plans-words", "#plans-table", "#chart-npv canvas", "#chart-cash canvas")) {
            assertThat(page.isVisible(shown)).as(shown + " in the print view").isTrue();
        }
        web.screenshot("plans-print-view.png", true);
        byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setPrintBackground(true).setPath(WebSession.SHOTS.resolve("plans-print-summary.pdf")));
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF-");
        assertThat(Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(raw).results().count()).as("pages of the printed summary").isEqualTo(1);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
    }

    @Test
    void anInvalidInputShowsTheApisErrorNextToItsField() {
        openPlans();
        writeTwoPlans();
        page.fill("#site-interconnect", "-5");
        page.fill("#plan-1-step-0-month", "2040-Q1");
        page.click("#compare");
        assertThat(web.errorUnder("#site-interconnect")).contains("must not be negative");
        assertThat(page.textContent("#form-errors")).contains("needs attention").contains("Interconnect (MW of site power)");
        web.screenshot("plans-errors-1366x768.png", false);
        // the API checks the plans once the problem is valid: a month outside the horizon is shown at that month
        page.fill("#site-interconnect", "100");
        page.click("#compare");
        assertThat(web.errorUnder("#plan-1-step-0-month")).contains("must be inside the horizon 2026-07");
        assertThat(page.locator("#site-interconnect[aria-invalid='true']").count()).isZero();
        web.showsNoStackTrace();
        assertThat(page.locator("#results [data-key]").count()).isZero();
    }

    @Test
    void anAsicRetirementWrittenOnThePageIsComparedAtTheApisNpv() throws Exception {
        openPlans();
        page.fill("#plan-0-name", "colocation, retire S19 XP");
        page.selectOption("#plan-0-step-0-name", "Colocation");
        page.fill("#plan-0-step-0-month", "2027-Q2");
        page.fill("#plan-0-step-0-amount", "30");
        page.click("#plan-list fieldset.plan >> nth=0 >> .add-retire");
        assertThat((String) page.evaluate("document.activeElement.id")).as("the new row takes the focus").isEqualTo("plan-0-retire-0-name");
        assertThat(page.textContent("label[for='plan-0-retire-0-amount']")).isEqualTo("ASIC IT MW retired");
        page.selectOption("#plan-0-retire-0-name", "S19 XP");
        page.fill("#plan-0-retire-0-month", "2031-01");
        page.fill("#plan-0-retire-0-amount", "20");
        // outside the 36-month horizon: the API's reason shows under that month
        page.click("#compare");
        assertThat(web.errorUnder("#plan-0-retire-0-month")).contains("must be inside the horizon 2026-07");
        assertThat(page.textContent("#form-errors")).contains("ASIC retirements (sold for salvage): Month or quarter");

        page.fill("#plan-0-retire-0-month", "2027-01");
        AtomicReference<String> sent = web.bodySent("POST", "/api/v1/plans/compare");
        page.click("#compare");
        page.waitForSelector("#results[data-status]");
        assertThat(page.locator("#plan-0-retire-0-month[aria-invalid='true']").count()).isZero();
        JsonNode request = ApiRequests.JSON.readTree(sent.get());
        JsonNode retired = request.at("/plans/0/asicRetiredMw/0");
        assertThat(retired.get("name").asText()).isEqualTo("S19 XP");
        assertThat(retired.get("month").asText()).isEqualTo("2027-01");
        assertThat(retired.get("amount").asDouble()).isEqualTo(20.0);
        assertThat(request.at("/plans/0").has("treasurySoldBtc")).as("decisions not written are left out").isFalse();

        // the NPV on the page is the API's for the same body, and the retirement changes it
        JsonNode api = ApiRequests.post("/api/v1/plans/compare", sent.get(), 200);
        int i = indexOf(api, "colocation, retire S19 XP");
        double npv = api.at("/plans/" + i + "/npvUsd").asDouble();
        var shown = page.locator("#plans-table [data-key='[\"plans\"," + i + ",\"npvUsd\"]']");
        assertThat(Double.parseDouble(shown.getAttribute("data-value"))).isEqualTo(npv);
        WebSession.assertShownText(shown.textContent(), npv, "NPV of the plan with the retirement");
        ((com.fasterxml.jackson.databind.node.ObjectNode) request.at("/plans/0")).remove("asicRetiredMw");
        JsonNode without = ApiRequests.post("/api/v1/plans/compare", request.toString(), 200);
        assertThat(without.at("/plans/" + indexOf(without, "colocation, retire S19 XP") + "/npvUsd").asDouble())
                .as("the same plan without the retirement").isNotCloseTo(npv, Offset.offset(1.0));
        // the XLSX holds that NPV too
        Download xlsx = web.download("#export-xlsx");
        try (Workbook wb = WebSession.workbook(xlsx)) {
            assertThat(wb.getSheet("Plans").getRow(i + 1).getCell(2).getNumericCellValue()).isEqualTo(npv);
        }
        web.screenshot("plans-decisions-1366x768.png", true);
    }

    static int indexOf(JsonNode comparison, String plan) {
        for (int k = 0; k < comparison.get("plans").size(); k++) {
            if (plan.equals(comparison.at("/plans/" + k + "/name").asText())) {
                return k;
            }
        }
        throw new AssertionError("no plan " + plan + " in " + comparison);
    }

    @Test
    void aScenarioIsCreatedOnThePageAndItsErrorsShowAtTheirFields() {
        openPlans();
        page.click("#new-scenario > summary");
        page.fill("#sc-name", "");
        page.fill("#sc-discount", "-1");
        page.click("#save-scenario");
        page.waitForSelector("#sc-name[aria-invalid='true']");
        assertThat(page.locator("#sc-name ~ .field-error").textContent()).contains("is required");
        assertThat(page.locator("#sc-discount[aria-invalid='true']").count()).isOne();
        String name = "Scenario made on the page " + System.nanoTime();
        page.fill("#sc-name", name);
        page.fill("#sc-discount", "0.08");
        page.click("#save-scenario");
        page.waitForSelector("#scenario-status:has-text('Saved scenario')");
        assertThat(page.evaluate("document.querySelector('#scenario-pick').selectedOptions[0].textContent")).isEqualTo(name);
        JsonNode stored = given().get("/api/v1/scenarios").then().statusCode(200).extract().as(JsonNode.class);
        JsonNode mine = null;
        for (JsonNode sc : stored) {
            if (name.equals(sc.get("name").asText())) {
                mine = sc;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.at("/scenario/discountRate").asDouble()).isEqualTo(0.08);
        assertThat(mine.at("/scenario/energy/flatPriceUsdPerMwh").asDouble()).isEqualTo(45.0);
    }

    @Test
    void aPlanJobRunsToAFinalStatusWithAProgressBar() {
        openPlans();
        page.fill("#months", "24");
        String token = java.util.UUID.randomUUID().toString().substring(0, 8);
        page.fill("#plan-run-label", "Board plan " + token);
        page.click("#run-job");
        page.waitForSelector("#run-progress:visible");
        page.waitForSelector("#cancel-run:visible");
        page.waitForSelector("#job-result[data-status]", new Page.WaitForSelectorOptions().setTimeout(120_000));
        assertThat(FINAL).contains(page.getAttribute("#job-result", "data-status"));
        assertThat(page.textContent("#job-status")).contains("finished");
        assertThat(page.isVisible("#run-progress")).as("the progress bar goes away when the job is done").isFalse();
        // the run carries the label typed on the page and the site's name
        var listed = given().queryParam("label", token).get("/api/v1/runs").then().statusCode(200).extract().jsonPath();
        assertThat(listed.<String>getList("items.label")).containsExactly("Board plan " + token);
        assertThat(listed.<String>getList("items.kind")).containsExactly("PLAN");
        assertThat(listed.<String>getList("items.siteName")).containsExactly(SITE);
        if ("OPTIMAL".equals(page.getAttribute("#job-result", "data-status"))) {
            assertThat(page.textContent("#job-result")).contains("against staying on Bitcoin");
        }
    }

    /**
     * Issue 14 item 6: with "Explain the difference from the What-if" ticked, the job's request carries explain.bridge and the
     * page shows the bridge: a waterfall and one table row per step, with the API's numbers (the run's stored answer).
     */
    @Test
    void aPlanJobExplainsTheDifferenceFromTheWhatIf() {
        openPlans();
        page.fill("#months", "12");
        String token = java.util.UUID.randomUUID().toString().substring(0, 8);
        page.fill("#plan-run-label", "Bridge " + token);
        page.check("#plan-run-bridge");
        page.click("#run-job");
        page.waitForSelector("#job-result[data-status]", new Page.WaitForSelectorOptions().setTimeout(120_000));
        assertThat(page.getAttribute("#job-result", "data-status")).isEqualTo("OPTIMAL");
        page.waitForSelector("#plan-bridge svg.waterfall");
        assertThat(page.locator("#plan-bridge table.bridge-steps tbody tr").count()).isEqualTo(13);
        long id = given().queryParam("label", token).get("/api/v1/runs").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        var result = given().get("/api/v1/plans/runs/" + id + "/result").then().statusCode(200).extract().jsonPath();
        double end = result.getDouble("bridge.endUsd");
        assertThat(end).isEqualTo(result.getDouble("npvUsd"));
        assertThat(page.textContent("#plan-bridge figcaption")).contains(com.gridpivot.reports.BoardPackResourceTest.usd(end).replace("-", "\u2212"));
    }

    @Test
    void cancellingAPlanJobSendsDeleteAndSaysWhatHappened() {
        openPlans();
        List<String> deletes = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean(true);
        // until Cancel, the status polls never answer: the job looks as if it runs for ever
        page.route("**/api/v1/plans/runs/*", route -> {
            if ("DELETE".equals(route.request().method())) {
                deletes.add(route.request().url());
                route.resume();
            } else if (!hold.get()) {
                route.resume();
            }
        });
        page.click("#run-job");
        page.waitForSelector("#cancel-run:visible");
        page.waitForSelector(".progress-text:has-text('Submitting the plan run')");
        page.waitForTimeout(300);
        hold.set(false);
        page.click("#cancel-run");
        page.waitForSelector("#job-result[data-status]");
        assertThat(deletes).hasSize(1);
        assertThat(FINAL).as("a final status or RUNNING while the worker stops").contains(page.getAttribute("#job-result", "data-status").replace("RUNNING", "CANCELLED"));
        assertThat(page.textContent("#job-status")).containsAnyOf("cancelled", "had already finished");
        assertThat(page.isVisible("#run-progress")).isFalse();
    }
}
