package com.gridpivot.api;

import com.gridpivot.security.ApiKeyService;
import com.gridpivot.security.AuthConfig;
import com.gridpivot.security.CurrentCaller;
import com.gridpivot.security.RateLimiter;
import com.gridpivot.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards /api/v1 with X-API-Key: no or unknown key 401, too weak a role 403, over the key's rate 429 with
 * Retry-After; all problem+json. Reads need viewer; writes planner; keys, /api/v1/admin and deletions of stored data
 * admin (cancelling a run is a planner's DELETE). The rate is counted per replica (see {@link RateLimiter}). Health, metrics, OpenAPI and the dashboard's files are outside /api.
 * Before the key is looked up, each client address has its own rate ({@code gridpivot.auth.requests-per-second-per-address}):
 * over it 429 + Retry-After, without a look-up, so one address cannot flood the key store (or its cache) with keys.
 */
@Singleton
public class ApiKeyFilter {
    public static final String HEADER = "X-API-Key";

    // REST filters are created at static init, before runtime configuration exists: look everything up lazily.
    private final Provider<AuthConfig> configs;
    private final Provider<ApiKeyService> keyService;
    private final Provider<CurrentCaller> callers;
    private final Provider<MeterRegistry> registries;
    private volatile RateLimiter limiter;
    private volatile RateLimiter addressLimiter;

    public ApiKeyFilter(Provider<AuthConfig> configs, Provider<ApiKeyService> keyService, Provider<CurrentCaller> callers,
                        Provider<MeterRegistry> registries) {
        this.configs = configs;
        this.keyService = keyService;
        this.callers = callers;
        this.registries = registries;
    }

    private RateLimiter limiter(AuthConfig config) {
        if (limiter == null) {
            synchronized (this) {
                if (limiter == null) {
                    limiter = new RateLimiter(config.requestsPerSecondPerKey(), config.burstPerKey());
                }
            }
        }
        return limiter;
    }

    private RateLimiter addressLimiter(AuthConfig config) {
        if (addressLimiter == null) {
            synchronized (this) {
                if (addressLimiter == null) {
                    addressLimiter = new RateLimiter(config.requestsPerSecondPerAddress(), config.burstPerAddress(), config.addressBuckets(),
                            System::nanoTime);
                }
            }
        }
        return addressLimiter;
    }

    /** The client's address (the forwarded one when proxy address forwarding is on), or "unknown". */
    static String addressOf(HttpServerRequest request) {
        SocketAddress a = request == null ? null : request.remoteAddress();
        String host = a == null ? null : a.hostAddress() != null ? a.hostAddress() : a.host();
        return host == null || host.isBlank() ? "unknown" : host;
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext ctx, HttpServerRequest request) {
        AuthConfig config = configs.get();
        ApiKeyService keys = keyService.get();
        MeterRegistry metrics = registries.get();
        String path = "/" + ctx.getUriInfo().getPath().replaceFirst("^/", "");
        if (!config.enabled() || !path.startsWith("/api/")) {
            return Optional.empty();
        }
        if (config.requestsPerSecondPerAddress() > 0) {
            String address = addressOf(request);
            long wait = addressLimiter(config).acquire(address);
            if (wait > 0) {
                metrics.counter("gridpivot.requests.rejected", "reason", "address_rate_limited").increment();
                return Optional.of(Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", wait)
                        .entity(new Problem(Problem.TYPE_BASE + "rate-limited", "Too many requests", 429,
                                "the address " + address + " is over its rate of " + config.requestsPerSecondPerAddress()
                                        + " requests per second (counted before the API key); retry after " + wait + " s", path, null))
                        .build());
            }
        }
        Role needed = requiredRole(ctx.getMethod(), path);
        var principal = keys.authenticate(ctx.getHeaderString(HEADER));
        if (principal.isEmpty()) {
            boolean given = ctx.getHeaderString(HEADER) != null;
            return Optional.of(reject(401, "Unauthorized", given ? "the X-API-Key is unknown or revoked"
                    : "send an API key in the X-API-Key header", path, "unauthorized", "ApiKey header=\"" + HEADER + "\""));
        }
        if (!principal.get().role().includes(needed)) {
            return Optional.of(reject(403, "Forbidden", "the key '" + principal.get().name() + "' has the role "
                    + principal.get().role().name().toLowerCase(Locale.ROOT) + "; " + ctx.getMethod() + " " + path + " needs "
                    + needed.name().toLowerCase(Locale.ROOT), path, "forbidden", null));
        }
        long wait = limiter(config).acquire(principal.get().id());
        if (wait > 0) {
            metrics.counter("gridpivot.requests.rejected", "reason", "rate_limited").increment();
            return Optional.of(Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", wait)
                    .entity(new Problem(Problem.TYPE_BASE + "rate-limited", "Too many requests", 429,
                            "the key '" + principal.get().name() + "' is over its rate of " + config.requestsPerSecondPerKey()
                                    + " requests per second; retry after " + wait + " s", path, null))
                    .build());
        }
        callers.get().set(principal.get().name(), principal.get().role());
        return Optional.empty();
    }

    static Role requiredRole(String method, String path) {
        if (path.startsWith("/api/v1/keys") || path.startsWith("/api/v1/admin")) {
            return Role.ADMIN;
        }
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> Role.VIEWER;
            // A planner deletes its own stored portfolios (PortfolioStore: other keys' are not found).
            case "DELETE" -> path.contains("/runs/") || path.matches(".*/jobs/.*") || path.matches("/api/v1/portfolios/[^/]+") ? Role.PLANNER
                    : Role.ADMIN;
            default -> Role.PLANNER;
        };
    }

    private Response reject(int status, String title, String detail, String path, String reason, String challenge) {
        registries.get().counter("gridpivot.requests.rejected", "reason", reason).increment();
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + reason, title, status, detail, path, null));
        if (challenge != null) {
            r.header("WWW-Authenticate", challenge);
        }
        return r.build();
    }
}
