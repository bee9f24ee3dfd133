package com.gridpivot.marketdata;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.gridpivot.marketdata.HashpriceEngine.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class HashpriceEngineTest {

    private static final double TWO_POW_32 = 4_294_967_296.0;

    @Test
    void subsidyHalvesEvery210000BlocksInSatoshi() {
        assertThat(subsidyBtcAtHeight(0)).isEqualTo(50.0);
        assertThat(subsidyBtcAtHeight(209_999)).isEqualTo(50.0);
        assertThat(subsidyBtcAtHeight(210_000)).isEqualTo(25.0);
        assertThat(subsidyBtcAtHeight(839_999)).isEqualTo(6.25);
        assertThat(subsidyBtcAtHeight(840_000)).isEqualTo(3.125);
        assertThat(subsidyBtcAtHeight(1_050_000)).isEqualTo(1.5625);
        assertThat(subsidySatsAtHeight(1_260_000)).isEqualTo(78_125_000L);
        // 50e8 >> 32 = 1 satoshi; one more halving and the subsidy is gone
        assertThat(subsidySatsAtHeight(32 * 210_000L)).isEqualTo(1L);
        assertThat(subsidySatsAtHeight(33 * 210_000L)).isZero();
        assertThat(subsidySatsAtHeight(64 * 210_000L)).isZero();
        assertThatThrownBy(() -> subsidyBtcAtHeight(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void btcPerThDayAndHashpriceFollowTheFormula() {
        double d = 125.86e12;
        assertThat(btcPerThDay(d, 3.125, 0)).isCloseTo(86_400e12 / (d * TWO_POW_32) * 3.125, within(1e-20));
        assertThat(btcPerThDay(d, 3.125, 0)).isCloseTo(4.9948e-7, withinPercentage(0.01));
        assertThat(hashpriceUsdPerPhDay(65_000, d, 3.125, 0.025))
                .isCloseTo(86_400e12 / (d * TWO_POW_32) * 3.15 * 1000 * 65_000, within(1e-9));
        // DOMAIN.md: 38.2 USD/PH/day in Nov 2025 at difficulty 152T and BTC 91k (Luxor, fees included);
        // subsidy alone gives 37.6, i.e. fees of ~0.046 BTC/block make up the rest
        assertThat(hashpriceUsdPerPhDay(91_000, 152e12, 3.125, 0)).isCloseTo(37.64, within(0.01));
        assertThat(hashpriceUsdPerPhDay(91_000, 152e12, 3.125, 0.046)).isCloseTo(38.2, within(0.05));
        assertThat(impliedHashrateThPerSecond(d)).isCloseTo(d * TWO_POW_32 / 600 / 1e12, within(1e-3));
        assertThat(impliedHashrateThPerSecond(d) / 1e6).isCloseTo(900.9, within(0.1)); // EH/s
        // DOMAIN.md: S21 (17.5 J/TH) at 45 USD/PH/day earns 107 USD/MWh
        assertThat(asicRevenueUsdPerMwh(45, 17.5)).isCloseTo(107.14, within(0.01));
        assertThatThrownBy(() -> btcPerThDay(0, 3.125, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shutdownPricesOfDomainMd() {
        // $0.08/kWh, difficulty 125.86T (after the -11.16% adjustment of Feb 2026), no fees, no PUE
        assertThat(shutdownBtcPriceUsd(17.5, 0.08, 1.0, 125.86e12, 3.125, 0)).isCloseTo(67_270, within(10.0));
        assertThat(shutdownBtcPriceUsd(12, 0.08, 1.0, 125.86e12, 3.125, 0)).isCloseTo(46_100, within(50.0));
        assertThat(shutdownBtcPriceUsd(9.5, 0.08, 1.0, 125.86e12, 3.125, 0)).isCloseTo(36_500, within(50.0));
        // PUE scales the power cost; fees lower the shutdown price
        assertThat(shutdownBtcPriceUsd(17.5, 0.08, 1.05, 125.86e12, 3.125, 0))
                .isCloseTo(67_270 * 1.05, withinPercentage(0.02));
        assertThat(shutdownBtcPriceUsd(17.5, 0.08, 1.0, 125.86e12, 3.125, 0.125))
                .isCloseTo(67_270 * 3.125 / 3.25, withinPercentage(0.02));
    }

    @Test
    void blockHeightByDateAndThe2028Halving() {
        assertThat(estimatedHeightAt(ANCHOR_TIME)).isEqualTo(840_000);
        assertThat(estimatedHeightAt(Instant.parse("2024-04-21T00:09:00Z"))).isEqualTo(840_144);
        Instant halving2028 = estimatedTimeOfHeight(NEXT_HALVING_HEIGHT);
        // 210,000 blocks x 10 min = 1458 days 8 h after 2024-04-20 00:09
        assertThat(halving2028).isEqualTo(Instant.parse("2028-04-17T08:09:00Z"));
        assertThat(halving2028.atZone(ZoneOffset.UTC).getMonthValue()).isEqualTo(4);
        assertThat(nextHalvingAfter(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(halving2028);
        assertThat(estimatedHeightAt(halving2028)).isEqualTo(NEXT_HALVING_HEIGHT);
        // past halvings at their actual times
        assertThat(estimatedTimeOfHeight(630_000)).isEqualTo(Instant.parse("2020-05-11T19:23:43Z"));
        assertThat(subsidyBtcAt(Instant.parse("2020-05-11T19:00:00Z"))).isEqualTo(12.5);
        assertThat(subsidyBtcAt(Instant.parse("2020-05-11T20:00:00Z"))).isEqualTo(6.25);
        assertThat(subsidyBtcAt(Instant.parse("2016-07-09T16:00:00Z"))).isEqualTo(25.0);
    }

    @Test
    void subsidyPerDayIsTimeWeightedOnHalvingDays() {
        assertThat(averageSubsidyBtcOn(LocalDate.of(2023, 6, 1))).isEqualTo(6.25);
        assertThat(averageSubsidyBtcOn(LocalDate.of(2024, 4, 19))).isEqualTo(6.25);
        assertThat(averageSubsidyBtcOn(LocalDate.of(2024, 4, 20))).isCloseTo((9 * 6.25 + 1431 * 3.125) / 1440, within(1e-12));
        assertThat(averageSubsidyBtcOn(LocalDate.of(2024, 4, 21))).isEqualTo(3.125);
        assertThat(averageSubsidyBtcOn(LocalDate.of(2028, 4, 16))).isEqualTo(3.125);
        assertThat(averageSubsidyBtcOn(LocalDate.of(2028, 4, 17))).isCloseTo((489 * 3.125 + 951 * 1.5625) / 1440, within(1e-12));
        assertThat(averageSubsidyBtcOn(LocalDate.of(2028, 4, 18))).isEqualTo(1.5625);
    }

    @Test
    void projectionHalvesHashpriceAtThe2028HalvingWithZeroGrowthAndFees() {
        HashpriceProjection p = new HashpriceProjection(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31),
                BtcPricePath.constantGrowth(LocalDate.of(2028, 1, 1), 100_000, 0), 150e12, 0, 0);
        List<SeriesPoint> daily = projectDaily(p);

        assertThat(daily).hasSize(366);
        double before = valueOn(daily, LocalDate.of(2028, 4, 16));
        assertThat(before).isEqualTo(hashpriceUsdPerPhDay(100_000, 150e12, 3.125, 0));
        assertThat(valueOn(daily, LocalDate.of(2028, 1, 1))).isEqualTo(before);
        assertThat(valueOn(daily, LocalDate.of(2028, 4, 18))).isEqualTo(before / 2);
        assertThat(valueOn(daily, LocalDate.of(2028, 12, 31))).isEqualTo(before / 2);
        // on the halving day (08:09 UTC) the subsidy part is the time-weighted blend
        assertThat(valueOn(daily, LocalDate.of(2028, 4, 17)))
                .isCloseTo(before * (489 + 951 * 0.5) / 1440, within(1e-9));

        List<SeriesPoint> monthly = monthlyMeans(daily);
        assertThat(monthly).hasSize(12);
        assertThat(monthly.get(0).value()).isCloseTo(before, within(1e-9));
        assertThat(monthly.get(11).value()).isCloseTo(before / 2, within(1e-9));
        assertThat(monthly.get(3).intervalStart()).isEqualTo(Instant.parse("2028-04-01T00:00:00Z"));
    }

    @Test
    void projectionWithFeesHalvesOnlyTheSubsidyPart() {
        double fees = 0.1;
        HashpriceProjection p = new HashpriceProjection(LocalDate.of(2028, 4, 10), LocalDate.of(2028, 4, 25),
                d -> 80_000, 140e12, 0, fees);
        List<SeriesPoint> daily = projectDaily(p);
        double before = valueOn(daily, LocalDate.of(2028, 4, 16));
        double after = valueOn(daily, LocalDate.of(2028, 4, 18));
        assertThat(after / before).isCloseTo((1.5625 + fees) / (3.125 + fees), within(1e-12));
    }

    @Test
    void projectionWithDifficultyAndPriceGrowth() {
        LocalDate start = LocalDate.of(2026, 3, 1);
        HashpriceProjection p = new HashpriceProjection(start, LocalDate.of(2027, 3, 1),
                BtcPricePath.constantGrowth(start, 66_000, 0.10), 133.8e12, 0.02, 0.02);
        List<SeriesPoint> daily = projectDaily(p);
        assertThat(daily).hasSize(366);
        double first = daily.get(0).value();
        assertThat(first).isEqualTo(hashpriceUsdPerPhDay(66_000, 133.8e12, 3.125, 0.02));
        // 365 days later: price x 1.1^(365/365.25), difficulty x 1.02^(365 x 12 / 365.25)
        double expected = first * Math.pow(1.10, 365 / 365.25) / Math.pow(1.02, 365 * 12 / 365.25);
        assertThat(daily.get(365).value()).isCloseTo(expected, within(1e-9));
        // a step price path: each price holds until the next point
        BtcPricePath steps = BtcPricePath.steps(List.of(
                new SeriesPoint(Instant.parse("2026-03-01T00:00:00Z"), 60_000),
                new SeriesPoint(Instant.parse("2026-06-01T00:00:00Z"), 90_000)));
        assertThat(steps.priceUsdOn(LocalDate.of(2026, 1, 1))).isEqualTo(60_000);
        assertThat(steps.priceUsdOn(LocalDate.of(2026, 5, 31))).isEqualTo(60_000);
        assertThat(steps.priceUsdOn(LocalDate.of(2026, 6, 1))).isEqualTo(90_000);
    }

    static double valueOn(List<SeriesPoint> points, LocalDate day) {
        Instant t = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return points.stream().filter(p -> p.intervalStart().equals(t)).findFirst().orElseThrow().value();
    }
}
