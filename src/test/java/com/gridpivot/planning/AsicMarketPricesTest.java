package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.RunControl;
import com.gridpivot.lp.rows.CashCategory;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.Evaluated;
import com.gridpivot.planning.result.PlanResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 5: ASIC prices per TH/s follow hashprice, (h̄ₘ/h̄₀)^ε, and fleets lose a share of their hashrate a year
 * (models/PLANS.md, "ASIC prices and hashprice").
 *
 * <p>A plan across the 2028 halving (estimated 2028-04-17 08:09 UTC): March, April, May 2028 (744, 720, 744 h). BTC 50,000
 * USD flat, fees 0, difficulty D* flat: hashprice 50 USD/PH/day before the halving, 25 after (April's 17th is a blend).
 * Fleet "S21": 1,600 × 150 TH/s × 3,125 W → 5 MW, e = 20.833 J/TH, 48,000 TH/s per MW; revenue 100 USD/MWh before the
 * halving, 50 after; energy 20 USD/MWh → margin 80, then 30. Salvage 20 USD/TH in March → σ = 20 × 48,000 = 960,000 USD/MW.
 * r = 0. h̄_Mar = 50, h̄_May = 25 → index_May = 0.5^0.678 = 0.625031 (a 37.5 % cut of the salvage).
 */
class AsicMarketPricesTest {
    private static final double INDEX_MAY = Math.pow(0.5, 0.678); // 0.62503115

    static PlanProblem halving(String asicExtra) {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'discountRate': 0,
                              'asic': {'salvageUsdPerTh': 20%s}},
                 'site': {'name': 'tiny', 'interconnectMw': 10},
                 'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125}],
                 'startMonth': '2028-03', 'months': 3}""".formatted(Double.toString(D_STAR), asicExtra)));
    }

    static FixedPlan retireAllIn(int month) {
        return new FixedPlan("retire in " + month, Map.of(), Map.of(FixedPlan.key("S21", month), 5.0), Map.of(), Map.of());
    }

    static Evaluated evaluate(PlanProblem p, FixedPlan f) {
        Evaluated e = PlanEngine.evaluate(p, f, RunControl.NONE);
        assertThat(e.outcome().status()).isEqualTo(LpStatus.OPTIMAL);
        return e;
    }

    /* index_Mar = 1; index_May = 0.5^0.678 = 0.625031; April (50 on 16 days, the blend on the 17th, 25 on 13) in between. */
    @Test
    void theIndexFollowsTheMonthsMeanHashpriceAcrossTheHalving() {
        PlanProblem p = halving("");
        assertThat(p.months().get(0).meanHashpriceUsdPerPhDay()).isCloseTo(50.0, within(1e-9));
        assertThat(p.months().get(2).meanHashpriceUsdPerPhDay()).isCloseTo(25.0, within(1e-9));
        assertThat(p.fleets().get(0).priceIndex(0)).isEqualTo(1.0);
        assertThat(p.fleets().get(0).priceIndex(2)).isCloseTo(0.625031, within(1e-6));
        double hApr = p.months().get(1).meanHashpriceUsdPerPhDay();
        assertThat(hApr).isBetween(25.0 + 13.0 / 30 * 25, 25.0 + 17.0 / 30 * 25); // 16–17 days at 50 of 30
        assertThat(p.fleets().get(0).priceIndex(1)).isCloseTo(Math.pow(hApr / 50.0, 0.678), within(1e-12));
    }

    /*
     * Retiring the 5 MW at the start of May: salvage 5 × 960,000 × 0.625031 = 3,000,149.53 USD with ε = 0.678 (the default),
     * 5 × 960,000 = 4,800,000 with ε = 0 (the prices before issue 14): the halving cuts it by 1,799,850.47 (37.5 %). The
     * mining of March and April is the same, so the NPVs differ by exactly that. In March the salvage is 4,800,000 either way.
     */
    @Test
    void aHalvingCutsTheSalvage() {
        Evaluated fitted = evaluate(halving(""), retireAllIn(2));
        Evaluated fixedPrices = evaluate(halving(", 'priceElasticity': 0"), retireAllIn(2));
        assertThat(fitted.values().category(2, CashCategory.ASIC_SALVAGE)).isCloseTo(3_000_149.53, within(0.01));
        assertThat(fixedPrices.values().category(2, CashCategory.ASIC_SALVAGE)).isCloseTo(4_800_000.0, within(1e-6));
        assertThat(fixedPrices.values().objectiveUsd - fitted.values().objectiveUsd).isCloseTo(1_799_850.47, within(0.01));
        assertThat(evaluate(halving(""), retireAllIn(0)).values().category(0, CashCategory.ASIC_SALVAGE))
                .isCloseTo(4_800_000.0, within(1e-6));
    }

    /*
     * The optimizer sells before the halving when the salvage falls with it. Per MW: retire in March 960,000; keep to May:
     * mining March 80 × 744 = 59,520 + April (16 days × 24 h × 80 + the 17th + 13 × 24 × 30) ≈ 41,208 + salvage 960,000 ×
     * 0.625031 = 600,030 → ≈ 700,757 < 960,000: R[Mar] = 5, NPV = 4,800,000. With ε = 0 the salvage stays 960,000, so it
     * mines March and April and retires at the start of May (May's mining, 30 × 744 = 22,320 per MW, is worth less than
     * nothing more: the salvage is the same later, and r = 0, but the horizon ends with May).
     */
    @Test
    void theOptimizerRetiresBeforeTheHalvingWhenSalvageFollowsHashprice() {
        PlanResult fitted = PlanEngine.optimize(halving(""), RunControl.NONE);
        assertThat(fitted.status()).isEqualTo("OPTIMAL");
        assertThat(fitted.npvUsd()).isCloseTo(4_800_000.0, within(1e-3));
        assertThat(fitted.monthly().get(0).asicSalvageUsd()).isCloseTo(4_800_000.0, within(1e-3));
        assertThat(fitted.monthly().get(2).asicPriceIndex()).isCloseTo(0.625031, within(1e-6));
        PlanResult fixedPrices = PlanEngine.optimize(halving(", 'priceElasticity': 0"), RunControl.NONE);
        assertThat(fixedPrices.monthly().get(0).asicSalvageUsd()).isCloseTo(0.0, within(1e-6));
        assertThat(fixedPrices.monthly().get(2).asicSalvageUsd()).isCloseTo(4_800_000.0, within(1e-3));
        assertThat(fixedPrices.monthly().get(2).asicPriceIndex()).isEqualTo(1.0);
    }

    /*
     * Degradation d = 12 %/year: the fleet delivers 0.88^(m/12) of its TH/s: month 0 1, month 1 0.989404, month 2 0.978920.
     * March's mining revenue is 5 × 100 × 744 = 372,000 either way; April's is × 0.989404; the May salvage, sold by the TH the
     * machines still make, is 3,000,149.53 × 0.978920 = 2,936,905.77.
     */
    @Test
    void degradationCutsRevenueAndTheSalvageOfUsedMachines() {
        Evaluated plain = evaluate(halving(""), retireAllIn(2));
        Evaluated worn = evaluate(halving(", 'efficiencyDegradationPerYear': 0.12"), retireAllIn(2));
        assertThat(worn.values().category(0, CashCategory.MINING_REVENUE)).isCloseTo(372_000.0, within(1e-6));
        assertThat(plain.values().category(0, CashCategory.MINING_REVENUE)).isCloseTo(372_000.0, within(1e-6));
        assertThat(worn.values().category(1, CashCategory.MINING_REVENUE) / plain.values().category(1, CashCategory.MINING_REVENUE))
                .isCloseTo(0.989404, within(1e-6));
        assertThat(worn.values().category(2, CashCategory.ASIC_SALVAGE)).isCloseTo(2_936_905.77, within(0.01));
    }
}
