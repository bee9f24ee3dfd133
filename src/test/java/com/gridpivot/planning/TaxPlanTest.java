package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.result.PlanResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Income tax in a plan (issue 15, item 3; models/PLANS.md "Taxes"), solved by hand.
 *
 * <p>The plan: no fleet, one AI option "flat" (120 USD/MWh, pue 1, energy 20 USD/MWh → margin 100 USD/MWh, no lead time),
 * 1 MW started in Nov 2026 (a fixed plan) at a capex of 250,000 USD; r = 0; starting cash 200,000 USD; four months
 * Nov 2026 – Feb 2027 of 720, 744, 744, 672 h → EBITDA 72,000, 74,400, 74,400, 67,200 USD (288,000 in all); tax years
 * 2026 (Nov, Dec) and 2027 (Jan, Feb).
 */
class TaxPlanTest {
    private static final double EPS = 1e-4;

    static ObjectNode json(String finance) {
        ObjectNode json = PlanModelTest.base(0);
        json.remove("asicFleets");
        json.put("months", 4);
        json.put("startMonth", "2026-11");
        ((ObjectNode) json.get("aiOptions").get(0)).put("capexUsdPerMw", 250_000).put("maxItMw", 1);
        json.set("finance", node(finance));
        return json;
    }

    /** The fixed plan "1 MW in Nov", evaluated (the comparison's third answer). */
    static PlanResult oneMw(String finance) {
        FixedPlan one = new FixedPlan("1 MW in Nov", Map.of(FixedPlan.key("flat", 0), 1.0), Map.of(), Map.of(), Map.of());
        return PlanEngine.compare(problem(json(finance)), List.of(one), RunControl.NONE).plans().get(2);
    }

    /*
     * 21 %, the GPUs' capex fully expensed (bonusShare 1): 2026 deducts 250,000 → I_2026 = 72,000 + 74,400 − 250,000 =
     * −103,600, no tax, 103,600 carried; I_2027 = 74,400 + 67,200 = 141,600, less the 103,600 carried: tax 0.21 × 38,000 = 7,980,
     * paid at the end of Feb 2027 (the horizon's last month). NPV after tax (r = 0) = 288,000 − 250,000 − 7,980 = 30,020;
     * before tax 38,000. Without carry-forward the 2027 tax is 0.21 × 141,600 = 29,736: NPV 8,264.
     */
    @Test
    void aLossOfTheBuildYearIsUsedTheNextYear() {
        PlanResult r = oneMw("{'startingCashUsd': 200000, 'tax': {'incomeTaxRateShare': 0.21, 'depreciation': {'gpus': {'bonusShare': 1}}}}");
        assertThat(r.status()).isEqualTo("OPTIMAL");
        PlanResult.PlanTaxResult tax = r.tax();
        assertThat(tax.years()).hasSize(2);
        PlanResult.TaxYear y26 = tax.years().get(0);
        PlanResult.TaxYear y27 = tax.years().get(1);
        assertThat(y26.year()).isEqualTo(2026);
        assertThat(y26.paidMonth()).isEqualTo("2026-12");
        assertThat(y26.depreciationByClassUsd().get("gpus")).isCloseTo(250_000, within(EPS));
        assertThat(y26.taxableIncomeUsd()).isCloseTo(-103_600, within(EPS));
        assertThat(y26.taxUsd()).isCloseTo(0.0, within(EPS));
        assertThat(y26.lossStockEndUsd()).isCloseTo(103_600, within(EPS));
        assertThat(y27.paidMonth()).isEqualTo("2027-02");
        assertThat(y27.taxableIncomeUsd()).isCloseTo(141_600, within(EPS));
        assertThat(y27.lossUsedUsd()).isCloseTo(103_600, within(EPS));
        assertThat(y27.lossStockEndUsd()).isCloseTo(0.0, within(EPS));
        assertThat(y27.taxUsd()).isCloseTo(7_980, within(EPS));
        assertThat(tax.taxByMonthUsd()).hasSize(4);
        assertThat(tax.taxByMonthUsd().get(3)).isCloseTo(7_980, within(EPS));
        assertThat(tax.taxByMonthUsd().get(1)).isCloseTo(0.0, within(EPS));
        assertThat(r.npvUsd()).isCloseTo(30_020, within(EPS));
        assertThat(tax.npvAfterTaxUsd()).isCloseTo(30_020, within(EPS));
        assertThat(tax.npvBeforeTaxUsd()).isCloseTo(38_000, within(EPS));
        assertThat(r.monthly().get(3).cashFlowUsd()).isCloseTo(67_200 - 7_980, within(EPS));
        assertThat(r.summary()).startsWith("NPV 30,020 USD after tax (38,000 USD before tax; 7,980 USD of income tax paid)");

        PlanResult lost = oneMw("{'startingCashUsd': 200000, 'tax': {'incomeTaxRateShare': 0.21, 'lossCarryForward': false,"
                + " 'depreciation': {'gpus': {'bonusShare': 1}}}}");
        assertThat(lost.tax().years().get(1).taxUsd()).isCloseTo(29_736, within(EPS));
        assertThat(lost.tax().years().get(1).lossStockEndUsd()).isNull();
        assertThat(lost.npvUsd()).isCloseTo(8_264, within(EPS));
    }

    /*
     * The What-if → plan bridge of the optimum (the same 1 MW in Nov: 100 USD/MWh over 2,880 h beats 250,000 of capex): its last
     * steps split the plan's after-tax objective into "financing costs" (0: no priced source) and "income tax" (−7,980, r = 0).
     */
    @Test
    void theBridgeShowsTheIncomeTaxAsItsOwnStep() {
        PlanResult r = PlanEngine.optimize(problem(json("{'startingCashUsd': 200000, 'tax': {'incomeTaxRateShare': 0.21,"
                + " 'depreciation': {'gpus': {'bonusShare': 1}}}}")), RunControl.NONE, true);
        assertThat(r.npvUsd()).isCloseTo(30_020, within(EPS));
        var b = r.bridge();
        assertThat(b).as("warnings: %s", r.warnings()).isNotNull();
        var steps = b.steps();
        assertThat(steps.get(steps.size() - 1).name()).isEqualTo("income tax");
        assertThat(steps.get(steps.size() - 1).usd()).isCloseTo(-7_980, within(EPS));
        assertThat(steps.get(steps.size() - 2).name()).isEqualTo("financing costs");
        assertThat(steps.get(steps.size() - 2).usd()).isCloseTo(0.0, within(EPS));
        assertThat(Math.abs(b.residualUsd())).isLessThan(1e-6);
    }

    /* Off by default: no tax block, the numbers of before (NPV 288,000 − 250,000 = 38,000) and no tax section. */
    @Test
    void noTaxBlockNoTax() {
        PlanResult r = oneMw("{'startingCashUsd': 200000}");
        assertThat(r.tax()).isNull();
        assertThat(r.npvUsd()).isCloseTo(38_000, within(EPS));
        assertThat(r.summary()).doesNotContain("tax");
    }

    /** Every invalid field is a 400 naming its path. */
    @Test
    void invalidTaxFieldsAreNamed() {
        String[][] cases = {
                {"{'tax': {}}", "finance.tax.incomeTaxRateShare"},
                {"{'tax': {'incomeTaxRateShare': 21}}", "finance.tax.incomeTaxRateShare"},
                {"{'tax': {'incomeTaxRateShare': 0.21, 'depreciation': {'asics': {'schedule': 'MACRS_5', 'lifeYears': 5}}}}",
                        "finance.tax.depreciation.asics.lifeYears"},
                {"{'tax': {'incomeTaxRateShare': 0.21, 'depreciation': {'gpus': {'schedule': 'MACRS_9'}}}}", "finance.tax.depreciation.gpus.schedule"},
                {"{'tax': {'incomeTaxRateShare': 0.21, 'depreciation': {'buildings': {'lifeYears': 0}}}}",
                        "finance.tax.depreciation.buildings.lifeYears"},
                {"{'tax': {'incomeTaxRateShare': 0.21, 'depreciation': {'asics': {'bonusShare': 1.5}}}}", "finance.tax.depreciation.asics.bonusShare"},
                {"{'tax': {'incomeTaxRateShare': 0.21, 'buildingsShareOfAiCapex': -0.1}}", "finance.tax.buildingsShareOfAiCapex"},
                {"{'tax': {'incomeTaxRateShare': 0.21, 'lossCarryForward': false, 'openingLossUsd': 1000}}", "finance.tax.openingLossUsd"},
                {"{'tax': {'incomeTaxRateShare': 0.21, 'lossUseLimitShare': 2}}", "finance.tax.lossUseLimitShare"},
                {"{'treasuryBtc': 10, 'tax': {'incomeTaxRateShare': 0.21}}", "finance.tax.btcCostBasisUsdPerBtc"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> problem(json(c[0]))).as(c[0]).isInstanceOf(InvalidRequestException.class).hasMessageContaining(c[1]);
        }
    }
}
