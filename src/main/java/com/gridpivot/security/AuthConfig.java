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
}
