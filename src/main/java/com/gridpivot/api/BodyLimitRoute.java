package com.gridpivot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridpivot.errors.FieldError;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request body over {@code quarkus.http.limits.max-body-size} with 413 and a problem+json body naming the
 * limit (the HTTP layer's own 413 has no body). A declared {@code Content-Length} over the limit is refused before the
 * body is read; a chunked body (no Content-Length) is read here, up to the limit, by a Vert.x body handler that fails
 * the request with 413 once the limit is passed, and that failure is answered here too.
 */
@ApplicationScoped
public class BodyLimitRoute {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long max = maxBodySize.get().asLongValue();
        router.route().order(Integer.MIN_VALUE + 100).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx, "the request body has more than " + max + " bytes; the limit is " + max + " bytes", max);
            } else if (ctx.response().ended() && ctx.response().getStatusCode() == 413) {
                // The rest of an over-limit upload broke off after its 413 went out (e.g. "Pipe closed"): already answered.
                return;
            } else {
                ctx.next();
            }
        });
        BodyHandler chunkedBodies = BodyHandler.create(true).setBodyLimit(max).setDeleteUploadedFilesOnEnd(true)
                .setUploadsDirectory(System.getProperty("java.io.tmpdir") + "/gridpivot-uploads");
        router.route().order(Integer.MIN_VALUE + 101).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            boolean chunked = request.getHeader("Content-Length") == null && request.getHeader("Transfer-Encoding") != null;
            if (chunked) {
                chunkedBodies.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long n;
            try {
                n = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n <= max) {
                ctx.next();
                return;
            }
            tooLarge(ctx, "the request body has " + n + " bytes; the limit is " + max + " bytes", max);
        });
    }

    private void tooLarge(RoutingContext ctx, String detail, long max) {
        Problem p = new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large", 413, detail,
                ctx.request().path(), java.util.List.of(FieldError.of("", "body over " + max + " bytes")));
        String body;
        try {
            body = json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
