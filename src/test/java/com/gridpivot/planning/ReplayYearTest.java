package com.gridpivot.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridpivot.planning.input.ReplayYear;
import java.time.Month;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Completing a replayed year: hour h of the year holds the price h (so every copy shows where it came from). */
class ReplayYearTest {
    static double[] year2023() {
        double[] v = new double[8760];
        for (int h = 0; h < v.length; h++) {
            v[h] = h;
        }
        return v;
    }

    @Test
    void aPartialFirstDayIsFilledFromTheSameHoursOfTheNextDay() {
        double[] stored = year2023();
        Arrays.fill(stored, 0, 6, Double.NaN); // stored from 06:00 UTC, as ERCOT's US/Central days
        ReplayYear r = ReplayYear.complete("HB_WEST", 2023, stored);
        assertThat(Arrays.copyOfRange(r.pricesUsdPerMwh(), 0, 8)).containsExactly(24, 25, 26, 27, 28, 29, 6, 7);
        assertThat(r.pricesUsdPerMwh()[8759]).isEqualTo(8759);
        assertThat(r.filled()).containsExactly(new ReplayYear.Fill(Month.JANUARY, "the stored prices of HB_WEST start at "
                + "2023-01-01T06:00:00Z: hours 00:00–05:00 UTC of 2023-01-01 (6 hours) are replayed from the same hours of 2023-01-02"));
        assertThat(stored[0]).as("the stored array is not changed").isNaN();
    }

    @Test
    void aPartialLastDayIsFilledFromTheSameHoursOfThePreviousDay() {
        double[] stored = year2023();
        Arrays.fill(stored, 8758, 8760, Double.NaN); // the last 2 hours
        ReplayYear r = ReplayYear.complete("N", 2023, stored);
        assertThat(Arrays.copyOfRange(r.pricesUsdPerMwh(), 8756, 8760)).containsExactly(8756, 8757, 8734, 8735);
        assertThat(r.filled()).containsExactly(new ReplayYear.Fill(Month.DECEMBER, "the stored prices of N end at 2023-12-31T22:00:00Z: "
                + "hours 22:00–23:00 UTC of 2023-12-31 (2 hours) are replayed from the same hours of 2023-12-30"));
    }

    @Test
    void aCompleteYearIsUnchanged() {
        ReplayYear r = ReplayYear.complete("N", 2023, year2023());
        assertThat(r.pricesUsdPerMwh()).containsExactly(year2023());
        assertThat(r.filled()).isEmpty();
    }

    @Test
    void aGapInsideOrAWholeMissingDayIsRefused() {
        double[] gap = year2023();
        gap[100] = Double.NaN;
        assertThatThrownBy(() -> ReplayYear.complete("N", 2023, gap)).isInstanceOf(ReplayYear.IncompleteYearException.class)
                .hasMessage("the stored prices of N miss 1 of the 8760 hours of 2023 (UTC; the first at 2023-01-05T04:00:00Z); a replayed "
                        + "year must be complete but for a partial first or last day, which is filled from the same hours of the next or "
                        + "previous day");
        double[] lateStart = year2023();
        Arrays.fill(lateStart, 0, 24, Double.NaN);
        assertThatThrownBy(() -> ReplayYear.complete("N", 2023, lateStart)).isInstanceOf(ReplayYear.IncompleteYearException.class)
                .hasMessageStartingWith("the stored prices of N miss 24 of the 8760 hours of 2023 (UTC; the first at 2023-01-01T00:00:00Z)");
    }
}
