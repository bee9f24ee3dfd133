package com.gridpivot.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import com.gridpivot.api.RestAssuredDoubles;
import com.gridpivot.planning.PlanResourceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The board pack over HTTP: the PDF of the PlanResourceTest comparison (the lead-time case, NPVs by hand 1,572,000,
 * 864,000 and 1,416,000 USD) is rendered to PNG with poppler's pdftoppm and read back with pdftotext.
 */
@QuarkusTest
public class BoardPackResourceTest {
    @BeforeAll
    static void doubles() {
        RestAssuredDoubles.install();
    }

    static String body(long scenarioId, String title) {
        return """
                {%s"problem": %s,
                 "plans": [{"name": "stay on Bitcoin"},
                           {"name": "convert 10 MW in 2026-Q1", "aiStartsMw": [{"name": "flat", "month": "2026-Q1", "amount": 10}]}]}"""
                .formatted(title == null ? "" : "\"title\": \"" + title + "\", ", PlanResourceTest.plan(scenarioId));
    }

    @Test
    void theBoardPackHasSixPagesWithTheComparisonsNumbersAndItsCharts() throws Exception {
        long scenarioId = PlanResourceTest.createScenario();
        JsonPath comparison = given().contentType(ContentType.JSON).body(body(scenarioId, null)).post("/api/v1/plans/compare")
                .then().statusCode(200).extract().jsonPath();
        Response r = given().contentType(ContentType.JSON).body(body(scenarioId, "Tiny site: convert or stay?"))
                .post("/api/v1/reports/board-pack.pdf");
        r.then().statusCode(200).contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"gridpivot-board-pack.pdf\"");
        Rendered pack = render(r.asByteArray());
        List<Path> pages = pack.pages();
        List<String> text = pack.text();
        assertThat(pages).hasSizeBetween(3, 6).hasSize(6);
        String all = String.join("\n", text);
        assertThat(text.get(0)).contains("Tiny site: convert or stay?");
        // the answer: the optimizer's plan has the highest NPV; its difference to staying on Bitcoin as the API answers it
        assertThat(squash(text.get(0))).contains(squash("Recommended: the optimizer's plan (\"optimized\"), with an NPV of $1,572,000, "
                + usd(comparison.getDouble("plans[0].incrementalNpvUsd")) + " more than staying on Bitcoin ("
                + usd(comparison.getDouble("plans[0].stayOnBitcoinNpvUsd")) + ")."));
        List<String> names = comparison.getList("plans.name");
        assertThat(names).containsExactly("optimized", "stay on Bitcoin", "stay on Bitcoin", "convert 10 MW in 2026-Q1");
        for (int k = 0; k < names.size(); k++) {
            double npv = comparison.getDouble("plans[" + k + "].npvUsd");
            assertThat(text.get(1)).contains(names.get(k)).contains(usd(npv));
            if (comparison.get("plans[" + k + "].incrementalNpvUsd") != null) {
                assertThat(text.get(1)).contains(usd(comparison.getDouble("plans[" + k + "].incrementalNpvUsd")));
            }
        }
        // the hand values of PlanResourceTest, independently of the API's answer
        assertThat(text.get(1)).contains("$1,572,000", "$864,000", "$1,416,000");
        assertThat(text.get(0)).contains("Its cash is lowest in " + comparison.getString("plans[0].lowestCashMonth"));
        assertThat(text.get(2)).contains("Cash and debt by month", "By year", "2026",
                usd(comparison.getDouble("plans[0].monthly[2].cumulativeCashUsd")));
        assertThat(text.get(3)).contains("Revenue per MWh of IT energy", "mining", "flat", "MW of IT load by use");
        // the risk page without risk runs: how to add them, no numbers
        assertThat(squash(text.get(4))).contains("Risk: the pivot frontier, the tornado and Monte Carlo",
                "Not in this pack: no sweep run was given, and none is made up.", "\"sweepRunId\": its id",
                "Not in this pack: no Monte Carlo run was given", "\"monteCarloRunId\": its id").doesNotContain("$");
        assertThat(text.get(5)).contains("Assumptions and their sources", "site.interconnectMw", "scenario.btc.priceUsd", "50000",
                "scenario.energy.flatPriceUsdPerMwh");
        assertThat(all).doesNotContain("NaN");

        // charts: NPV bars on page 2, cash lines on page 3, MW by use on page 4; the chart areas hold coloured pixels
        for (int page : new int[] {2, 3, 4}) {
            BufferedImage png = ImageIO.read(pages.get(page - 1).toFile());
            assertThat(colouredPixels(png)).as("coloured pixels on page %d", page).isGreaterThan(200);
        }
        BufferedImage assumptions = ImageIO.read(pages.get(5).toFile());
        assertThat(colouredPixels(assumptions)).as("page 6 has no chart").isLessThan(colouredPixels(ImageIO.read(pages.get(3).toFile())));
        // the risk page without runs: headings only, far fewer coloured pixels than a page with a chart
        assertThat(colouredPixels(ImageIO.read(pages.get(4).toFile()))).as("the risk page without runs has no chart").isLessThan(1000);
    }

    /** A PDF's pages as PNG (pdftoppm, 50 dpi) and as text (pdftotext -layout), page by page. */
    record Rendered(List<Path> pages, List<String> text) {
    }

    static Rendered render(byte[] pdf) throws IOException, InterruptedException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Path dir = Files.createTempDirectory("board-pack");
        Path file = dir.resolve("pack.pdf");
        Files.write(file, pdf);
        run(dir, "pdftoppm", "-r", "50", "-png", file.toString(), dir.resolve("page").toString());
        List<Path> pages;
        try (Stream<Path> s = Files.list(dir)) {
            pages = s.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
        }
        List<String> text = new ArrayList<>();
        for (int page = 1; page <= pages.size(); page++) {
            Path out = dir.resolve("page-" + page + ".txt");
            run(dir, "pdftotext", "-layout", "-f", Integer.toString(page), "-l", Integer.toString(page), file.toString(), out.toString());
            text.add(Files.readString(out));
        }
        return new Rendered(pages, text);
    }

    /** Starts a run (202) and waits for it; returns its id and its result. */
    private static JsonPath[] finished(String path, String body) throws Exception {
        String location = given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(202).extract().header("Location");
        JsonPath run = com.gridpivot.jobs.JobPolling.poll(location).jsonPath();
        assertThat(run.getString("status")).as(path).isEqualTo("OPTIMAL");
        return new JsonPath[] {run, given().get(location + "/result").then().statusCode(200).extract().jsonPath()};
    }

    @Test
    void theRiskPageShowsTheSweepsFrontierAndTornadoAndTheMonteCarloPercentiles() throws Exception {
        long scenarioId = PlanResourceTest.createScenario();
        String problem = PlanResourceTest.plan(scenarioId);
        JsonPath[] sweep = finished("/api/v1/sweeps/runs", """
                {"plan": %s, "label": "pack sweep", "axes": [{"input": "BTC_PRICE_SCALE", "from": 0.5, "to": 2.0, "points": 4}],
                 "tornado": {"inputs": ["BTC_PRICE_SCALE", "ENERGY_PRICE_SCALE"], "deltaFraction": 0.5}}""".formatted(problem));
        // no volatility and no AI rate spread: every path is the scenario, so P10 = P50 = P90 = the comparison's NPV,
        // by hand in PlanResourceTest: optimized 1,572,000, stay on Bitcoin 864,000, convert 10 MW in 2026-Q1 1,416,000
        JsonPath[] mc = finished("/api/v1/risk/montecarlo/runs", """
                {"problem": %s, "plans": [{"name": "convert 10 MW in 2026-Q1", "aiStartsMw": [{"name": "flat", "month": "2026-Q1", "amount": 10}]}],
                 "paths": 20, "seed": 7, "volatilityMonthly": 0, "aiRateDeclineSd": 0}""".formatted(problem));
        long sweepId = sweep[0].getLong("id");
        long mcId = mc[0].getLong("id");
        Response r = given().contentType(ContentType.JSON)
                .body(body(scenarioId, null).replaceFirst("\\{", "{\"sweepRunId\": " + sweepId + ", \"monteCarloRunId\": " + mcId + ", "))
                .post("/api/v1/reports/board-pack.pdf");
        r.then().statusCode(200).contentType("application/pdf");
        byte[] pdfBytes = r.asByteArray();
        Rendered pack = render(pdfBytes);
        assertThat(pack.pages()).hasSize(6);
        String risk = squash(pack.text().get(4));
        assertThat(risk).contains("Risk: the pivot frontier, the tornado and Monte Carlo", "Pivot frontier",
                "From run " + sweepId + " (PLAN_SWEEP, OPTIMAL, site \"tiny\", label \"pack sweep\"",
                "From run " + mcId + " (MONTE_CARLO, OPTIMAL, site \"tiny\"", "over 20 BTC price paths", "Seed 7").doesNotContain("Not in this pack");
        // the frontier in the sweep's own words, or its note when it has no step
        List<String> steps = sweep[1].getList("frontier.description");
        // (the PDF keeps to the standard fonts: × is written x and → as ->, Html.escape)
        assertThat(risk).contains(squash(steps.isEmpty() ? sweep[1].getString("frontierNote") : steps.get(0)).replace("×", "x").replace("→", "->"));
        // the tornado's NPVs and swings as the sweep run stored them
        assertThat(sweep[1].getList("tornado")).hasSize(2);
        for (int k = 0; k < 2; k++) {
            assertThat(risk).contains(sweep[1].getString("tornado[" + k + "].input"), usd(sweep[1].getDouble("tornado[" + k + "].netUsdLow")),
                    usd(sweep[1].getDouble("tornado[" + k + "].netUsdHigh")), usd(sweep[1].getDouble("tornado[" + k + "].swingUsd")));
        }
        // P10, P50, P90 of each plan: the hand NPVs, three times each; nobody does worse than staying (0 %)
        assertThat(risk).contains("$1,416,000 $1,416,000 $1,416,000 0%")
                .contains("optimized $1,572,000 $1,572,000 $1,572,000 0%")
                .contains("stay on Bitcoin (fixed) $864,000 $864,000 $864,000");
        // three charts on the page: the frontier's line, the tornado's and the Monte Carlo's bars
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(pack.pages().get(4), Path.of("target", "screenshots", "board-pack-risk.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(Path.of("target", "screenshots", "board-pack-with-risk.pdf"), pdfBytes);
        int coloured = colouredPixels(ImageIO.read(pack.pages().get(4).toFile()));
        // (the page without runs has ~500, its blue headings; at 50 dpi the tornado's bars alone add ~600)
        assertThat(coloured).as("coloured pixels on the risk page").isGreaterThan(1000);

        // ids that do not fit: 400 naming the field
        given().contentType(ContentType.JSON).body(body(scenarioId, null).replaceFirst("\\{", "{\"sweepRunId\": " + mcId + ", "))
                .post("/api/v1/reports/board-pack.pdf").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("sweepRunId"))
                .body("errors[0].reason", org.hamcrest.Matchers.startsWith("run " + mcId + " is a MONTE_CARLO run; give the id of a sweep run"));
        given().contentType(ContentType.JSON).body(body(scenarioId, null).replaceFirst("\\{", "{\"monteCarloRunId\": 987654321, "))
                .post("/api/v1/reports/board-pack.pdf").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("monteCarloRunId"))
                .body("errors[0].reason", org.hamcrest.Matchers.startsWith("no run with id 987654321 of this API key"));
        // a run still RUNNING (held by a replica whose lease runs an hour; cancelled after)
        long running = store.insertRunning("MONTE_CARLO", "{}", "a replica far away", java.time.Instant.now().plusSeconds(3600), 1);
        given().contentType(ContentType.JSON).body(body(scenarioId, null).replaceFirst("\\{", "{\"monteCarloRunId\": " + running + ", "))
                .post("/api/v1/reports/board-pack.pdf").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("monteCarloRunId"))
                .body("errors[0].reason", org.hamcrest.Matchers.equalTo("run " + running + " is RUNNING, not finished; give a finished run with a result"));
        store.cancel(running);
    }

    @jakarta.inject.Inject
    com.gridpivot.jobs.JobStore store;

    @Test
    void aPlanThatDrawsOnItsCreditLineHasItsDebtByMonthOnTheCashPage() throws Exception {
        long scenarioId = PlanResourceTest.createScenario();
        // PlanResourceTest's plan with a costly AI build (300,000 USD/MW at the start, online a month later) and a credit line
        String plan = PlanResourceTest.plan(scenarioId);
        String option = "\"aiOptions\": [{\"name\": \"flat\", \"revenueUsdPerMwh\": 120, \"maxItMw\": 10, \"leadTimeMonths\": 1}]";
        assertThat(plan).contains(option);
        String problem = plan.replace(option, option.replace("\"leadTimeMonths\": 1}", "\"leadTimeMonths\": 1, \"capexUsdPerMw\": 300000}")
                + ", \"finance\": {\"creditLineUsd\": 100000000}");
        String body = """
                {"problem": %s, "plans": [{"name": "convert 10 MW in 2026-01", "aiStartsMw": [{"name": "flat", "month": "2026-01", "amount": 10}]}]}"""
                .formatted(problem);
        JsonPath comparison = given().contentType(ContentType.JSON).body(body).post("/api/v1/plans/compare").then().statusCode(200).extract().jsonPath();
        int k = comparison.<String>getList("plans.name").indexOf("convert 10 MW in 2026-01");
        List<Float> cash = comparison.getList("plans[" + k + "].monthly.cumulativeCashUsd", Float.class);
        List<String> months = comparison.getList("plans[" + k + "].monthly.month");
        // the most drawn: max over months of −cumulative cash, and its month, from the API's monthly rows
        int peak = 0;
        for (int i = 1; i < cash.size(); i++) {
            peak = -comparison.getDouble("plans[" + k + "].monthly[" + i + "].cumulativeCashUsd")
                    > -comparison.getDouble("plans[" + k + "].monthly[" + peak + "].cumulativeCashUsd") ? i : peak;
        }
        double drawn = -comparison.getDouble("plans[" + k + "].monthly[" + peak + "].cumulativeCashUsd");
        assertThat(drawn).as("the fixed plan draws on its credit line").isGreaterThan(1_000_000);
        Response r = given().contentType(ContentType.JSON).body(body).post("/api/v1/reports/board-pack.pdf");
        r.then().statusCode(200);
        Rendered pack = render(r.asByteArray());
        assertThat(pack.pages()).hasSize(6);
        String cashPage = squash(pack.text().get(2));
        assertThat(cashPage).contains("Debt by month: credit line drawn at the month's end",
                "convert 10 MW in 2026-01: most drawn in " + months.get(peak) + ", " + usd(drawn) + ".");
    }

    @Test
    void badInputIsA400NamingTheFieldAsTheComparisonDoes() {
        long scenarioId = PlanResourceTest.createScenario();
        given().contentType(ContentType.JSON).body("""
                {"problem": %s, "plans": [{"name": "bad", "aiStartsMw": [{"name": "H900", "month": "2026-01", "amount": 1}]}]}"""
                        .formatted(PlanResourceTest.plan(scenarioId)))
                .post("/api/v1/reports/board-pack.pdf").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("plans[0].aiStartsMw[0].name"));
        given().contentType(ContentType.JSON).body(body(scenarioId, "x".repeat(201)))
                .post("/api/v1/reports/board-pack.pdf").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("title"));
        given().contentType(ContentType.JSON).body("{\"plans\": []}")
                .post("/api/v1/reports/board-pack.pdf").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("problem"));
    }

    /** The PDF's money format, written independently: whole dollars, thousands commas, the sign before the $. */
    public static String usd(double v) {
        long r = Math.round(v);
        return (r < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,d", Math.abs(r));
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ");
    }

    /** Pixels clearly coloured (not white, not grey text): a channel differs from another by more than 60. */
    static int colouredPixels(BufferedImage png) {
        int n = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    n++;
                }
            }
        }
        return n;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s: %s", command[0], output).isZero();
    }
}
