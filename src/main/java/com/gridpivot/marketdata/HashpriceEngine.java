package com.gridpivot.marketdata;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Bitcoin mining economics: block subsidy, expected BTC per TH/s per day, hashprice (USD per PH/s per day),
 * shutdown price, block-height estimation by date, derived daily hashprice series and forward projections.
 * Formulas as in DOMAIN.md; all static and side-effect free.
 *
 * <p>Block times: the four past halvings are taken at their actual times (so subsidies of past days are exact);
 * from block 840,000 (anchored at 2024-04-20 00:09 UTC) onward blocks are estimated at 144 per day (10 minutes),
 * which puts block 1,050,000 (the 2028 halving) at 2028-04-17 08:09 UTC.
 */
public final class HashpriceEngine {

    public static final long SATS_PER_BTC = 100_000_000L;
    public static final long INITIAL_SUBSIDY_SATS = 50 * SATS_PER_BTC;
    public static final long HALVING_INTERVAL_BLOCKS = 210_000L;
    public static final int BLOCKS_PER_DAY = 144;
    public static final Duration BLOCK_INTERVAL = Duration.ofMinutes(10);
    /** The anchor of the block-time estimate: block 840,000 (the 2024 halving). */
    public static final long ANCHOR_HEIGHT = 840_000L;
    public static final Instant ANCHOR_TIME = Instant.parse("2024-04-20T00:09:00Z");
    /** The 2028 halving. */
    public static final long NEXT_HALVING_HEIGHT = 1_050_000L;

    private static final double TWO_POW_32 = 4_294_967_296.0;
    private static final double SECONDS_PER_DAY = 86_400.0;

    /** Actual times of past blocks (genesis and the halvings), for interpolation before the anchor. */
    private static final NavigableMap<Long, Instant> KNOWN_BLOCK_TIMES = new TreeMap<>(Map.of(
            0L, Instant.parse("2009-01-03T18:15:05Z"),
            210_000L, Instant.parse("2012-11-28T15:24:38Z"),
            420_000L, Instant.parse("2016-07-09T16:46:13Z"),
            630_000L, Instant.parse("2020-05-11T19:23:43Z"),
            ANCHOR_HEIGHT, ANCHOR_TIME));

    private HashpriceEngine() {
    }

    // ---- subsidy and revenue per hash -------------------------------------------------------------------------

    /** Block subsidy in satoshi at {@code height}: 50 BTC shifted right once per 210,000 blocks. */
    public static long subsidySatsAtHeight(long height) {
        if (height < 0) {
            throw new IllegalArgumentException("negative height " + height);
        }
        long halvings = height / HALVING_INTERVAL_BLOCKS;
        return halvings >= 64 ? 0 : INITIAL_SUBSIDY_SATS >> halvings;
    }

    /** Block subsidy in BTC at {@code height} (exact: computed in satoshi). */
    public static double subsidyBtcAtHeight(long height) {
        return subsidySatsAtHeight(height) / (double) SATS_PER_BTC;
    }

    /**
     * Expected BTC earned per TH/s of hashrate per day: 86,400 × 10^12 / (difficulty × 2^32) × (subsidy + fees).
     *
     * @param feesBtcPerBlock average transaction fees per block, BTC
     */
    public static double btcPerThDay(double difficulty, double subsidyBtc, double feesBtcPerBlock) {
        if (!(difficulty > 0)) {
            throw new IllegalArgumentException("difficulty must be positive: " + difficulty);
        }
        return SECONDS_PER_DAY * 1e12 / (difficulty * TWO_POW_32) * (subsidyBtc + feesBtcPerBlock);
    }

    /** Hashprice, USD per PH/s per day: {@link #btcPerThDay} × 1000 × BTC price. */
    public static double hashpriceUsdPerPhDay(double btcPriceUsd, double difficulty, double subsidyBtc,
                                              double feesBtcPerBlock) {
        return btcPerThDay(difficulty, subsidyBtc, feesBtcPerBlock) * 1000 * btcPriceUsd;
    }

    /** Network hashrate implied by difficulty at 10-minute blocks, TH/s: difficulty × 2^32 / 600 / 10^12. */
    public static double impliedHashrateThPerSecond(double difficulty) {
        return difficulty * TWO_POW_32 / 600 / 1e12;
    }

    /**
     * The BTC price at which a machine's daily revenue equals its daily power cost:
     * jPerTh × 24 / 1000 × usdPerKwh × pue ÷ {@link #btcPerThDay}.
     *
     * @param jPerTh               efficiency, J/TH (= W per TH/s)
     * @param electricityUsdPerKwh power price
     * @param pue                  facility overhead factor (1.0 = none)
     */
    public static double shutdownBtcPriceUsd(double jPerTh, double electricityUsdPerKwh, double pue,
                                             double difficulty, double subsidyBtc, double feesBtcPerBlock) {
        return powerCostUsdPerThDay(jPerTh, electricityUsdPerKwh, pue) / btcPerThDay(difficulty, subsidyBtc, feesBtcPerBlock);
    }

    /** True when a block pays anything (subsidy + fees > 0); otherwise no BTC price pays the power. */
    public static boolean paysBlockReward(double subsidyBtc, double feesBtcPerBlock) {
        return subsidyBtc + feesBtcPerBlock > 0.0;
    }

    /** Power cost of one TH/s for a day, USD: jPerTh × 24 / 1000 × usdPerKwh × pue. */
    public static double powerCostUsdPerThDay(double jPerTh, double electricityUsdPerKwh, double pue) {
        return jPerTh * 24 / 1000 * electricityUsdPerKwh * pue;
    }

    /**
     * Revenue per MWh of ASIC IT load: hashprice × 1000 / (24 × J/TH). E.g. an S21 (17.5 J/TH) at
     * 45 USD/PH/day earns about 107 USD/MWh.
     */
    public static double asicRevenueUsdPerMwh(double hashpriceUsdPerPhDay, double jPerTh) {
        return hashpriceUsdPerPhDay * 1000 / (24 * jPerTh);
    }

    // ---- block height by date ---------------------------------------------------------------------------------

    /**
     * Estimated block height at {@code time}: from the anchor at 144 blocks/day onward; before it, linear between
     * the actual times of genesis and the past halvings (so the halvings themselves are exact).
     */
    public static long estimatedHeightAt(Instant time) {
        if (!time.isBefore(ANCHOR_TIME)) {
            return ANCHOR_HEIGHT + Duration.between(ANCHOR_TIME, time).toMillis() / BLOCK_INTERVAL.toMillis();
        }
        Map.Entry<Long, Instant> lo = null;
        for (Map.Entry<Long, Instant> e : KNOWN_BLOCK_TIMES.entrySet()) {
            if (!e.getValue().isAfter(time)) {
                lo = e;
            }
        }
        if (lo == null) {
            return 0;
        }
        Map.Entry<Long, Instant> hi = KNOWN_BLOCK_TIMES.higherEntry(lo.getKey());
        double fraction = (double) Duration.between(lo.getValue(), time).toMillis()
                / Duration.between(lo.getValue(), hi.getValue()).toMillis();
        return lo.getKey() + (long) Math.floor(fraction * (hi.getKey() - lo.getKey()));
    }

    /** Estimated time of block {@code height} (actual for genesis and past halvings; see the class comment). */
    public static Instant estimatedTimeOfHeight(long height) {
        if (height >= ANCHOR_HEIGHT) {
            return ANCHOR_TIME.plus(BLOCK_INTERVAL.multipliedBy(height - ANCHOR_HEIGHT));
        }
        Map.Entry<Long, Instant> lo = KNOWN_BLOCK_TIMES.floorEntry(height);
        Map.Entry<Long, Instant> hi = KNOWN_BLOCK_TIMES.higherEntry(height);
        long span = Duration.between(lo.getValue(), hi.getValue()).toMillis();
        return lo.getValue().plusMillis(Math.round((double) span * (height - lo.getKey()) / (hi.getKey() - lo.getKey())));
    }

    /** Estimated time of the next halving after {@code time}. */
    public static Instant nextHalvingAfter(Instant time) {
        long next = (estimatedHeightAt(time) / HALVING_INTERVAL_BLOCKS + 1) * HALVING_INTERVAL_BLOCKS;
        return estimatedTimeOfHeight(next);
    }

    /** The subsidy in BTC of the block mined at {@code time} (estimated height). */
    public static double subsidyBtcAt(Instant time) {
        return subsidyBtcAtHeight(estimatedHeightAt(time));
    }

    /**
     * The time-weighted average subsidy of the UTC day {@code date}: equal to {@link #subsidyBtcAt} on ordinary
     * days; on a halving day a blend of the old and new subsidy by the share of the day before and after the
     * (estimated) halving time — e.g. 2024-04-20 (halving at 00:09) = 9/1440 × 6.25 + 1431/1440 × 3.125.
     */
    public static double averageSubsidyBtcOn(LocalDate date) {
        Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = start.plus(1, ChronoUnit.DAYS);
        Instant halving = nextHalvingAfter(start);
        if (!halving.isBefore(end)) {
            return subsidyBtcAt(start);
        }
        double before = Duration.between(start, halving).toMillis() / (double) Duration.ofDays(1).toMillis();
        return before * subsidyBtcAt(start) + (1 - before) * subsidyBtcAt(halving);
    }

    // ---- series -----------------------------------------------------------------------------------------------

    /**
     * Daily hashprice (USD/PH/day) derived from daily BTC price, difficulty and fees, with the subsidy of each
     * day ({@link #averageSubsidyBtcOn}). Fees are BTC per day, spread over 144 blocks. Only days present in all
     * three inputs are returned (points are matched by UTC date).
     *
     * @param btcPriceUsd    BTC price per day, USD
     * @param difficulty     difficulty per day
     * @param feesBtcPerDay  total transaction fees per day, BTC (may be empty for "no fees" — then every day of
     *                       price ∩ difficulty is returned with zero fees)
     */
    public static List<SeriesPoint> derivedDaily(List<SeriesPoint> btcPriceUsd, List<SeriesPoint> difficulty,
                                                 List<SeriesPoint> feesBtcPerDay) {
        TreeMap<LocalDate, Double> price = byDate(btcPriceUsd);
        TreeMap<LocalDate, Double> diff = byDate(difficulty);
        TreeMap<LocalDate, Double> fees = byDate(feesBtcPerDay);
        boolean noFees = feesBtcPerDay.isEmpty();
        List<SeriesPoint> out = new ArrayList<>();
        for (Map.Entry<LocalDate, Double> e : price.entrySet()) {
            LocalDate day = e.getKey();
            Double d = diff.get(day);
            Double f = noFees ? Double.valueOf(0) : fees.get(day);
            if (d == null || f == null || !(d > 0)) {
                continue;
            }
            double hp = hashpriceUsdPerPhDay(e.getValue(), d, averageSubsidyBtcOn(day), f / BLOCKS_PER_DAY);
            out.add(new SeriesPoint(day.atStartOfDay(ZoneOffset.UTC).toInstant(), hp));
        }
        return out;
    }

    /** {@link #derivedDaily(List, List, List)} for imported series (kinds BTC_PRICE, DIFFICULTY, FEES_BTC_PER_DAY). */
    public static ImportedSeries derivedDaily(ImportedSeries btcPriceUsd, ImportedSeries difficulty,
                                              ImportedSeries feesBtcPerDay) {
        require(btcPriceUsd, SeriesKind.BTC_PRICE);
        require(difficulty, SeriesKind.DIFFICULTY);
        require(feesBtcPerDay, SeriesKind.FEES_BTC_PER_DAY);
        return new ImportedSeries(SeriesKind.HASHPRICE, "BTC", Duration.ofDays(1),
                derivedDaily(btcPriceUsd.points(), difficulty.points(), feesBtcPerDay.points()),
                "derived from " + btcPriceUsd.source() + ", " + difficulty.source() + ", " + feesBtcPerDay.source());
    }

    /**
     * Daily forward projection of hashprice (USD/PH/day): price from the path, difficulty compounding per month,
     * constant fees per block, and the subsidy of each day — so the 2028 halving applies at its estimated date
     * (on the halving day itself the subsidy is the time-weighted blend, see {@link #averageSubsidyBtcOn}).
     */
    public static List<SeriesPoint> projectDaily(HashpriceProjection p) {
        List<SeriesPoint> out = new ArrayList<>();
        for (LocalDate day = p.startDate(); !day.isAfter(p.endDate()); day = day.plusDays(1)) {
            double months = ChronoUnit.DAYS.between(p.startDate(), day) * 12 / 365.25;
            double difficulty = p.startDifficulty() * Math.pow(1 + p.difficultyGrowthPerMonth(), months);
            double hp = hashpriceUsdPerPhDay(p.btcPricePath().priceUsdOn(day), difficulty,
                    averageSubsidyBtcOn(day), p.feesBtcPerBlock());
            out.add(new SeriesPoint(day.atStartOfDay(ZoneOffset.UTC).toInstant(), hp));
        }
        return out;
    }

    /** Monthly means (UTC calendar months; point at the month's first day 00:00 UTC) of daily points. */
    public static List<SeriesPoint> monthlyMeans(List<SeriesPoint> daily) {
        TreeMap<YearMonth, double[]> acc = new TreeMap<>();
        for (SeriesPoint p : daily) {
            double[] a = acc.computeIfAbsent(YearMonth.from(p.intervalStart().atZone(ZoneOffset.UTC)),
                    k -> new double[2]);
            a[0] += p.value();
            a[1]++;
        }
        List<SeriesPoint> out = new ArrayList<>();
        acc.forEach((m, a) -> out.add(new SeriesPoint(m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                a[0] / a[1])));
        return out;
    }

    private static TreeMap<LocalDate, Double> byDate(List<SeriesPoint> points) {
        TreeMap<LocalDate, Double> m = new TreeMap<>();
        points.forEach(p -> m.put(p.intervalStart().atZone(ZoneOffset.UTC).toLocalDate(), p.value()));
        return m;
    }

    private static void require(ImportedSeries s, SeriesKind kind) {
        if (s.kind() != kind) {
            throw new IllegalArgumentException("expected a " + kind + " series, got " + s.kind());
        }
    }
}
