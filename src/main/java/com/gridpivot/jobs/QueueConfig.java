package com.gridpivot.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How runs reach the replicas ({@code gridpivot.queue.*}). */
@ConfigMapping(prefix = "gridpivot.queue")
public interface QueueConfig {
    /**
     * {@code database} (default): every replica takes QUEUED runs from the database itself, each run whole on one
     * replica. {@code rabbitmq} (env GRIDPIVOT_QUEUE): cluster mode — runs and their chunks travel through RabbitMQ
     * (RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USERNAME, RABBITMQ_PASSWORD), any replica computes any chunk. Cluster mode
     * needs a database all replicas share (PostgreSQL): on the embedded H2 it is ignored with a warning.
     */
    @WithDefault("database")
    String kind();

    /**
     * Chunks this replica computes at once: the prefetch of its chunk consumer. 0 (default): one per core (the solver
     * slots of the machine).
     */
    @WithDefault("0")
    int chunkSlots();

    /** Monte Carlo paths per chunk in cluster mode. */
    @WithDefault("100")
    int monteCarloPathsPerChunk();

    /** What-if sweep points per chunk in cluster mode (a point: milliseconds to a second on a real year). */
    @WithDefault("20")
    int sweepPointsPerChunk();

    /** Plan sweep LPs (grid, tornado and base points) per chunk in cluster mode (a plan LP: a tenth of a second to seconds). */
    @WithDefault("5")
    int planSweepPointsPerChunk();

    /** Lets the test suite run cluster mode on its in-memory H2 database (never in production: H2 is one process's). */
    @WithDefault("false")
    boolean h2Allowed();
}
