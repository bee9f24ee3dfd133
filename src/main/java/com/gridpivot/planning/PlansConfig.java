package com.gridpivot.planning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Plan settings ({@code gridpivot.plans.*}). */
@ConfigMapping(prefix = "gridpivot.plans")
public interface PlansConfig {
    /** Wall-clock limit of each LP of a plan run, and the most a request may ask for, seconds. */
    @WithDefault("120")
    double timeLimitSeconds();
}
