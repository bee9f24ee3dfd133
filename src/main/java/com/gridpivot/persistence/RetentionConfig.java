package com.gridpivot.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long stored results are kept ({@code gridpivot.retention.*}); 0 keeps them for ever. */
@ConfigMapping(prefix = "gridpivot.retention")
public interface RetentionConfig {
    /** Days a finished run (plan, sweep, Monte Carlo, stochastic) is kept after it finished. Queued and running runs are never purged. */
    @WithDefault("90")
    int runsDays();

    /** Days a recorded what-if (allocation run, with its request and result) is kept after it was solved. */
    @WithDefault("90")
    int whatIfsDays();

    /** Minutes between two background purges on each replica (the first runs a minute after the start); 0 turns them off. */
    @WithDefault("60")
    int intervalMinutes();

    /**
     * Finished runs kept per API key (the newest; the runs queued without a key count as one key); older ones are deleted
     * by the same purge, whatever their age. 0 keeps any number.
     */
    @WithDefault("1000")
    int runsPerKey();

    /** Recorded what-ifs kept per API key (the newest; those recorded without a key count as one key). 0 keeps any number. */
    @WithDefault("1000")
    int whatIfsPerKey();
}
