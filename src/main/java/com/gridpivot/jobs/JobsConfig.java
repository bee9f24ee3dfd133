package com.gridpivot.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Job execution settings ({@code gridpivot.jobs.*}). */
@ConfigMapping(prefix = "gridpivot.jobs")
public interface JobsConfig {
    /** Jobs run at once; the rest wait QUEUED in the database. */
    @WithDefault("1")
    int workers();
}
