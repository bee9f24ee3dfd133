package com.gridpivot.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** At start, makes sure an admin key exists (from GRIDPIVOT_ADMIN_KEY, or generated and printed once). */
@ApplicationScoped
public class AdminKeyBootstrap {
    void onStart(@Observes StartupEvent ev, AuthConfig config, ApiKeyService keys) {
        if (config.enabled()) {
            keys.bootstrap(config.adminKey());
        }
    }
}
