package com.gridpivot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridpivot.errors.ConflictException;
import com.gridpivot.errors.FieldError;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.errors.NotFoundException;
import com.gridpivot.marketdata.ImportedSeries;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.marketdata.SeriesPoint;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeriesServiceTest {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);

    @Inject
    SeriesService service;

    static String key() {
        return "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** n points every step from start, value = offset + i. */
    static List<SeriesPoint> ramp(Instant start, Duration step, int n, double offset) {
        List<SeriesPoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new SeriesPoint(start.plus(step.multipliedBy(i)), offset + i));
        }
        return out;
    }

    static ImportBatchInfo info(String text) {
        return new ImportBatchInfo("GENERIC_CSV", "test.csv", ImportBatchInfo.sha256(text.getBytes(StandardCharsets.UTF_8)), 0, "[]", "test");
    }

    @Test
    void storingTheSameDataTwiceAddsNothing() {
        String key = key();
        ImportedSeries s = new ImportedSeries(SeriesKind.ENERGY_PRICE, key, HOUR, ramp(T0, HOUR, 48, 10), "first.csv");
        StoreOutcome first = service.store(List.of(s), info(key));
        assertThat(first.pointsAdded()).isEqualTo(48);
        assertThat(first.pointsUpdated()).isZero();
        assertThat(first.pointsUnchanged()).isZero();
        assertThat(first.duplicateOfBatchId()).isNull();
        assertThat(first.series()).singleElement().satisfies(p -> {
            assertThat(p.created()).isTrue();
            assertThat(p.key()).isEqualTo(key);
        });

        StoreOutcome second = service.store(List.of(s), info(key));
        assertThat(second.pointsAdded()).isZero();
        assertThat(second.pointsUpdated()).isZero();
        assertThat(second.pointsUnchanged()).isEqualTo(48);
        assertThat(second.duplicateOfBatchId()).isEqualTo(first.batchId());
        assertThat(second.batchId()).isNotEqualTo(first.batchId());
        assertThat(second.series().get(0).created()).isFalse();

        SeriesInfo meta = service.find(SeriesKind.ENERGY_PRICE, key).orElseThrow();
        assertThat(meta.pointCount()).isEqualTo(48);
        assertThat(meta.firstStart()).isEqualTo(T0);
        assertThat(meta.lastStart()).isEqualTo(T0.plus(HOUR.multipliedBy(47)));
        assertThat(meta.unit()).isEqualTo("USD/MWh");
        assertThat(meta.resolutionSeconds()).isEqualTo(3600);
        assertThat(meta.source()).isEqualTo("first.csv");
    }

    @Test
    void upsertCountsAddedUpdatedAndUnchanged() {
        String key = key();
        service.store(List.of(new ImportedSeries(SeriesKind.BTC_PRICE, key, Duration.ofDays(1),
                ramp(T0, Duration.ofDays(1), 10, 40_000), "a")), info(key + "a"));
        // Overlap days 5..9 (day 7 changed), add days 10..14.
        List<SeriesPoint> next = new ArrayList<>(ramp(T0.plus(Duration.ofDays(5)), Duration.ofDays(1), 10, 40_005));
        next.set(2, new SeriesPoint(next.get(2).intervalStart(), 1.5));
        StoreOutcome out = service.store(List.of(new ImportedSeries(SeriesKind.BTC_PRICE, key, Duration.ofDays(1), next, "b")),
                info(key + "b"));
        assertThat(out.pointsAdded()).isEqualTo(5);
        assertThat(out.pointsUpdated()).isEqualTo(1);
        assertThat(out.pointsUnchanged()).isEqualTo(4);
        assertThat(out.duplicateOfBatchId()).isNull();

        List<SeriesPoint> all = service.read(SeriesKind.BTC_PRICE, key, null, null);
        assertThat(all).hasSize(15);
        assertThat(all.get(7)).isEqualTo(new SeriesPoint(T0.plus(Duration.ofDays(7)), 1.5));
        assertThat(all.get(14)).isEqualTo(new SeriesPoint(T0.plus(Duration.ofDays(14)), 40_014));
        assertThat(service.find(SeriesKind.BTC_PRICE, key).orElseThrow().pointCount()).isEqualTo(15);
    }

    @Test
    void rangeReadsAreHalfOpenAndOrdered() {
        String key = key();
        service.store(List.of(new ImportedSeries(SeriesKind.HASHPRICE, key, HOUR, ramp(T0, HOUR, 24, 0), "x")), info(key));
        List<SeriesPoint> part = service.read(SeriesKind.HASHPRICE, key, T0.plus(HOUR.multipliedBy(3)), T0.plus(HOUR.multipliedBy(6)));
        assertThat(part).extracting(SeriesPoint::value).containsExactly(3.0, 4.0, 5.0);
        assertThat(service.read(SeriesKind.HASHPRICE, key, null, T0.plus(HOUR))).extracting(SeriesPoint::value).containsExactly(0.0);
        assertThat(service.read(SeriesKind.HASHPRICE, key, T0.plus(HOUR.multipliedBy(23)), null)).extracting(SeriesPoint::value).containsExactly(23.0);
        assertThatThrownBy(() -> service.read(SeriesKind.HASHPRICE, key + "X", null, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void hourlyValuesAverageQuarterHoursStepDaysAndFailOnGaps() {
        String quarter = key();
        Duration q = Duration.ofMinutes(15);
        service.store(List.of(new ImportedSeries(SeriesKind.ENERGY_PRICE, quarter, q, ramp(T0, q, 8, 0), "q")), info(quarter));
        assertThat(service.hourlyValues(SeriesKind.ENERGY_PRICE, quarter, T0, T0.plus(HOUR.multipliedBy(2))))
                .containsExactly(1.5, 5.5);
        assertThatThrownBy(() -> service.hourlyValues(SeriesKind.ENERGY_PRICE, quarter, T0, T0.plus(HOUR.multipliedBy(3))))
                .isInstanceOfSatisfying(SeriesGapException.class, e -> {
                    assertThat(e.missingHours()).isEqualTo(1);
                    assertThat(e.firstMissing()).isEqualTo(T0.plus(HOUR.multipliedBy(2)));
                });

        String daily = key();
        service.store(List.of(new ImportedSeries(SeriesKind.HASHPRICE, daily, Duration.ofDays(1),
                List.of(new SeriesPoint(T0, 40), new SeriesPoint(T0.plus(Duration.ofDays(1)), 45)), "d")), info(daily));
        double[] h = service.hourlyValues(SeriesKind.HASHPRICE, daily, T0.plus(HOUR.multipliedBy(22)), T0.plus(HOUR.multipliedBy(26)));
        assertThat(h).containsExactly(40, 40, 45, 45);

        String gappy = key();
        List<SeriesPoint> pts = new ArrayList<>(ramp(T0, HOUR, 10, 0));
        pts.remove(4);
        pts.remove(4);
        service.store(List.of(new ImportedSeries(SeriesKind.ENERGY_PRICE, gappy, HOUR, pts, "g")), info(gappy));
        assertThatThrownBy(() -> service.hourlyValues(SeriesKind.ENERGY_PRICE, gappy, T0, T0.plus(HOUR.multipliedBy(10))))
                .isInstanceOf(SeriesGapException.class)
                .hasMessageContaining("2 of the hours")
                .hasMessageContaining("2024-01-01T04:00:00Z");
        assertThatThrownBy(() -> service.hourlyValues(SeriesKind.ENERGY_PRICE, gappy, T0.plusSeconds(60), T0))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("from", "to"));
    }

    @Test
    void aStoreIsAllOrNothing() {
        String good = key();
        String bad = key();
        List<SeriesPoint> unordered = List.of(new SeriesPoint(T0.plus(HOUR), 1), new SeriesPoint(T0, 2));
        assertThatThrownBy(() -> service.store(List.of(
                new ImportedSeries(SeriesKind.ENERGY_PRICE, good, HOUR, ramp(T0, HOUR, 5, 0), "ok"),
                new ImportedSeries(SeriesKind.ENERGY_PRICE, bad, HOUR, unordered, "bad")), info(good)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("series[1].points[1].intervalStart"));
        assertThat(service.find(SeriesKind.ENERGY_PRICE, good)).isEmpty();

        // A resolution clash in the second series rolls back the first one too.
        service.store(List.of(new ImportedSeries(SeriesKind.ENERGY_PRICE, bad, HOUR, ramp(T0, HOUR, 2, 0), "ok")), info(bad));
        assertThatThrownBy(() -> service.store(List.of(
                new ImportedSeries(SeriesKind.ENERGY_PRICE, good, HOUR, ramp(T0, HOUR, 5, 0), "ok"),
                new ImportedSeries(SeriesKind.ENERGY_PRICE, bad, Duration.ofMinutes(15), ramp(T0, Duration.ofMinutes(15), 4, 0), "15")),
                info(good))).isInstanceOf(ConflictException.class).hasMessageContaining("3600 s");
        assertThat(service.find(SeriesKind.ENERGY_PRICE, good)).isEmpty();
        assertThat(service.find(SeriesKind.ENERGY_PRICE, bad).orElseThrow().pointCount()).isEqualTo(2);
    }

    /* Correctness of the large case; its speed is measured by ImportBenchmark (bench/IMPORT.md), not asserted here. */
    @Test
    void twoYearsOfQuarterHoursStoreOnceAndAYearOfHoursReadsBack() {
        String key = key();
        Duration q = Duration.ofMinutes(15);
        List<SeriesPoint> points = ramp(Instant.parse("2023-01-01T06:00:00Z"), q, 70_176, 0.25);
        StoreOutcome out = service.store(List.of(new ImportedSeries(SeriesKind.ENERGY_PRICE, key, q, points, "bench")), info(key));
        assertThat(out.pointsAdded()).isEqualTo(70_176);
        StoreOutcome again = service.store(List.of(new ImportedSeries(SeriesKind.ENERGY_PRICE, key, q, points, "bench")), info(key));
        assertThat(again.pointsUnchanged()).isEqualTo(70_176);
        assertThat(again.pointsAdded()).isZero();

        String hourly = key();
        service.store(List.of(new ImportedSeries(SeriesKind.ENERGY_PRICE, hourly, HOUR, ramp(T0, HOUR, 8_784, 0), "h")), info(hourly));
        double[] year = service.hourlyValues(SeriesKind.ENERGY_PRICE, hourly, T0, T0.plus(HOUR.multipliedBy(8_784)));
        assertThat(year).hasSize(8_784);
        assertThat(year[8_783]).isEqualTo(8_783.0);
        service.delete(out.series().get(0).seriesId());
        service.delete(service.find(SeriesKind.ENERGY_PRICE, hourly).orElseThrow().id());
        assertThat(service.find(SeriesKind.ENERGY_PRICE, key)).isEmpty();
    }
}
