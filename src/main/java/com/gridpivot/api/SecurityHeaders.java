package com.gridpivot.api;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every answer of the HTTP router (API, dashboard files, OpenAPI, health, metrics, problem
 * documents): {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and a Content-Security-Policy.
 * The dashboard's policy allows scripts, styles and requests from the service itself only (no inline script, no style
 * attribute; its scripts set styles through the CSSOM); Swagger UI's page starts itself with an inline script and inline
 * styles, so {@value #SWAGGER_UI} gets a policy that allows those and nothing from elsewhere. Neither page may be framed.
 */
@ApplicationScoped
public class SecurityHeaders {
    /** Swagger UI's path (quarkus.swagger-ui.path). */
    static final String SWAGGER_UI = "/q/swagger-ui";
    /** The development console of {@code quarkus:dev} (not in a packaged service) builds its pages with inline code. */
    static final String DEV_UI = "/q/dev-ui";

    /** The dashboard and every other answer: everything from the service itself, nothing inline, never framed. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI: as {@link #POLICY}, plus its inline start-up script and inline styles. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String path = ctx.normalizedPath();
            ctx.addHeadersEndHandler(v -> apply(ctx.response(), path));
            ctx.next();
        });
    }

    static void apply(HttpServerResponse response, String path) {
        var headers = response.headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        String policy = policyFor(path);
        if (policy != null) {
            headers.set("Content-Security-Policy", policy);
        }
    }

    /** The Content-Security-Policy for a request path, or null for the development console. */
    static String policyFor(String path) {
        if (path != null && (path.equals(DEV_UI) || path.startsWith(DEV_UI + "/"))) {
            return null;
        }
        if (path != null && (path.equals(SWAGGER_UI) || path.startsWith(SWAGGER_UI + "/"))) {
            return SWAGGER_UI_POLICY;
        }
        return POLICY;
    }
}
