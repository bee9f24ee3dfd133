package com.gridpivot.api;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tells a newcomer where to go once the service is up. */
@ApplicationScoped
public class StartupBanner {
    void onStart(@Observes StartupEvent ev, @ConfigProperty(name = "quarkus.http.port") int port) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return;
        }
        String base = "http://localhost:" + port;
        System.out.println("GridPivot is up: dashboard " + base + "/ · API docs " + base + "/q/swagger-ui · OpenAPI " + base
                + "/q/openapi · health " + base + "/q/health");
    }
}
