package com.gridpivot.imports;

import java.time.LocalDate;

/**
 * What a hashprice derivation stored.
 *
 * @param report          the batch's report (series HASHPRICE/derived, USD/PH/day, with the counts added/unchanged)
 * @param days            days derived (days with both a BTC price and a difficulty)
 * @param daysWithoutFees of those, days without a fee value, derived with zero fees
 * @param firstDay        the first day derived (UTC)
 * @param lastDay         the last day derived (UTC)
 */
public record HashpriceDerivation(ImportReport report, int days, int daysWithoutFees, LocalDate firstDay, LocalDate lastDay) {
}
