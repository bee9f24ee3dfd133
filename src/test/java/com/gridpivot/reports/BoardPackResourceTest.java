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
    void theBoardPackHasFivePagesWithTheComparisonsNumbersAndItsCharts() throws Exception {
        long scenarioId = PlanResourceTest.createScenario();
        JsonPath comparison = given().contentType(ContentType.JSON).body(body(scenarioId, null)).post("/api/v1/plans/compare")
                .then().statusCode(200).extract().jsonPath();
        Response r = given().contentType(ContentType.JSON).body(body(scenarioId, "Tiny site: convert or stay?"))
                .post("/api/v1/reports/board-pack.pdf");
        r.then().statusCode(200).contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"gridpivot-board-pack.pdf\"");
        byte[] pdf = r.asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        Path dir = Files.createTempDirectory("board-pack");
        Path file = dir.resolve("pack.pdf");
        Files.write(file, pdf);
        run(dir, "pdftoppm", "-r", "50", "-png", file.toString(), dir.resolve("page").toString());
        List<Path> pages;
        try (Stream<Path> s = Files.list(dir)) {
            pages = s.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
        }
        assertThat(pages).hasSizeBetween(3, 6).hasSize(5);

        List<String> text = new ArrayList<>();
        for (int page = 1; page <= pages.size(); page++) {
            Path out = dir.resolve("page-" + page + ".txt");
            run(dir, "pdftotext", "-layout", "-f", Integer.toString(page), "-l", Integer.toString(page), file.toString(), out.toString());
            text.add(Files.readString(out));
        }
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
        assertThat(text.get(4)).contains("Assumptions and their sources", "site.interconnectMw", "scenario.btc.priceUsd", "50000",
                "scenario.energy.flatPriceUsdPerMwh");
        assertThat(all).doesNotContain("NaN");

        // charts: NPV bars on page 2, cash lines on page 3, MW by use on page 4; the chart areas hold coloured pixels
        for (int page : new int[] {2, 3, 4}) {
            BufferedImage png = ImageIO.read(pages.get(page - 1).toFile());
            assertThat(colouredPixels(png)).as("coloured pixels on page %d", page).isGreaterThan(200);
        }
        BufferedImage assumptions = ImageIO.read(pages.get(4).toFile());
        assertThat(colouredPixels(assumptions)).as("page 5 has no chart").isLessThan(colouredPixels(ImageIO.read(pages.get(3).toFile())));
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
