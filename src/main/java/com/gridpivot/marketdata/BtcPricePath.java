package com.gridpivot.marketdata;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A BTC price scenario: the USD price of one BTC on each day, for {@link HashpriceEngine#projectDaily}. */
@FunctionalInterface
public interface BtcPricePath {

    /** The BTC price in USD on {@code date}. */
    double priceUsdOn(LocalDate date);

    /**
     * A price growing (or falling) at a constant annual rate, compounded daily:
     * {@code startPriceUsd × (1 + annualGrowth)^(days since startDate / 365.25)}.
     *
     * @param annualGrowth e.g. 0.20 for +20 %/year, −0.3 for −30 %/year, 0 for a flat price
     */
    static BtcPricePath constantGrowth(LocalDate startDate, double startPriceUsd, double annualGrowth) {
        if (!(startPriceUsd > 0) || !(annualGrowth > -1)) {
            throw new IllegalArgumentException("need a positive start price and growth > -100%");
        }
        return date -> startPriceUsd * Math.pow(1 + annualGrowth,
                ChronoUnit.DAYS.between(startDate, date) / 365.25);
    }

    /**
     * A path given as (date, price) points: each price holds until the next point; days before the first point
     * use the first price. Points are read at their UTC date.
     */
    static BtcPricePath steps(List<SeriesPoint> pricesUsd) {
        if (pricesUsd.isEmpty()) {
            throw new IllegalArgumentException("empty price path");
        }
        TreeMap<LocalDate, Double> byDate = new TreeMap<>();
        for (SeriesPoint p : pricesUsd) {
            if (!(p.value() > 0)) {
                throw new IllegalArgumentException("price must be positive: " + p);
            }
            byDate.put(p.intervalStart().atZone(ZoneOffset.UTC).toLocalDate(), p.value());
        }
        return date -> {
            Map.Entry<LocalDate, Double> e = byDate.floorEntry(date);
            return e != null ? e.getValue() : byDate.firstEntry().getValue();
        };
    }
}
