package com.gridpivot.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Job execution settings ({@code gridpivot.jobs.*}). */
@ConfigMapping(prefix = "gridpivot.jobs")
public interface JobsConfig {
    /**
     * Jobs this replica runs at once; the rest wait QUEUED in the database. 0 (the default) means half the cores, at
     * least 1: a sweep, Monte Carlo or stochastic job already spreads its points over every core, and interactive
     * what-ifs have their own slots ({@code gridpivot.limits.concurrent-solves}), which jobs do not take.
     */
    @WithDefault("0")
    int workers();

    /**
     * What this replica does (env GRIDPIVOT_ROLE): {@code all} (default) serves the API and runs jobs; {@code api} serves
     * the API and only queues jobs for the other replicas; {@code worker} runs jobs (the API still answers).
     */
    @WithDefault("all")
    String role();

    /** This replica's name in each run's {@code worker} (env GRIDPIVOT_REPLICA_ID); absent: host name and process id. */
    Optional<String> replicaId();

    /** How long a run stays held by its replica without a heartbeat; after that another replica re-queues it. */
    @WithDefault("30")
    int leaseSeconds();

    /** How often a replica renews the leases of the runs it holds (well below lease-seconds). */
    @WithDefault("5")
    int heartbeatSeconds();

    /** How often a replica looks for QUEUED runs (a run queued on this replica is taken at once) and for expired leases. */
    @WithDefault("1000")
    int pollMs();

    /** How often a replica re-queues runs whose lease has expired (the start-up does it once at once). */
    @WithDefault("5")
    int leaseCheckSeconds();

    /** Starts of one run before it ends FAILED instead of being re-queued after its replica died (a poison run). */
    @WithDefault("3")
    int maxAttempts();

    /**
     * At a graceful shutdown (SIGTERM): how long running jobs may still finish; what is left is handed back (QUEUED) for
     * another replica.
     */
    @WithDefault("20")
    int shutdownGraceSeconds();

    /**
     * What a graceful shutdown does with runs still going after the grace: {@code HAND_BACK} (default) re-queues them for
     * another replica or the next start; {@code FAIL} ends them FAILED (the test suite only: it restarts the application
     * many times on one in-memory database, and a handed-back run of one test class must not run in the next).
     */
    @WithDefault("HAND_BACK")
    AtShutdown atShutdown();

    enum AtShutdown {
        HAND_BACK, FAIL
    }
}
