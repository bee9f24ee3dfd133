package com.gridpivot.marketdata;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.gridpivot.marketdata.TestFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Derived hashprice (market-price, difficulty, transaction-fees/144, subsidy of the day) against blockchain.com's
 * own miners-revenue (USD/day) / hash-rate (TH/s) × 1000, over 2023-04-30 … 2024-04-27 (364 days).
 *
 * <p>Finding: the two agree within 5 % on 356 of 364 days; 8 days differ by 5–13.5 %. The cause is NOT a noisy
 * hashrate in the usual sense: blockchain.com's hash-rate is exactly (blocks found that day / 144) × the
 * difficulty-implied hashrate (verified below to 1e-6 blocks), so revenue/hash-rate cancels the luck in block
 * count for the subsidy. What remains is (1) fees: revenue divides the day's fees over the N blocks actually
 * found, the expected hashprice over 144 (matters on fee-heavy days such as 2024-04-20, Runes launch, 1,258 BTC
 * of fees), and (2) the USD price: revenue is valued over the day, while market-price is the price stamped at
 * 00:00 UTC. With fees/N and the mean of the day's and next day's market-price, only 2 days stay above 5 %:
 * 2023-11-12 (5.8 %) and 2024-02-11 (12.9 %, where revenue implies a BTC price of ~55,100 USD against
 * market-price 47,771 and neighbours 47,135 / 48,302 — a glitch in the source). The 5 % tolerance is kept; the
 * days above it are listed explicitly.
 */
class HashpriceBlockchainComCheckTest {

    private static final String BC = "btc/blockchaincom_2023_2024/";

    private static TreeMap<LocalDate, Double> load(String file) {
        ImportResult r = parse(ImportFormat.BTC_DAILY_CSV, BC + file, ImportOptions.defaults());
        assertThat(r.hasErrors()).isFalse();
        return only(r).points().stream().collect(Collectors.toMap(
                p -> p.intervalStart().atZone(ZoneOffset.UTC).toLocalDate(), SeriesPoint::value,
                (a, b) -> a, TreeMap::new));
    }

    private static final TreeMap<LocalDate, Double> PRICE = load("market-price.csv");
    private static final TreeMap<LocalDate, Double> DIFFICULTY = load("difficulty.csv");
    private static final TreeMap<LocalDate, Double> FEES = load("transaction-fees.csv");
    private static final TreeMap<LocalDate, Double> REVENUE = load("miners-revenue.csv");
    private static final TreeMap<LocalDate, Double> HASHRATE = load("hash-rate.csv");

    /** miners-revenue / hash-rate in USD per PH/s per day. */
    private static double reportedUsdPerPhDay(LocalDate d) {
        return REVENUE.get(d) / HASHRATE.get(d) * 1000;
    }

    private static Map<LocalDate, Double> derived() {
        List<SeriesPoint> pts = HashpriceEngine.derivedDaily(series(PRICE), series(DIFFICULTY), series(FEES));
        return pts.stream().collect(Collectors.toMap(p -> p.intervalStart().atZone(ZoneOffset.UTC).toLocalDate(),
                SeriesPoint::value, (a, b) -> a, TreeMap::new));
    }

    private static List<SeriesPoint> series(Map<LocalDate, Double> m) {
        List<SeriesPoint> out = new ArrayList<>();
        m.forEach((d, v) -> out.add(new SeriesPoint(d.atStartOfDay(ZoneOffset.UTC).toInstant(), v)));
        return out;
    }

    @Test
    void provenanceCrossCheckValues() {
        assertThat(reportedUsdPerPhDay(LocalDate.of(2023, 6, 1))).isCloseTo(73.8, within(0.05));
        assertThat(reportedUsdPerPhDay(LocalDate.of(2023, 12, 15))).isCloseTo(113.5, within(0.05));
        assertThat(reportedUsdPerPhDay(LocalDate.of(2024, 4, 19))).isCloseTo(109.5, within(0.05));
        Map<LocalDate, Double> derived = derived();
        assertThat(derived.get(LocalDate.of(2023, 6, 1))).isCloseTo(73.8, withinPercentage(5));
        assertThat(derived.get(LocalDate.of(2023, 12, 15))).isCloseTo(113.5, withinPercentage(5));
        assertThat(derived.get(LocalDate.of(2024, 4, 19))).isCloseTo(109.5, withinPercentage(5));
        // the values themselves (python3 over the raw CSVs): 71.99, 117.98, 104.44
        assertThat(derived.get(LocalDate.of(2023, 6, 1))).isCloseTo(71.99, within(0.01));
        assertThat(derived.get(LocalDate.of(2023, 12, 15))).isCloseTo(117.98, within(0.01));
        assertThat(derived.get(LocalDate.of(2024, 4, 19))).isCloseTo(104.44, within(0.01));
    }

    @Test
    void derivedAgreesWithin5PercentOnAllButEightListedDays() {
        Map<LocalDate, Double> derived = derived();
        assertThat(derived).hasSize(364); // market-price has one more day (2024-04-28) than the others

        List<LocalDate> beyond = new ArrayList<>();
        double worst = 0;
        for (Map.Entry<LocalDate, Double> e : derived.entrySet()) {
            double dev = Math.abs(e.getValue() / reportedUsdPerPhDay(e.getKey()) - 1);
            worst = Math.max(worst, dev);
            if (dev > 0.05) {
                beyond.add(e.getKey());
            }
        }
        assertThat(beyond).containsExactly(LocalDate.of(2023, 10, 20), LocalDate.of(2023, 12, 11),
                LocalDate.of(2024, 1, 8), LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 11),
                LocalDate.of(2024, 3, 19), LocalDate.of(2024, 4, 20), LocalDate.of(2024, 4, 23));
        assertThat(worst).isCloseTo(0.135, within(0.001)); // 2024-02-11
    }

    @Test
    void blockchainComHashRateIsBlocksFoundTimesImpliedHashrate() {
        for (LocalDate d : HASHRATE.keySet()) {
            double blocks = HASHRATE.get(d) / HashpriceEngine.impliedHashrateThPerSecond(DIFFICULTY.get(d)) * 144;
            assertThat(blocks).as(d.toString()).isCloseTo(Math.rint(blocks), within(1e-6));
            assertThat(blocks).isBetween(100.0, 200.0);
        }
    }

    @Test
    void withRealizedFeesPerBlockAndTheDaysMeanPriceOnlyTwoDaysStayAbove5Percent() {
        List<LocalDate> beyond = new ArrayList<>();
        for (LocalDate d : HASHRATE.keySet()) {
            double difficulty = DIFFICULTY.get(d);
            double blocks = Math.rint(HASHRATE.get(d) / HashpriceEngine.impliedHashrateThPerSecond(difficulty) * 144);
            double meanPrice = (PRICE.get(d) + PRICE.getOrDefault(d.plusDays(1), PRICE.get(d))) / 2;
            double hp = HashpriceEngine.hashpriceUsdPerPhDay(meanPrice, difficulty,
                    HashpriceEngine.averageSubsidyBtcOn(d), FEES.get(d) / blocks);
            if (Math.abs(hp / reportedUsdPerPhDay(d) - 1) > 0.05) {
                beyond.add(d);
            }
        }
        assertThat(beyond).containsExactly(LocalDate.of(2023, 11, 12), LocalDate.of(2024, 2, 11));
        // 2024-02-11: the BTC price implied by revenue / (blocks x subsidy + fees) is ~15 % above market-price
        LocalDate d = LocalDate.of(2024, 2, 11);
        double blocks = Math.rint(HASHRATE.get(d) / HashpriceEngine.impliedHashrateThPerSecond(DIFFICULTY.get(d)) * 144);
        double impliedPrice = REVENUE.get(d) / (blocks * 6.25 + FEES.get(d));
        assertThat(blocks).isEqualTo(137);
        assertThat(impliedPrice).isCloseTo(55_134, within(1.0));
        assertThat(PRICE.get(d)).isEqualTo(47_771.01, within(1.0));
    }

    @Test
    void importedSeriesOverloadKeepsKindAndProvenance() {
        ImportedSeries hp = HashpriceEngine.derivedDaily(
                only(parse(ImportFormat.BTC_DAILY_CSV, BC + "market-price.csv", ImportOptions.defaults())),
                only(parse(ImportFormat.BTC_DAILY_CSV, BC + "difficulty.csv", ImportOptions.defaults())),
                only(parse(ImportFormat.BTC_DAILY_CSV, BC + "transaction-fees.csv", ImportOptions.defaults())));
        assertThat(hp.kind()).isEqualTo(SeriesKind.HASHPRICE);
        assertThat(hp.points()).hasSize(364);
        assertThat(hp.points().get(0).intervalStart()).isEqualTo(Instant.parse("2023-04-30T00:00:00Z"));
        assertThat(hp.source()).contains("market-price.csv");
    }
}
