package com.gridpivot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose {@code Content-Length} exceeds {@code quarkus.http.limits.max-body-size} with 413 and a
 * problem+json body before the body is read (the HTTP layer's own 413 has no body).
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
            Problem p = new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large", 413,
                    "the request body has " + n + " bytes; the limit is " + max + " bytes",
                    ctx.request().path(), java.util.List.of(FieldError.of("", "body over " + max + " bytes")));
            String body;
            try {
                body = json.writeValueAsString(p);
            } catch (JsonProcessingException e) {
                body = "{\"status\":413}";
            }
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(body);
        });
    }
}
