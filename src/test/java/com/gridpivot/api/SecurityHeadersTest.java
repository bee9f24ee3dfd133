package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every answer carries X-Content-Type-Options: nosniff, X-Frame-Options: DENY and a Content-Security-Policy: the
 * dashboard's files, API answers (2xx and problem documents), the OpenAPI document, health, and a 413 answered before
 * the REST layer. Swagger UI gets its own policy, which allows its inline start-up script and nothing from elsewhere.
 */
@QuarkusTest
class SecurityHeadersTest {
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    private static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @ParameterizedTest
    @CsvSource({
            "/, 200",
            "/index.html, 200",
            "/js/app.js, 200",
            "/css/app.css, 200",
            "/webjars/uplot/1.6.30/dist/uPlot.esm.js, 200",
            "/api/v1/sites, 200",
            "/api/v1/sites/987654321, 404",
            "/api/v1/allocation-runs?size=0, 400",
            "/q/openapi, 200",
            "/q/health, 200",
            "/no-such-file.txt, 404"})
    void everyAnswerCarriesTheHeadersAndTheStrictPolicy(String path, int status) {
        Response r = given().get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        assertThat(r.header("Content-Security-Policy")).as(path).isEqualTo(DASHBOARD_POLICY);
    }

    @Test
    void aSolveAndABodyRefusedBeforeTheRestLayerCarryTheHeaders() throws Exception {
        Response solved = given().contentType("application/json").body(ApiExamples.ALLOCATION_REQUEST).post("/api/v1/allocations");
        assertThat(solved.statusCode()).isEqualTo(200);
        assertThat(solved.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(solved.header("Content-Security-Policy")).isEqualTo(DASHBOARD_POLICY);

        // a declared Content-Length over the 16 MiB limit is refused by a router handler before the body is read
        String head = rawHead("POST /api/v1/allocations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (17L * 1024 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 413");
        assertThat(head.toLowerCase(java.util.Locale.ROOT)).contains("x-frame-options: deny").contains("x-content-type-options: nosniff")
                .contains("content-security-policy: " + DASHBOARD_POLICY.toLowerCase(java.util.Locale.ROOT));
    }

    /** Sends a request over a socket and returns the answer's status line and headers. */
    private String rawHead(String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket(root.getHost(), root.getPort())) {
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(60_000); // a safeguard against a hung test, not a timed assertion
            // read up to the blank line after the headers (the service may keep the connection open)
            StringBuilder head = new StringBuilder();
            java.io.InputStream in = s.getInputStream();
            int b;
            while ((b = in.read()) >= 0 && head.indexOf("\r\n\r\n") < 0) {
                head.append((char) b);
            }
            int end = head.indexOf("\r\n\r\n");
            return end < 0 ? head.toString() : head.substring(0, end);
        }
    }

    @Test
    void swaggerUiHasItsOwnPolicyThatAllowsItsInlineStartUpScriptOnly() {
        Response r = given().redirects().follow(true).get("/q/swagger-ui/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().asString()).contains("<script"); // the inline start-up script the policy must allow
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        String policy = r.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self' 'unsafe-inline'").contains("frame-ancestors 'none'")
                .contains("default-src 'self'").doesNotContain("unsafe-eval").doesNotContain("*");
    }

    @Test
    void thePolicyOfAPathIsTheDashboardsExceptForSwaggerUiAndTheDevelopmentConsole() {
        assertThat(SecurityHeaders.policyFor("/")).isEqualTo(DASHBOARD_POLICY);
        assertThat(SecurityHeaders.policyFor("/q/swagger-ui")).isEqualTo(SecurityHeaders.SWAGGER_UI_POLICY);
        assertThat(SecurityHeaders.policyFor("/q/swagger-ui/index.js")).isEqualTo(SecurityHeaders.SWAGGER_UI_POLICY);
        assertThat(SecurityHeaders.policyFor("/q/swagger-uix")).isEqualTo(DASHBOARD_POLICY);
        assertThat(SecurityHeaders.policyFor("/q/dev-ui/welcome")).isNull();
    }
}
