package com.gridpivot.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridpivot.persistence.SeriesService;
import com.microsoft.playwright.ElementHandle;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages that read right at first look: the Market page opens on the latest full year, shows hashprice over a window
 * ending today (or the whole history on a log scale), GPU rates one chart per product; no vertical axis is narrower
 * than its widest tick label; runs carry their site's name, and a comparison shows the fleets and options of a run on
 * a stored site.
 */
@QuarkusTest
class WebFirstLookTest extends WebPageTest {
    static final String SITE = "First look test site";

    @Inject
    SeriesService series;

    WebFirstLookTest() {
        super(30_000);
    }

    @BeforeEach
    void storeWhatThePagesNeed() {
        WebTestData.store(series);
        ApiRequests.ensureSite(SITE, """
                {"name": "%s", "interconnectMw": 60, "marketNode": "%s",
                 "asicFleets": [{"name": "S21 fleet", "model": "Antminer S21", "units": 8000, "pue": 1.05, "poolFeeFraction": 0.02}],
                 "aiOptions": [{"name": "Colocation lease", "offering": "colocation lease", "maxItMw": 20}]}
                """.formatted(SITE, WebTestData.WEST));
    }

    /** The widest tick label of every vertical axis of every chart fits in the axis (px, by the browser's own measure). */
    void assertAxisLabelsFit() {
        @SuppressWarnings("unchecked")
        List<String> tooNarrow = (List<String>) page.evaluate("() => [...document.querySelectorAll('.chart')].flatMap(c => {"
                + " const u = c._plot; if (!u) return [];"
                + " return u.axes.map((a, i) => ({ a, i })).filter(({ a, i }) => a.show !== false && (a.side === 1 || a.side === 3) && a._values)"
                + "  .map(({ a, i }) => { u.ctx.font = a.font[0];"
                + "   const widest = Math.max(0, ...a._values.map(v => u.ctx.measureText(String(v)).width / devicePixelRatio));"
                + "   const need = widest + a.ticks.size + a.gap; return need > a._size + 0.5 ? `${c.id} axis ${i}: ${need} > ${a._size}` : null; })"
                + "  .filter(Boolean); })");
        assertThat(tooNarrow).as("vertical axes narrower than their tick labels").isEmpty();
    }

    @Test
    void marketOpensOnTheLatestFullYearWithHashpriceOfTodayAndGpuRatesByProduct() throws Exception {
        web.go("#/market");
        page.waitForSelector("#chart-hashprice canvas");
        // the rule, on the demo data's span (06:00 UTC on 1 January 2023 to 05:00 on 1 January 2025) and on one month
        Object full = page.evaluate("async () => { const m = await import('/js/pages/market.js');"
                + " return [m.latestFullYear([{ firstStart: '2023-01-01T06:00:00Z', lastStart: '2025-01-01T05:00:00Z' }], [2023, 2024, 2025]),"
                + "  m.latestFullYear([{ firstStart: '2023-01-01T06:00:00Z', lastStart: '2023-02-01T05:00:00Z' }], [2023]),"
                + "  m.gpuProduct('CRI-H100'), m.gpuProduct('H100 SXM/azure'), m.gpuProduct('H200'), m.gpuProduct('A100 SXM') ]; }");
        assertThat(((List<?>) full).stream().map(String::valueOf).toList()).containsExactly("2024", "2023", "H100", "H100", "H200", "A100");
        // the page's year: the latest in which a stored node has hours from 1 January to 31 December (else the latest)
        JsonNode all = ApiRequests.get("/api/v1/series?size=200");
        int latestFull = 0;
        int latest = 0;
        for (JsonNode s : all.get("items")) {
            if (!s.get("kind").asText().equals("ENERGY_PRICE") || s.get("pointCount").asLong() == 0) {
                continue;
            }
            java.time.OffsetDateTime first = java.time.OffsetDateTime.parse(s.get("firstStart").asText());
            java.time.OffsetDateTime last = java.time.OffsetDateTime.parse(s.get("lastStart").asText());
            latest = Math.max(latest, last.getYear());
            for (int y = first.getYear(); y <= last.getYear(); y++) {
                boolean covers = !first.isAfter(java.time.OffsetDateTime.parse(y + "-01-01T23:00:00Z"))
                        && !last.isBefore(java.time.OffsetDateTime.parse(y + "-12-31T00:00:00Z"));
                if (covers) {
                    latestFull = Math.max(latestFull, y);
                }
            }
        }
        assertThat(page.inputValue("#market-year")).isEqualTo(String.valueOf(latestFull > 0 ? latestFull : latest));

        // hashprice: the last 12 months by default, the whole history on a log scale on request
        assertThat(page.inputValue("#hashprice-window")).isEqualTo("1");
        assertThat(page.getAttribute("#chart-hashprice", "data-window")).isEqualTo("1");
        assertThat(Integer.parseInt(page.getAttribute("#chart-hashprice", "data-points"))).isPositive();
        double spanDays = ((Number) page.evaluate("() => { const x = document.querySelector('#chart-hashprice')._plot.data[0];"
                + " return (x[x.length - 1] - x[0]) / 86400; }")).doubleValue();
        assertThat(spanDays).isLessThanOrEqualTo(366);
        page.selectOption("#hashprice-window", "all");
        page.waitForSelector("#chart-hashprice[data-window='all']");
        assertThat(page.evaluate("() => document.querySelector('#chart-hashprice')._plot.scales.y.distr")).isEqualTo(3);

        // GPU rates: every stored GPU series in exactly one chart, the chart of its product
        List<ElementHandle> gpuCharts = page.querySelectorAll("#gpu .chart");
        assertThat(gpuCharts).isNotEmpty();
        List<String> keys = new ArrayList<>();
        for (JsonNode s : all.get("items")) {
            if (s.get("kind").asText().equals("GPU_LEASE_RATE") && s.get("pointCount").asLong() > 0) {
                keys.add(s.get("key").asText());
            }
        }
        int inCharts = 0;
        for (ElementHandle c : gpuCharts) {
            String product = c.getAttribute("data-product");
            int n = Integer.parseInt(c.getAttribute("data-series"));
            inCharts += n;
            String label = c.getAttribute("aria-label");
            long ofProduct = keys.stream().filter(k -> label.contains(k)).count();
            assertThat(ofProduct).as(product + " chart").isEqualTo(n);
            if (product.equals("other")) {
                // series whose key names no GPU product (e.g. another test's "REST_…_A") share the "Other GPUs" chart
                assertThat(keys.stream().filter(label::contains)).allSatisfy(k -> assertThat(k).doesNotContainPattern("(?i)(^|[^A-Z0-9])[A-Z]{1,2}\\d{2,4}[A-Z]?(?![0-9])"));
            } else {
                assertThat(keys.stream().filter(label::contains)).allSatisfy(k -> assertThat(k.toUpperCase()).contains(product));
            }
        }
        assertThat(inCharts).isEqualTo(keys.size());
        assertThat(page.isVisible("#chart-gpu-h100")).isTrue();
        assertAxisLabelsFit();
        web.shots("market-first-look");
    }

    @Test
    void runsCarryTheirSiteAndAComparisonShowsTheStoredSitesInputs() throws Exception {
        long siteId = given().get("/api/v1/sites?size=200").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.name == '" + SITE + "' }.id");
        long inline = ApiRequests.post("/api/v1/allocations", ApiRequests.twoDays(100), 200).get("runId").asLong();
        long stored = ApiRequests.post("/api/v1/allocations", """
                {"siteId": %d, "market": {"energyPriceSeries": {"node": "%s", "from": "2023-01-02", "to": "2023-01-04"},
                 "hashpriceUsdPerPhDay": 45}}""".formatted(siteId, WebTestData.WEST), 200).get("runId").asLong();
        web.go("#/runs");
        page.waitForSelector("#open-" + stored);
        // a stored site's runs say so beside its name (run labels, issue 18)
        assertThat(page.textContent("#open-" + stored + " >> xpath=ancestor::tr//td[@class='run-site']")).isEqualTo(SITE + " (stored)");
        // an inline site's run carries the name of its request's site (the OpenAPI example's "West Texas")
        assertThat(page.textContent("#open-" + inline + " >> xpath=ancestor::tr//td[@class='run-site']")).isEqualTo("West Texas");

        web.go("#/runs?a=" + inline + "&b=" + stored);
        page.waitForSelector("#compare-title");
        String b = page.textContent("#compare-inputs-b");
        // the stored site's fleets and options as the run solved them, not "none"
        assertThat(b).contains("Run " + stored + " · " + SITE).contains("as they were at the run")
                .contains("ASIC fleets: S21 fleet (Antminer S21, 8,000 units)").contains("AI options: Colocation lease (colocation lease)")
                .contains("interconnect 60.00 MW").doesNotContain("fleets: none")
                // the stored series as the run used them: 2023-01-02 to 2023-01-04, 48 hourly prices
                .contains("Market: 48 hours, hourly prices, mean");
        assertThat(page.textContent("#compare-inputs-a")).contains("ASIC fleets: S21 (Antminer S21");
        web.shots("runs-compare-stored-site");
    }
}
