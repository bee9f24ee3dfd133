package com.gridpivot.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The runner's settings as a replica reads them: workers from the cores, the role, the replica's name. */
class JobRunnerSettingsTest {
    private static JobRunner runner(TestRunners.Settings s) {
        return TestRunners.runner(null, null, null, s, k -> null);
    }

    @Test
    void zeroWorkersMeansHalfTheCoresAndAtLeastOne() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(runner(TestRunners.Settings.of("r", 0)).workers()).isEqualTo(Math.max(1, cores / 2));
        assertThat(runner(TestRunners.Settings.of("r", 3)).workers()).isEqualTo(3);
    }

    @Test
    void theRoleDecidesWhetherAReplicaRunsJobs() {
        assertThat(runner(TestRunners.Settings.of("r", 1).withRole("all")).takesWork()).isTrue();
        assertThat(runner(TestRunners.Settings.of("r", 1).withRole("Worker")).takesWork()).isTrue();
        assertThat(runner(TestRunners.Settings.of("r", 1).withRole("api")).takesWork()).isFalse();
        assertThatThrownBy(() -> runner(TestRunners.Settings.of("r", 1).withRole("boss")).takesWork())
                .hasMessage("gridpivot.jobs.role (GRIDPIVOT_ROLE) is 'boss'; it must be all, api or worker");
    }

    @Test
    void aReplicaIsNamedByItsIdOrByHostAndPid() {
        assertThat(runner(TestRunners.Settings.of(" replica-7 ", 1)).workerId()).isEqualTo("replica-7");
        assertThat(JobRunner.hostAndPid()).endsWith("-" + ProcessHandle.current().pid());
    }
}
