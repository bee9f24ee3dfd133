package com.gridpivot.marketdata;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResamplerTest {
    private static final Instant T = Instant.parse("2024-03-01T00:00:00Z");

    private static SeriesPoint p(long minutes, double v) {
        return new SeriesPoint(T.plus(Duration.ofMinutes(minutes)), v);
    }

    @Test
    void quarterHoursToHourlyMeans() {
        Resampler.Resampled r = Resampler.subHourlyToHourlyMeans(List.of(
                p(0, 1), p(15, 2), p(30, 3), p(45, 6), p(60, 10), p(75, 20), p(105, 60)), Duration.ofMinutes(15));

        assertThat(r.points()).containsExactly(p(0, 3), p(60, 30));
        assertThat(r.issues()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("PARTIAL_HOUR");
            assertThat(i.severity()).isEqualTo(ImportIssue.Severity.WARNING);
            assertThat(i.message()).contains("3 of 4");
        });
    }

    @Test
    void fiveMinuteDataAndInvalidResolution() {
        List<SeriesPoint> fiveMin = java.util.stream.IntStream.range(0, 12).mapToObj(i -> p(5L * i, i)).toList();
        assertThat(Resampler.toHourly(fiveMin, Duration.ofMinutes(5))).containsExactly(p(0, 5.5));
        assertThatThrownBy(() -> Resampler.subHourlyToHourlyMeans(fiveMin, Duration.ofMinutes(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dailyToHourlyStepsAndBackToDailyMeans() {
        List<SeriesPoint> daily = List.of(new SeriesPoint(T, 100), new SeriesPoint(T.plus(Duration.ofDays(1)), 50));
        List<SeriesPoint> hourly = Resampler.toHourly(daily, Duration.ofDays(1));

        assertThat(hourly).hasSize(48);
        assertThat(hourly.get(0)).isEqualTo(new SeriesPoint(T, 100));
        assertThat(hourly.get(23)).isEqualTo(new SeriesPoint(T.plus(Duration.ofHours(23)), 100));
        assertThat(hourly.get(24)).isEqualTo(new SeriesPoint(T.plus(Duration.ofHours(24)), 50));
        assertThat(Resampler.hourlyToDailyMeans(hourly)).isEqualTo(daily);
        assertThat(Resampler.hourlyToDailyMeans(List.of(p(0, 1), p(60, 2), p(120, 6)))).containsExactly(p(0, 3));
    }

    @Test
    void hourlyIsUnchangedAndImportedSeriesKeepTheirMetadata() {
        List<SeriesPoint> hourly = List.of(p(0, 1), p(60, 2));
        assertThat(Resampler.toHourly(hourly, Duration.ofHours(1))).isEqualTo(hourly);
        ImportedSeries daily = new ImportedSeries(SeriesKind.BTC_PRICE, "BTC", Duration.ofDays(1),
                List.of(new SeriesPoint(T, 65_000)), "x");
        ImportedSeries h = Resampler.toHourly(daily);
        assertThat(h.resolution()).isEqualTo(Duration.ofHours(1));
        assertThat(h.points()).hasSize(24).allMatch(pt -> pt.value() == 65_000);
        assertThat(h.kind()).isEqualTo(SeriesKind.BTC_PRICE);
    }
}
