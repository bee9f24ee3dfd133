package com.gridpivot.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared formulas against hand arithmetic. */
class FormulasTest {

    /** e = 3,125 W / 150 TH/s = 20.83 J/TH, 24e = 500: 50 USD/PH/day × 1000 / 500 = 100 USD/MWh, × (1 − 2 %) = 98. */
    @Test
    void miningRevenueAndMargin() {
        assertThat(Formulas.miningRevenueUsdPerMwh(0.02, 3125.0 / 150.0, 50.0)).isCloseTo(98.0, within(1e-9));
        // 98 − 40 × 1.1 − 2 = 52
        assertThat(Formulas.miningEnergyCostUsdPerMwh(40.0, 1.1)).isCloseTo(44.0, within(1e-12));
        assertThat(Formulas.miningMarginUsdPerMwh(98.0, 40.0, 1.1, 2.0)).isCloseTo(52.0, within(1e-12));
    }

    /** Prices summing to 60 USD/MWh over the hours, pue 1.2: 72 USD per MW; nothing when the tenant pays. */
    /** 87,600 USD per MW-year over a 744-hour month: 87,600 × 744 / 8760 = 7,440 USD per MW. */
    @Test
    void fixedOpexByMonth() {
        assertThat(Formulas.fixedOpexUsdPerMw(87_600.0, 744.0)).isCloseTo(7_440.0, within(1e-9));
        assertThat(Formulas.fixedOpexUsdPerMw(87_600.0, 0.0)).isZero();
    }

    @Test
    void aiEnergyCost() {
        assertThat(Formulas.aiEnergyCostUsdPerMw(false, 1.2, 60.0)).isCloseTo(72.0, within(1e-12));
        assertThat(Formulas.aiEnergyCostUsdPerMw(true, 1.2, 60.0)).isZero();
    }

    /** Spread over a 3-month lead: MW started in month 2 pay ⅓ in months 2, 3, 4; at start (or lead ≤ 1): all in month 2. */
    @Test
    void capexShareByMonth() {
        assertThat(Formulas.capexShare(false, 3, 2, 1)).isZero();
        assertThat(Formulas.capexShare(false, 3, 2, 2)).isEqualTo(1.0 / 3.0);
        assertThat(Formulas.capexShare(false, 3, 2, 4)).isEqualTo(1.0 / 3.0);
        assertThat(Formulas.capexShare(false, 3, 2, 5)).isZero();
        assertThat(Formulas.capexShare(true, 3, 2, 2)).isEqualTo(1.0);
        assertThat(Formulas.capexShare(true, 3, 2, 3)).isZero();
        assertThat(Formulas.capexShare(false, 1, 2, 2)).isEqualTo(1.0);
        List<String> paidInMonth4 = new ArrayList<>();
        Formulas.capexPaidIn(false, 3, 4, (k, share) -> paidInMonth4.add(k + ":" + share));
        assertThat(paidInMonth4).containsExactly("2:" + 1.0 / 3.0, "3:" + 1.0 / 3.0, "4:" + 1.0 / 3.0);
        List<Integer> atStart = new ArrayList<>();
        Formulas.capexPaidIn(true, 3, 4, (k, share) -> atStart.add(k));
        assertThat(atStart).containsExactly(4);
    }

    /** End of month 12 (m = 11) at 12 % a year: 1/1.12; end of month 1 (m = 0): 1.12^(−1/12). */
    @Test
    void discountFactor() {
        assertThat(Formulas.discountFactor(0.12, 11)).isCloseTo(1.0 / 1.12, within(1e-15));
        assertThat(Formulas.discountFactor(0.12, 0)).isCloseTo(Math.pow(1.12, -1.0 / 12.0), within(1e-15));
        assertThat(Formulas.discountFactor(0.0, 5)).isEqualTo(1.0);
    }

    /**
     * Capex paid at the start of month m counts from the month's start: δ⁰₀ = 1 (January's capex is not discounted at all),
     * δ⁰₁₂ = 1/1.12 at 12 % a year (the start of month 13 is the end of month 12), so δ⁰ₘ = δ_{m−1}.
     */
    @Test
    void startOfMonthDiscountFactor() {
        assertThat(Formulas.startOfMonthDiscountFactor(0.12, 0)).isEqualTo(1.0);
        assertThat(Formulas.startOfMonthDiscountFactor(0.12, 12)).isCloseTo(1.0 / 1.12, within(1e-15));
        assertThat(Formulas.startOfMonthDiscountFactor(0.12, 5)).isEqualTo(Formulas.discountFactor(0.12, 4));
    }

    /**
     * Colocation at 121 USD/kW-month is 121 × 12,000 / 8760 = 165.753… USD/MWh; billed per month it brings 121,000 USD per MW
     * in February (672 h) as in January (744 h): 165.753… × 730. A GPU lease at 200 USD/MWh earns by the hour: 200 × 672 =
     * 134,400 in February.
     */
    @Test
    void colocationIsBilledPerMonth() {
        double perMwh = 121.0 * 12_000.0 / 8760.0;
        assertThat(Formulas.aiRevenueUsdPerMw(true, perMwh, 672.0)).isCloseTo(121_000.0, within(1e-9));
        assertThat(Formulas.aiRevenueUsdPerMw(true, perMwh, 744.0)).isCloseTo(121_000.0, within(1e-9));
        assertThat(Formulas.aiRevenueUsdPerMw(false, 200.0, 672.0)).isCloseTo(134_400.0, within(1e-9));
        assertThat(Formulas.aiBilledHours(true, 672.0)).isEqualTo(730.0);
    }
}
