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
import com.gridpivot.planning.result.PlanResult;
import org.junit.jupiter.api.Test;

/** AI contract terms through the request (models/PLANS.md, "AI contracts"): validation by JSON path, and the result's figures. */
class AiContractPlanTest {

    static ObjectNode json(String option, String contract) {
        return node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'discountRate': 0},
                 'site': {'name': 'contracts', 'interconnectMw': 20},
                 'aiOptions': [{'name': 'colo', %s, 'tenantPaysPower': true, 'capexUsdPerMw': 250000, 'leadTimeMonths': 0, 'maxItMw': 10,
                                'contract': {%s}}],
                 'finance': {'startingCashUsd': 3.0e6},
                 'startMonth': '2026-01', 'months': 3}""".formatted(Double.toString(D_STAR), option, contract));
    }

    /**
     * The hand-solved LP of AiContractRowsTest through the request: market 100 USD/kW-month (100,000 USD per MW-month), capex
     * 250,000 USD/MW, contract 120 USD/kW-month for 2 months, at most 4 MW, renewed at market, r = 0. Per MW started in
     * January: spot 3 × 100,000 − 250,000 = 50,000, contracted 2 × 120,000 + 100,000 − 250,000 = 90,000 → 4 MW contracted and
     * 6 spot, NPV 4 × 90,000 + 6 × 50,000 = 660,000 USD. January's contract figures: 4 × 120,000 = 480,000 USD billed.
     */
    @Test
    void theRequestsContractIsSignedAndReported() {
        PlanResult r = PlanEngine.optimize(problem(json("'colocationUsdPerKwMonth': 100", "'termMonths': 2, 'priceUsdPerKwMonth': 120, 'maxMw': 4")),
                RunControl.NONE);
        assertThat(r.npvUsd()).isCloseTo(660_000.0, within(1e-6));
        PlanResult.ContractMonth jan = r.monthly().get(0).aiContract();
        assertThat(jan.contractedStartedMw().get("colo")).isCloseTo(4.0, within(1e-9));
        assertThat(jan.contractedRevenueUsd()).isCloseTo(480_000.0, within(1e-6));
        assertThat(jan.contractedCashUsd()).isCloseTo(480_000.0, within(1e-6));
        assertThat(r.monthly().get(2).aiContract().contractedRevenueUsd()).isZero(); // renewed at market in March
        assertThat(r.monthly().get(2).aiRevenueUsd()).isCloseTo(1_000_000.0, within(1e-6)); // 10 MW × 100,000
        assertThat(r.decisions().aiContractedMw()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("colo");
            assertThat(s.month()).isEqualTo("2026-01");
            assertThat(s.amount()).isCloseTo(4.0, within(1e-9));
        });
        assertThat(r.totals().aiContractCashUsd()).isCloseTo(960_000.0, within(1e-6));
    }

    @Test
    void badContractTermsAreRefusedByPath() {
        refused(json("'revenueUsdPerMwh': 120", "'termMonths': 12, 'priceUsdPerKwMonth': 120"), "aiOptions[0].contract",
                "colocation option");
        refused(json("'colocationUsdPerKwMonth': 100", "'priceUsdPerKwMonth': 120"), "aiOptions[0].contract.termMonths", "required");
        refused(json("'colocationUsdPerKwMonth': 100", "'termMonths': 12, 'priceUsdPerGpuHour': 2"), "aiOptions[0].contract.priceUsdPerGpuHour",
                "colocation lease");
        refused(json("'colocationUsdPerKwMonth': 100", "'termMonths': 12, 'priceUsdPerKwMonth': 120, 'takeOrPayShare': 1.5"),
                "aiOptions[0].contract.takeOrPayShare", "at most 1");
        refused(json("'colocationUsdPerKwMonth': 100", "'termMonths': 12, 'priceUsdPerKwMonth': 120, 'rampMonths': 2, 'rampMwByMonth': [1, 2]"),
                "aiOptions[0].contract.rampMwByMonth", "not both");
        refused(json("'colocationUsdPerKwMonth': 100", "'termMonths': 12, 'priceUsdPerKwMonth': 120, 'rampMwByMonth': [5, 3]"),
                "aiOptions[0].contract.rampMwByMonth[1]", "does not fall");
        refused(json("'colocationUsdPerKwMonth': 100", "'termMonths': 12, 'priceUsdPerKwMonth': 120, 'afterTerm': 'SOMETIMES'"),
                "aiOptions[0].contract.afterTerm", "");
    }

    private static void refused(ObjectNode json, String field, String reason) {
        assertThatThrownBy(() -> problem(json)).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                .anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo(field);
                    assertThat(f.reason()).contains(reason);
                }));
    }
}
