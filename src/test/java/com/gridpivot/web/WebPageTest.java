package com.gridpivot.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the browser tests: before each test a fresh {@link WebSession} (tab) on this test instance, after it the
 * tab closed and its console checked for errors. Subclasses store what their pages need in their own @BeforeEach
 * (it runs after this one, before the test navigates).
 */
abstract class WebPageTest {
    @TestHTTPResource("/")
    URL base;

    WebSession web;
    Page page;

    private final double defaultTimeoutMs;

    /** @param defaultTimeoutMs how long any Playwright wait of the test may take */
    WebPageTest(double defaultTimeoutMs) {
        this.defaultTimeoutMs = defaultTimeoutMs;
    }

    @BeforeEach
    void openTab() throws Exception {
        web = WebSession.open(base, defaultTimeoutMs);
        page = web.page;
    }

    @AfterEach
    void closeTab() {
        if (web != null) {
            web.close();
        }
    }
}
