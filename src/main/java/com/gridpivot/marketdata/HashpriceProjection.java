package com.gridpivot.marketdata;

import java.time.LocalDate;

/**
 * Inputs of a forward hashprice projection ({@link HashpriceEngine#projectDaily}).
 *
 * @param startDate                first day (UTC)
 * @param endDate                  last day, inclusive
 * @param btcPricePath             BTC price in USD per day
 * @param startDifficulty          network difficulty on {@code startDate}
 * @param difficultyGrowthPerMonth e.g. 0.02 for +2 %/month, compounded smoothly per day
 *                                 ({@code (1+g)^(days × 12 / 365.25)})
 * @param feesBtcPerBlock          average transaction fees per block, BTC
 */
public record HashpriceProjection(LocalDate startDate, LocalDate endDate, BtcPricePath btcPricePath,
                                  double startDifficulty, double difficultyGrowthPerMonth, double feesBtcPerBlock) {
    public HashpriceProjection {
        if (startDate == null || endDate == null || endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("need startDate <= endDate");
        }
        if (btcPricePath == null || !(startDifficulty > 0) || !(difficultyGrowthPerMonth > -1)
                || !(feesBtcPerBlock >= 0)) {
            throw new IllegalArgumentException("need a price path, difficulty > 0, growth > -100%, fees >= 0");
        }
    }
}
