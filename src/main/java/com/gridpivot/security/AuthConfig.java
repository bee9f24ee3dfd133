package com.gridpivot.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** API key settings ({@code gridpivot.auth.*}). */
@ConfigMapping(prefix = "gridpivot.auth")
public interface AuthConfig {
    /** Require an X-API-Key on /api/v1 (health, metrics, OpenAPI and the pages' files stay open). */
    @WithDefault("true")
    boolean enabled();

    /** The first admin key (env GRIDPIVOT_ADMIN_KEY); when absent and no admin exists, one is generated and printed once. */
    Optional<String> adminKey();

    /** Requests per second each key may make on average. */
    @WithDefault("20")
    double requestsPerSecondPerKey();

    /** Requests a key may make in a burst above its rate. */
    @WithDefault("60")
    int burstPerKey();

    /**
     * How long a key's look-up (known or unknown) is cached, milliseconds. A revocation holds on the replica that made it
     * at once and on every other replica after at most this long, so keep it at 1000 or less in a cluster.
     */
    @WithDefault("1000")
    long keyCacheMillis();

    /** Most keys (known and unknown) cached at once, least recently used dropped first: random keys cannot grow the memory. */
    @WithDefault("10000")
    int keyCacheSize();

    /**
     * Requests per second one client address may make on average to /api, counted before its key is looked up (so a
     * flood of unknown keys from one address never reaches the database); 0 turns the limit off. Per replica by design,
     * like the per-key rate. Behind a proxy or balancer set {@code quarkus.http.proxy.proxy-address-forwarding=true}
     * (with the proxy's address trusted) so the client's address is counted, not the proxy's.
     */
    @WithDefault("100")
    double requestsPerSecondPerAddress();

    /** Requests an address may make in a burst above its rate. */
    @WithDefault("300")
    int burstPerAddress();

    /** Most addresses whose buckets are held at once, least recently used dropped first. */
    @WithDefault("10000")
    int addressBuckets();
}
