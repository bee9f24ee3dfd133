package com.gridpivot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy in the browser: the dashboard runs under it without a violation (every page test checks
 * that too, through {@link WebSession}), the browser does enforce it (an injected inline script and style attribute are
 * refused and reported), and Swagger UI works under its own policy.
 */
@QuarkusTest
class WebCspTest {
    @TestHTTPResource("/")
    URL base;

    /** A tab whose console errors and CSP violations are collected, not asserted (the test asserts them). */
    private record Tab(BrowserContext context, Page page, List<String> errors) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    private Tab tab() throws Exception {
        BrowserContext context = BrowserSupport.browser().newContext();
        context.addInitScript(WebSession.CSP_VIOLATIONS_TO_CONSOLE);
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.onConsoleMessage(m -> {
            // as in WebSession: the browser logs every 4xx answer (here the favicon's 404); the pages show those themselves
            if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource: the server responded with a status of 4")) {
                errors.add(m.text());
            }
        });
        return new Tab(context, page, errors);
    }

    @Test
    void theBrowserEnforcesTheDashboardsPolicyAndTheDashboardPassesIt() throws Exception {
        try (Tab t = tab()) {
            t.page().navigate(base + "#/whatif");
            t.page().waitForSelector(".page[data-ready='true']");
            assertThat(t.errors()).as("the dashboard under its policy").isEmpty();

            // what the policy exists for: an injected inline script does not run, a style attribute is not applied
            Object ran = t.page().evaluate("""
                    () => { const s = document.createElement('script'); s.textContent = 'window.injected = true;';
                            document.head.append(s);
                            const d = document.createElement('div'); d.setAttribute('style', 'width: 123px'); document.body.append(d);
                            return [window.injected === true, d.getBoundingClientRect().width === 123]; }""");
            assertThat(ran).isEqualTo(List.of(false, false));
            t.page().waitForCondition(() -> t.errors().stream().filter(e -> e.startsWith("CSP violation")).count() >= 2);
            assertThat(t.errors()).anyMatch(e -> e.startsWith("CSP violation: script-src"))
                    .anyMatch(e -> e.startsWith("CSP violation: style-src"));
        }
    }

    @Test
    void swaggerUiWorksUnderItsOwnPolicy() throws Exception {
        try (Tab t = tab()) {
            t.page().navigate(base + "q/swagger-ui/");
            // the page has loaded the OpenAPI document and drawn its operations
            t.page().waitForSelector(".swagger-ui .info .title:has-text('GridPivot API')");
            t.page().waitForSelector(".swagger-ui .opblock-tag");
            assertThat(t.errors()).as("Swagger UI under its policy").noneMatch(e -> e.startsWith("CSP violation") || e.contains("Content Security Policy"));
        }
    }
}
