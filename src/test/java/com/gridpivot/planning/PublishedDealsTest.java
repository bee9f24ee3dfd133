package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.result.Evaluated;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published colocation deals of issue 14 entered with their terms (../shared/DOMAIN.md, "How pivots are really written"),
 * valued per MW of IT as a plan: every MW signed in the first month, 12 months to completion, capex at the start, the tenant
 * pays power, r = 10 %, a 120-month horizon (the service's most) and terminal value CONTRACTED for the rest of the term. The
 * price per kW-month is the deal's value over its term and size: $8.7B / (144 × 500,000 kW) = 120.83, $3.7B / (120 ×
 * 200,000) = 154.17, $5.5B / (180 × 300,000) = 101.85. Capex per MW and opex are assumptions (models/PLANS.md, "Published
 * deals"). Value per MW = (horizon NPV + terminal value) / MW, by hand: −K (1 − κ) + Σ_{q<T} 1000 P δ_{12+q}.
 */
class PublishedDealsTest {

    record Deal(String name, double mw, double totalUsd, int termMonths, double capexUsdPerMw, double tenantCapexShare) {
        double priceUsdPerKwMonth() {
            return totalUsd / (termMonths * mw * 1000.0);
        }
    }

    static final Deal CORE_CW = new Deal("Core Scientific-CoreWeave", 500, 8.7e9, 144, 8.0e6, 196.4 / 244.5);
    static final Deal WULF_FLUID = new Deal("TeraWulf-Fluidstack", 200, 3.7e9, 120, 9.0e6, 0.0);
    static final Deal CIFR_AWS = new Deal("Cipher-AWS", 300, 5.5e9, 180, 10.0e6, 0.0);

    /** The plan's value of one deal: all its MW started and contracted in 2026-01. */
    static double valueUsd(Deal d) {
        var json = node("""
                {'scenario': {'btc': {'priceUsd': 90000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 40}, 'ai': {'colocationRateDeclinePerYear': 0.2}, 'discountRate': 0.1},
                 'site': {'name': 'deal', 'interconnectMw': %s},
                 'aiOptions': [{'name': 'deal', 'colocationUsdPerKwMonth': 100, 'tenantPaysPower': true, 'pue': 1.3,
                                'capexUsdPerMw': %s, 'leadTimeMonths': 12, 'maxItMw': %s,
                                'contract': {'termMonths': %s, 'priceUsdPerKwMonth': %s, 'tenantCapexShare': %s, 'afterTerm': 'NONE'}}],
                 'finance': {'creditLineUsd': 1.0e11, 'terminalValue': {'method': 'CONTRACTED'}},
                 'startMonth': '2026-01', 'months': 120}""".formatted(Double.toString(D_STAR), d.mw() * 1.3, d.capexUsdPerMw(), d.mw(),
                d.termMonths(), d.priceUsdPerKwMonth(), d.tenantCapexShare()));
        FixedPlan signed = new FixedPlan(d.name(), Map.of("deal|0", d.mw()), Map.of(), Map.of(), Map.of(), Map.of("deal|0", d.mw()));
        Evaluated e = PlanEngine.evaluate(problem(json), signed, RunControl.NONE);
        assertThat(e.outcome().status().name()).isEqualTo("OPTIMAL");
        return e.values().objectiveUsd;
    }

    /** −K (1 − κ) + Σ_{q<T} 1000 P (1.1)^−(12+q+1)/12 per MW: the same value by hand. */
    static double byHandPerMw(Deal d) {
        double v = -d.capexUsdPerMw() * (1.0 - d.tenantCapexShare());
        for (int q = 0; q < d.termMonths(); q++) {
            v += 1000.0 * d.priceUsdPerKwMonth() * Math.pow(1.1, -(12 + q + 1) / 12.0);
        }
        return v;
    }

    @Test
    void theDealsValuePerMwAsPlansAndByHand() {
        for (Deal d : new Deal[] {CORE_CW, WULF_FLUID, CIFR_AWS}) {
            double perMw = valueUsd(d) / d.mw();
            assertThat(perMw).as(d.name()).isCloseTo(byHandPerMw(d), within(1e-6 * Math.abs(perMw)));
            System.out.printf("%s: %.2f USD/kW-month, value %.3f M USD per MW%n", d.name(), d.priceUsdPerKwMonth(), perMw / 1e6);
        }
        assertThat(CORE_CW.priceUsdPerKwMonth()).isCloseTo(120.83, within(0.01));
        assertThat(WULF_FLUID.priceUsdPerKwMonth()).isCloseTo(154.17, within(0.01));
        assertThat(CIFR_AWS.priceUsdPerKwMonth()).isCloseTo(101.85, within(0.01));
    }
}
