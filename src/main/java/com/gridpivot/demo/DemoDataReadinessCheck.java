package com.gridpivot.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the demo-data load in {@code /q/health/ready} (check {@code demo-data}, data {@code state}: DISABLED,
 * SKIPPED, LOADING, LOADED or FAILED). Always UP: the API works without the demo data.
 */
@Readiness
@ApplicationScoped
public class DemoDataReadinessCheck implements HealthCheck {
    @Inject
    DemoDataLoader loader;

    @Override
    public HealthCheckResponse call() {
        DemoDataLoader.Status s = loader.status();
        return HealthCheckResponse.named("demo-data").up()
                .withData("state", s.state().name())
                .withData("elapsedMs", s.elapsedMs())
                .withData("detail", s.detail())
                .build();
    }
}
