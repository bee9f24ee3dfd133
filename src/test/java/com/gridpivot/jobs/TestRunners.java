package com.gridpivot.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Function;

/**
 * Job runners as a second, third … replica on the test's database: the application's own classes, each with its own
 * replica id, workers and handler, started and stopped by the test.
 */
final class TestRunners {
    private TestRunners() {
    }

    /** A {@link JobsConfig} with the settings a test names. */
    record Settings(String name, String role, int workers, int leaseSeconds, int maxAttempts, int shutdownGraceSeconds, JobsConfig.AtShutdown atShutdown)
            implements JobsConfig {
        static Settings of(String replicaId, int workers) {
            return new Settings(replicaId, "all", workers, 30, 3, 30, AtShutdown.HAND_BACK);
        }

        Settings withGrace(int seconds) {
            return new Settings(name, role, workers, leaseSeconds, maxAttempts, seconds, atShutdown);
        }

        Settings withRole(String r) {
            return new Settings(name, r, workers, leaseSeconds, maxAttempts, shutdownGraceSeconds, atShutdown);
        }

        @Override
        public Optional<String> replicaId() {
            return Optional.of(name);
        }

        @Override
        public int heartbeatSeconds() {
            return 5;
        }

        @Override
        public int pollMs() {
            return 50;
        }

        @Override
        public int leaseCheckSeconds() {
            return 3600;
        }
    }

    /** A runner on {@code store} with {@code settings} whose every job is run by {@code handler}. */
    static JobRunner runner(JobStore store, MeterRegistry metrics, ObjectMapper json, Settings settings, Function<String, JobHandler> handler) {
        JobRunner r = new JobRunner() {
            @Override
            JobHandler handler(String kind) {
                return handler.apply(kind);
            }
        };
        r.store = store;
        r.metrics = metrics;
        r.json = json;
        r.config = settings;
        return r;
    }
}
