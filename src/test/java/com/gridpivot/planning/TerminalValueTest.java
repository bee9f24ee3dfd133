package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.result.Evaluated;
import com.gridpivot.planning.result.PlanResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Terminal value at the horizon's end (models/PLANS.md, "Terminal value"), each method by hand on one fixed plan.
 *
 * <p>3 months from 2026-01, r = 0 (every δ = 1); a fleet of 1,000 machines of 100 TH/s at 3,000 W (3 MW, 30 J/TH), salvage 2
 * USD/TH = 2·10⁶/30 = 66,666.67 USD/MW, hashprice flat (no halving, ε's index 1, no degradation); a colocation option at 100
 * USD/kW-month (100,000 USD per MW-month), tenant pays power, no opex, capex 250,000 USD/MW, lead time 0; a contract at 120
 * USD/kW-month for 6 months. The fixed plan starts 10 MW in January, 4 of them contracted.
 * <ul>
 *   <li>mining (every method but NONE): the 3 MW kept at salvage, 3 × 66,666.67 = 200,000 USD.</li>
 *   <li>AI EBITDA of the last 12 months (the 3 there are, × 12/3): a month earns 6 × 100,000 + 4 × 120,000 = 1,080,000, so
 *       EBITDA₁₂ = 4 × 3 × 1,080,000 = 12,960,000 USD.</li>
 *   <li>EXIT_MULTIPLE 8: 8 × 12,960,000 = 103,680,000 USD. PERPETUITY g = −50 %, r = 0: × (1 − 0.5)/(0 + 0.5) = 1 →
 *       12,960,000 USD. CONTRACTED: the term's months 3, 4 and 5 lie beyond the horizon: 3 × 4 × 120,000 = 1,440,000 USD
 *       (the 6 spot MW have no contract: nothing).</li>
 * </ul>
 */
class TerminalValueTest {

    static ObjectNode json(String terminalValue) {
        return node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'asic': {'salvageUsdPerTh': 2}, 'discountRate': 0},
                 'site': {'name': 'tv', 'interconnectMw': 20},
                 'asicFleets': [{'name': 'S', 'units': 1000, 'hashrateThPerUnit': 100, 'powerWPerUnit': 3000}],
                 'aiOptions': [{'name': 'colo', 'colocationUsdPerKwMonth': 100, 'tenantPaysPower': true, 'capexUsdPerMw': 250000,
                                'leadTimeMonths': 0, 'maxItMw': 10, 'contract': {'termMonths': 6, 'priceUsdPerKwMonth': 120}}],
                 'finance': {'startingCashUsd': 3.0e6 %s},
                 'startMonth': '2026-01', 'months': 3}""".formatted(Double.toString(D_STAR), terminalValue));
    }

    static final FixedPlan PLAN = new FixedPlan("10 MW, 4 contracted", Map.of("colo|0", 10.0), Map.of(), Map.of(), Map.of(),
            Map.of("colo|0", 4.0));

    static Evaluated evaluate(String terminalValue) {
        Evaluated e = PlanEngine.evaluate(problem(json(terminalValue)), PLAN, RunControl.NONE);
        assertThat(e.outcome().status().name()).isEqualTo("OPTIMAL");
        return e;
    }

    @Test
    void eachMethodByHand() {
        Evaluated none = evaluate("");
        assertThat(none.values().terminalMiningUsd + none.values().terminalAiUsd).isZero();
        double horizon = none.values().objectiveUsd;
        Evaluated exit = evaluate(", 'terminalValue': {'method': 'EXIT_MULTIPLE', 'exitMultipleOfEbitda': 8}");
        assertThat(exit.values().terminalMiningUsd).isCloseTo(200_000.0, within(1e-6));
        assertThat(exit.values().terminalAiUsd).isCloseTo(103_680_000.0, within(1e-4));
        assertThat(exit.values().horizonNpvUsd()).isCloseTo(horizon, within(1e-6)); // the horizon's NPV is apart
        Evaluated perpetuity = evaluate(", 'terminalValue': {'method': 'PERPETUITY', 'perpetuityGrowthPerYear': -0.5}");
        assertThat(perpetuity.values().terminalAiUsd).isCloseTo(12_960_000.0, within(1e-4));
        assertThat(perpetuity.values().terminalMiningUsd).isCloseTo(200_000.0, within(1e-6));
        Evaluated contracted = evaluate(", 'terminalValue': {'method': 'CONTRACTED'}");
        assertThat(contracted.values().terminalAiUsd).isCloseTo(1_440_000.0, within(1e-6));
        assertThat(contracted.values().objectiveUsd).isCloseTo(horizon + 1_440_000.0 + 200_000.0, within(1e-4));
    }

    /**
     * The optimizer with CONTRACTED: every contract MW earns 120,000 a month for 6 months from its start whatever the
     * horizon, so the value of a contracted MW started in month k is 6 × 120,000 − 250,000 = 470,000 USD at any k (r = 0),
     * against a spot MW's (3 − k) × 100,000 − 250,000. The result reports the terminal value apart from npvUsd.
     */
    @Test
    void theResultShowsTheTerminalValueByUseApartFromTheHorizonNpv() {
        PlanResult r = PlanEngine.optimize(problem(json(", 'terminalValue': {'method': 'CONTRACTED'}")), RunControl.NONE);
        PlanResult.TerminalValueResult tv = r.terminalValue();
        assertThat(tv.method()).isEqualTo("CONTRACTED");
        assertThat(tv.byUseUsd().get("mining")).isCloseTo(200_000.0, within(1e-6));
        assertThat(tv.totalUsd()).isCloseTo(tv.byUseUsd().get("mining") + tv.byUseUsd().get("ai"), within(1e-9));
        assertThat(tv.npvWithTerminalValueUsd()).isCloseTo(r.npvUsd() + tv.totalUsd(), within(1e-6));
        assertThat(PlanEngine.optimize(problem(json("")), RunControl.NONE).terminalValue()).isNull();
    }

    @Test
    void badTerminalValuesAreRefusedByPath() {
        refused(", 'terminalValue': {'method': 'PERPETUITY', 'perpetuityGrowthPerYear': 0.0}", "finance.terminalValue.perpetuityGrowthPerYear");
        refused(", 'terminalValue': {'method': 'EXIT_MULTIPLE'}", "finance.terminalValue.exitMultipleOfEbitda");
        refused(", 'terminalValue': {'method': 'CONTRACTED', 'exitMultipleOfEbitda': 5}", "finance.terminalValue.exitMultipleOfEbitda");
        refused(", 'terminalValue': {'method': 'DCF'}", "finance.terminalValue.method");
    }

    private static void refused(String tv, String field) {
        assertThatThrownBy(() -> problem(json(tv))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo(field)));
    }

}
