package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.planning.input.EnergySource;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.lp.RunControl;
import com.gridpivot.testdata.RealData;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Replaying every year of the shipped ERCOT data (src/main/resources/demo/ercot_fluxcore, HB_WEST): its US/Central days
 * put the first stored hour at 2023-01-01 06:00 UTC and the last at 2025-01-01 05:00 UTC. 2023 used to be refused for every
 * plan ("miss 6 of the 8760 hours"); its first 6 hours are now the same hours of 2023-01-02, and a plan that replays
 * January says so.
 */
class PlanReplayYearTest {
    /** The stored prices of a UTC year as the service reads them: NaN where the shipped files have no hour. */
    static final EnergySource SHIPPED = (node, year) -> RealData.hourlyRtmWithGaps(node, Instant.parse(year + "-01-01T00:00:00Z"),
            Instant.parse((year + 1) + "-01-01T00:00:00Z"));

    static PlanProblem plan(int replayYear, String startMonth, int months) {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 65000, 'startDifficulty': 1.2586e14, 'difficultyGrowthPerMonth': 0.02, 'feesBtcPerBlock': 0.025},
                              'energy': {'node': 'HB_WEST', 'replayYear': %d}, 'discountRate': 0.10},
                 'site': {'name': 'West Texas demo', 'interconnectMw': 100},
                 'asicFleets': [{'name': 'S21 fleet', 'model': 'Antminer S21', 'units': 10000, 'pue': 1.05, 'poolFeeFraction': 0.02}],
                 'aiOptions': [{'name': 'Colocation lease', 'offering': 'colocation lease'}],
                 'startMonth': '%s', 'months': %d}""".formatted(replayYear, startMonth, months)), SHIPPED);
    }

    static final String JANUARY_NOTE = "scenario.energy.replayYear 2023: the stored prices of HB_WEST start at 2023-01-01T06:00:00Z: hours "
            + "00:00–05:00 UTC of 2023-01-01 (6 hours) are replayed from the same hours of 2023-01-02";

    @Test
    void replaying2023FillsItsFirstSixHoursFromTheNextDayAndSaysSo() {
        double[] real = RealData.hourlyRtm("HB_WEST", Instant.parse("2023-01-01T06:00:00Z"), Instant.parse("2023-01-03T00:00:00Z"));
        PlanProblem p = plan(2023, "2027-01", 1);
        double[] jan = p.months().get(0).priceUsdPerMwh();
        // hours 0–5 of 2023-01-01 = hours 0–5 of 2023-01-02 (real[18..23]); from 06:00 the stored hours themselves
        assertThat(Arrays.copyOfRange(jan, 0, 6)).containsExactly(Arrays.copyOfRange(real, 18, 24));
        assertThat(Arrays.copyOfRange(jan, 6, 48)).containsExactly(real);
        assertThat(p.dataNotes()).containsExactly(JANUARY_NOTE);
        PlanResult r = PlanEngine.optimize(p, RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.dataNotes()).containsExactly(JANUARY_NOTE);
    }

    @Test
    void aPlanThatNeverReplaysJanuaryWorksWithoutANote() {
        PlanProblem p = plan(2023, "2026-06", 3);
        double[] real = RealData.hourlyRtm("HB_WEST", Instant.parse("2023-06-01T00:00:00Z"), Instant.parse("2023-07-01T00:00:00Z"));
        assertThat(p.months().get(0).priceUsdPerMwh()).containsExactly(real);
        assertThat(p.dataNotes()).isEmpty();
        PlanResult r = PlanEngine.optimize(p, RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.dataNotes()).isEmpty();
    }

    @Test
    void everyYearTheDataCoversReplaysAndOneItDoesNotIsRefusedNamingTheYear() {
        for (int year = 2023; year <= 2024; year++) {
            PlanProblem p = plan(year, "2026-01", 12);
            assertThat(PlanEngine.optimize(p, RunControl.NONE).status()).as("replayYear " + year).isEqualTo("OPTIMAL");
            assertThat(p.dataNotes()).as("replayYear " + year).isEqualTo(year == 2023 ? java.util.List.of(JANUARY_NOTE) : java.util.List.of());
        }
        // 2025: the shipped data holds its first 6 hours only
        assertThatThrownBy(() -> plan(2025, "2026-06", 1)).isInstanceOf(InvalidRequestException.class).satisfies(e -> {
            var errors = ((InvalidRequestException) e).errors();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).field()).isEqualTo("scenario.energy.replayYear");
            assertThat(errors.get(0).reason()).startsWith("the stored prices of HB_WEST miss 8754 of the 8760 hours of 2025 (UTC; the first at "
                    + "2025-01-01T06:00:00Z)");
        });
    }
}
