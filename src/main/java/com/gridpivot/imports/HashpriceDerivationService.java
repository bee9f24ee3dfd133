package com.gridpivot.imports;

import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.marketdata.HashpriceEngine;
import com.gridpivot.marketdata.ImportIssue;
import com.gridpivot.marketdata.ImportedSeries;
import com.gridpivot.marketdata.SeriesKind;
import com.gridpivot.marketdata.SeriesPoint;
import com.gridpivot.persistence.ImportBatchInfo;
import com.gridpivot.persistence.SeriesService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives daily hashprice (USD/PH/day) from the stored daily BTC price, difficulty and fees (series key {@code BTC})
 * with {@link HashpriceEngine#derivedDaily(List, List, List)} and stores it as series {@code HASHPRICE/derived}.
 * Days without a fee value are derived with zero fees and counted. Deriving again adds nothing.
 */
@ApplicationScoped
public class HashpriceDerivationService {
    /** The key the inputs are stored under. */
    public static final String INPUT_KEY = "BTC";
    /** The key of the derived series. */
    public static final String DERIVED_KEY = "derived";

    @Inject
    SeriesService series;

    @Inject
    ImportBatches batches;

    /**
     * Derives and stores the days in [from, to) (null: open) that have both a BTC price and a difficulty.
     *
     * @throws com.gridpivot.errors.NotFoundException when the BTC price or the difficulty series is not stored
     * @throws InvalidRequestException naming {@code from} when no day of the range has both inputs
     */
    @Transactional
    public HashpriceDerivation derive(Instant from, Instant to, String caller) {
        List<SeriesPoint> price = series.read(SeriesKind.BTC_PRICE, INPUT_KEY, from, to);
        List<SeriesPoint> difficulty = series.read(SeriesKind.DIFFICULTY, INPUT_KEY, from, to);
        List<SeriesPoint> fees = series.find(SeriesKind.FEES_BTC_PER_DAY, INPUT_KEY).isPresent()
                ? series.read(SeriesKind.FEES_BTC_PER_DAY, INPUT_KEY, from, to) : List.of();

        Map<LocalDate, Double> feeByDay = new HashMap<>();
        fees.forEach(p -> feeByDay.put(day(p.intervalStart()), p.value()));
        Set<LocalDate> difficultyDays = new HashSet<>();
        difficulty.forEach(p -> difficultyDays.add(day(p.intervalStart())));
        List<SeriesPoint> feesOrZero = new ArrayList<>();
        int withoutFees = 0;
        for (SeriesPoint p : price) {
            LocalDate d = day(p.intervalStart());
            if (!difficultyDays.contains(d)) {
                continue;
            }
            Double f = feeByDay.get(d);
            if (f == null) {
                withoutFees++;
                f = 0.0;
            }
            feesOrZero.add(new SeriesPoint(d.atStartOfDay(ZoneOffset.UTC).toInstant(), f));
        }
        List<SeriesPoint> hashprice = feesOrZero.isEmpty() ? List.of()
                : HashpriceEngine.derivedDaily(price, difficulty, feesOrZero);
        if (hashprice.isEmpty()) {
            throw new InvalidRequestException("from", "no day in the range has both a stored BTC price and a difficulty");
        }
        List<ImportIssue> issues = new ArrayList<>();
        if (withoutFees > 0) {
            issues.add(new ImportIssue(ImportIssue.Severity.WARNING, null, "FEES_MISSING", withoutFees + " of "
                    + hashprice.size() + " days have no FEES_BTC_PER_DAY/" + INPUT_KEY + " value and were derived with zero fees"));
        }
        String source = "HashpriceEngine.derivedDaily from BTC_PRICE/BTC, DIFFICULTY/BTC, FEES_BTC_PER_DAY/BTC (0 on "
                + withoutFees + " days without fees)";
        ImportedSeries derived = new ImportedSeries(SeriesKind.HASHPRICE, DERIVED_KEY, Duration.ofDays(1), hashprice, source);
        ImportBatchInfo info = new ImportBatchInfo("DERIVED", source, null, hashprice.size(), null, caller);
        ImportReport report = batches.store(List.of(derived), issues, info);
        return new HashpriceDerivation(report, hashprice.size(), withoutFees, day(hashprice.get(0).intervalStart()),
                day(hashprice.get(hashprice.size() - 1).intervalStart()));
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
