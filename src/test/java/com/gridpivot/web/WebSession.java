package com.gridpivot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.assertj.core.data.Offset;

/**
 * One browser tab of a web test, with the steps every page test repeats: a fresh context at 1366×768 on the shared
 * {@link BrowserSupport#browser()}, console and page errors collected (and asserted empty on {@link #close()}),
 * navigation to a dashboard page until it has mounted, the request bodies the page sends, downloads opened with POI,
 * the "error under its field" check, Content-Security-Policy violations reported as console errors, the keyboard
 * walk to a button, charts that must hold data, and the screenshots
 * under target/screenshots at desktop and phone width with the no-horizontal-scroll check.
 */
final class WebSession implements AutoCloseable {
    static final Path SHOTS = Paths.get("target", "screenshots");
    static final int WIDE_WIDTH = 1366;
    static final int WIDE_HEIGHT = 768;
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    /** Logs every Content-Security-Policy violation of a page as a console error, which {@link #close()} then reports. */
    static final String CSP_VIOLATIONS_TO_CONSOLE = "document.addEventListener('securitypolicyviolation', e => console.error("
            + "'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    final Page page;
    private final BrowserContext context;
    private final String base;
    private final List<String> pageErrors = new ArrayList<>();

    private WebSession(Browser browser, URL base, double defaultTimeoutMs) {
        this.base = base.toString();
        this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDE_WIDTH, WIDE_HEIGHT).setAcceptDownloads(true));
        // anything the Content-Security-Policy refuses (an inline script or style, a foreign origin) is an error of the page
        context.addInitScript(CSP_VIOLATIONS_TO_CONSOLE);
        this.page = context.newPage();
        page.setDefaultTimeout(defaultTimeoutMs);
        page.onPageError(pageErrors::add);
        page.onConsoleMessage(m -> {
            // the browser logs every 4xx answer; the pages show those to the user themselves
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource: the server responded with a status of 4")) {
                pageErrors.add(m.text());
            }
        });
    }

    /** A new tab on the shared Chromium; every Playwright wait of it gives up after defaultTimeoutMs. */
    static WebSession open(URL base, double defaultTimeoutMs) throws Exception {
        Files.createDirectories(SHOTS);
        return new WebSession(BrowserSupport.browser(), base, defaultTimeoutMs);
    }

    /** Closes the tab; the browser console must have logged no error (4xx answers aside) and no script must have thrown. */
    @Override
    public void close() {
        context.close();
        assertThat(pageErrors).as("errors in the browser console").isEmpty();
    }

    /** Loads a page of the dashboard ("#/plans") and waits until it has mounted without an error. */
    void go(String hash) {
        page.navigate(base + hash);
        assertThat(readyState()).as("page mounted: " + page.textContent(".page")).isEqualTo("true");
    }

    /** Loads a page and returns its data-ready once set: "true", or "error" when the page could not load its data. */
    String navigate(String hash) {
        page.navigate(base + hash);
        return readyState();
    }

    /** Waits for the page to finish mounting and returns data-ready. */
    String readyState() {
        page.waitForSelector(".page[data-ready]");
        return page.getAttribute(".page", "data-ready");
    }

    /** The body of the next request the page sends with this method to a URL ending so (null until it is sent). */
    AtomicReference<String> bodySent(String method, String urlEnd) {
        AtomicReference<String> sent = new AtomicReference<>();
        page.onRequest(r -> {
            if (method.equals(r.method()) && r.url().endsWith(urlEnd)) {
                sent.set(r.postData());
            }
        });
        return sent;
    }

    /** Clicks the button and waits for the file it downloads. */
    Download download(String button) {
        return page.waitForDownload(() -> page.click(button));
    }

    /** A downloaded spreadsheet, opened read-only with POI (a broken file fails here). */
    static Workbook workbook(Download download) throws IOException {
        return WorkbookFactory.create(download.path().toFile(), null, true);
    }

    /**
     * The API's error for a field: the field is marked invalid, its message sits right under it (0 to 20 px below the
     * input's bottom edge); returns the message.
     */
    String errorUnder(String field) {
        page.waitForSelector(field + "[aria-invalid='true']");
        Locator error = page.locator(field + " ~ .field-error");
        var input = page.locator(field).boundingBox();
        var msg = error.boundingBox();
        assertThat(msg.y - (input.y + input.height)).as("the message of " + field + " sits under its field").isBetween(0.0, 20.0);
        return error.textContent();
    }

    /**
     * axe-core (the npm package's axe.min.js, a test resource; nothing is fetched) run on the page as it is now: the
     * violations of impact serious or critical, one line each with up to three of its elements. The script is added
     * before every document of this tab ({@link #withAxe()}), which a Content-Security-Policy does not block.
     */
    List<String> axeSerious() {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("async () => {"
                + " const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')); }");
        return found;
    }

    /** Adds axe-core to every document this tab loads from now on (call before {@link #go}). */
    WebSession withAxe() throws IOException {
        try (var in = WebSession.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("test resource axe/axe.min.js (axe-core from npm)").isNotNull();
            page.addInitScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return this;
    }

    /** The page has no serious or critical axe-core violation. */
    void assertAccessible(String what) {
        assertThat(axeSerious()).as("serious or critical axe-core violations on " + what).isEmpty();
    }

    /** The page shows no server internals. */
    void showsNoStackTrace() {
        assertThat(page.textContent("body")).doesNotContain("Exception").doesNotContain("at com.");
    }

    /**
     * From the first field (focus cleared, page at the top), Tab reaches the button within maxTabs presses, and the
     * focus ring on it is visible.
     */
    void tabFromTo(String firstField, String buttonId, int maxTabs) {
        page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        page.focus(firstField);
        String focused = "";
        for (int i = 0; i < maxTabs && !buttonId.equals(focused); i++) {
            page.keyboard().press("Tab");
            focused = (String) page.evaluate("document.activeElement.id");
        }
        assertThat(focused).as("Tab reaches #" + buttonId).isEqualTo(buttonId);
        assertThat((String) page.evaluate("getComputedStyle(document.activeElement).outlineStyle")).as("focus ring").isNotEqualTo("none");
    }

    /**
     * The charts matched: each has its drawing (drawingSelector inside it), a positive data-points and an aria-label;
     * returns them for the caller's count.
     */
    List<ElementHandle> chartsWithData(String chartSelector, String drawingSelector) {
        List<ElementHandle> charts = page.querySelectorAll(chartSelector);
        for (ElementHandle c : charts) {
            assertThat(c.querySelector(drawingSelector)).as("drawing in chart " + c.getAttribute("id")).isNotNull();
            assertThat(Integer.parseInt(c.getAttribute("data-points"))).as("points in chart " + c.getAttribute("id")).isPositive();
            assertThat(c.getAttribute("aria-label")).as("label of chart " + c.getAttribute("id")).isNotBlank();
        }
        return charts;
    }

    /** A screenshot of the viewport (fullPage false) or of the whole page, as target/screenshots/file. */
    void screenshot(String file, boolean fullPage) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(file)).setFullPage(fullPage));
    }

    /** {@link #shots(String, Runnable)} with nothing more to do at phone width. */
    void shots(String name) {
        shots(name, () -> {
        });
    }

    /**
     * Full-page screenshots name-1366x768.png and name-390x844.png; at phone width nothing but .scroll boxes may stick
     * out to the right (no horizontal scroll of the page), and atPhoneWidth runs before the page is widened again.
     */
    void shots(String name, Runnable atPhoneWidth) {
        screenshot(name + "-" + WIDE_WIDTH + "x" + WIDE_HEIGHT + ".png", true);
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.waitForTimeout(500); // charts follow their box's width
        screenshot(name + "-" + PHONE_WIDTH + "x" + PHONE_HEIGHT + ".png", true);
        Object wide = page.evaluate("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
                + " && !(e.parentElement && e.parentElement.closest('.scroll'))).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as(name + " has no horizontal scroll at phone width; scrollWidth " + page.evaluate("document.documentElement.scrollWidth") + ", too wide: " + wide).isTrue();
        atPhoneWidth.run();
        page.setViewportSize(WIDE_WIDTH, WIDE_HEIGHT);
        page.waitForTimeout(300);
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
        assertThat(shown).as("'" + text + "' shows " + what).isCloseTo(value, Offset.offset(0.5 * Math.pow(10, -decimals) + 1e-9));
        assertThat(text).as("'" + text + "' has thousands separators").matches(s -> Math.abs(value) < 1000 || s.contains(","));
    }

    /** The value at a data-key path (a JSON array of names and indices) in an API answer; null where there is none. */
    static JsonNode at(JsonNode answer, JsonNode path) {
        JsonNode v = answer;
        for (JsonNode p : path) {
            if (v == null) {
                return null;
            }
            v = p.isInt() ? v.get(p.asInt()) : v.get(p.asText());
        }
        return v;
    }

    /** A tolerance relative to the number's size (at least the absolute tolerance at 1). */
    static Offset<Double> relative(double expected, double fraction) {
        return Offset.offset(fraction * Math.max(1, Math.abs(expected)));
    }
}
