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

/** GPU life through the request (models/PLANS.md, "GPU life and refresh"): a refresh solved by hand, and validation by JSON path. */
public class GpuLifePlanTest {

    public static ObjectNode json(String option, String gpuLife) {
        return node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'discountRate': 0},
                 'site': {'name': 'gpus', 'interconnectMw': 20},
                 'aiOptions': [{'name': 'gpu', %s, 'tenantPaysPower': true, 'capexUsdPerMw': 3.0e6, 'leadTimeMonths': 0, 'maxItMw': 10
                                %s}],
                 'finance': {'startingCashUsd': 3.0e7},
                 'startMonth': '2026-01', 'months': 4}""".formatted(Double.toString(D_STAR), option,
                gpuLife == null ? "" : ", 'gpuLife': {" + gpuLife + "}"));
    }

    private static final String LEASE = "'leaseUsdPerGpuHour': 2.0, 'kwPerGpu': 1.0";

    /**
     * A GPU refresh through the request. Lease 2 USD/GPU-h at 1 kW per GPU = 2,000 USD per MWh of IT, billed by the hour:
     * per MW January 744 h × 2,000 = 1,488,000, February 1,344,000, March 1,488,000, April 1,440,000 USD. Capex 3,000,000
     * USD/MW of which GPUs 2,000,000 (decline 0), life 2/12 year = 2 months, residual 25 %, r = 0.
     * <ul>
     *   <li>A MW started in January earns January and February (2,832,000), sells its GPUs in March for 0.25 × 2,000,000 =
     *       500,000 and a refresh then costs 2,000,000 and earns March and April (2,928,000: +928,000, refreshed):
     *       −3,000,000 + 2,832,000 + 500,000 + 928,000 = 1,260,000 USD.</li>
     *   <li>Started in February: February and March 2,832,000, residual 500,000 in April, a refresh then −2,000,000 + 1,440,000
     *       &lt; 0 (retired): 332,000 USD. So all 10 MW start in January and are refreshed in March: NPV 12,600,000 USD; March
     *       shows 10 MW refreshed, 20,000,000 USD of refresh capex and 5,000,000 USD of residual value.</li>
     *   <li>Without gpuLife the same 10 MW earn all four months: 10 × (5,760,000 − 3,000,000) = 27,600,000 USD (as before).</li>
     * </ul>
     */
    @Test
    void aRefreshThroughTheRequest() {
        PlanResult r = PlanEngine.optimize(problem(json(LEASE,
                "'gpuLifeYears': %s, 'gpuCapexUsdPerMw': 2.0e6, 'residualValueShare': 0.25, 'gpuPriceDeclinePerYear': 0".formatted(2.0 / 12.0))),
                RunControl.NONE);
        assertThat(r.npvUsd()).isCloseTo(12_600_000.0, within(1e-3));
        assertThat(r.monthly().get(2).aiOnlineMw().get("gpu")).isCloseTo(10.0, within(1e-9));
        PlanResult.GpuLifeMonth mar = r.monthly().get(2).gpuLife();
        assertThat(mar.refreshedMw().get("gpu")).isCloseTo(10.0, within(1e-9));
        assertThat(mar.retiredMw().get("gpu")).isCloseTo(0.0, within(1e-9));
        assertThat(mar.refreshCapexUsd()).isCloseTo(20_000_000.0, within(1e-3));
        assertThat(mar.residualValueUsd()).isCloseTo(5_000_000.0, within(1e-3));
        assertThat(r.monthly().get(2).aiCapexUsd()).isCloseTo(20_000_000.0, within(1e-3));
        PlanResult retire = PlanEngine.optimize(problem(json(LEASE,
                "'gpuLifeYears': %s, 'gpuCapexUsdPerMw': 2.0e6, 'residualValueShare': 0.25, 'gpuPriceDeclinePerYear': 0, 'endOfLife': 'RETIRE'"
                        .formatted(2.0 / 12.0))), RunControl.NONE);
        // RETIRE: January 10 × (−3,000,000 + 2,832,000 + 500,000) = 3,320,000 (a February start is worth the same 332,000 per MW)
        assertThat(retire.npvUsd()).isCloseTo(3_320_000.0, within(1e-3));
        assertThat(PlanEngine.optimize(problem(json(LEASE, null)), RunControl.NONE).npvUsd()).isCloseTo(27_600_000.0, within(1e-3));
    }

    /**
     * The What-if → plan bridge of the refresh case names the GPU life as its own step (the What-if's GPUs never age) and
     * still sums exactly to the difference between the plan's NPV and the What-if at the first month.
     */
    @Test
    void theBridgeShowsTheGpuLifeAsAStep() {
        PlanResult r = PlanEngine.optimize(problem(json(LEASE,
                "'gpuLifeYears': %s, 'gpuCapexUsdPerMw': 2.0e6, 'residualValueShare': 0.25, 'gpuPriceDeclinePerYear': 0".formatted(2.0 / 12.0))),
                RunControl.NONE, true);
        PlanResult.WhatIfBridge b = r.bridge();
        assertThat(b).as("warnings: %s", r.warnings()).isNotNull();
        double sum = b.startUsd() + b.steps().stream().mapToDouble(PlanResult.WhatIfBridgeStep::usd).sum();
        assertThat(sum).isCloseTo(b.endUsd(), within(1e-6));
        assertThat(b.endUsd()).isCloseTo(12_600_000.0, within(1e-3));
        assertThat(b.steps()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("GPU life and refresh");
            assertThat(s.usd()).isNotZero();
        });
    }

    /**
     * A stochastic plan over one listed scenario of probability 1 is the plan: the refreshes are first-stage decisions and the
     * GPU cash is in each scenario's cash, so its expected NPV is the refresh case's 12,600,000 USD.
     */
    @Test
    void aStochasticPlanOfOneScenarioIsThePlan() {
        com.gridpivot.planning.input.PlanProblem p = problem(json(LEASE,
                "'gpuLifeYears': %s, 'gpuCapexUsdPerMw': 2.0e6, 'residualValueShare': 0.25, 'gpuPriceDeclinePerYear': 0".formatted(2.0 / 12.0)));
        var r = com.gridpivot.risk.stochastic.StochasticEngine.run(new com.gridpivot.risk.stochastic.StochasticProblem(
                java.util.List.of("base"), new double[] {1.0}, java.util.List.of(p), 0, null), RunControl.NONE);
        assertThat(r.expectedNpvUsd()).isCloseTo(12_600_000.0, within(1e-3));
    }

    @Test
    void badGpuLifeIsRefusedByPath() {
        refused(json("'colocationUsdPerKwMonth': 100", "'gpuLifeYears': 5, 'gpuCapexUsdPerMw': 1.0e6"), "aiOptions[0].gpuLife", "GPU-cloud");
        refused(json(LEASE, "'gpuCapexUsdPerMw': 1.0e6"), "aiOptions[0].gpuLife.gpuLifeYears", "required");
        refused(json(LEASE, "'gpuLifeYears': 0, 'gpuCapexUsdPerMw': 1.0e6"), "aiOptions[0].gpuLife.gpuLifeYears", "more than 0");
        refused(json(LEASE, "'gpuLifeYears': 5"), "aiOptions[0].gpuLife.gpuCapexUsdPerMw", "required");
        refused(json(LEASE, "'gpuLifeYears': 5, 'gpuCapexUsdPerMw': 4.0e6"), "aiOptions[0].gpuLife.gpuCapexUsdPerMw", "exceed");
        refused(json(LEASE, "'gpuLifeYears': 5, 'gpuCapexUsdPerMw': 1.0e6, 'residualValueShare': 1.5"),
                "aiOptions[0].gpuLife.residualValueShare", "at most 1");
        refused(json(LEASE, "'gpuLifeYears': 5, 'gpuCapexUsdPerMw': 1.0e6, 'residualValueShare': -0.1"),
                "aiOptions[0].gpuLife.residualValueShare", "negative");
        refused(json(LEASE, "'gpuLifeYears': 5, 'gpuCapexUsdPerMw': 1.0e6, 'endOfLife': 'SOMETIMES'"), "aiOptions[0].gpuLife.endOfLife", "");
        refused(json(LEASE, "'gpuLifeYears': 5, 'gpuCapexUsdPerMw': 1.0e6, 'hallLifeYears': 3"), "aiOptions[0].gpuLife.hallLifeYears", "outlive");
        refused(json(LEASE + ", 'contract': {'termMonths': 12, 'priceUsdPerGpuHour': 2}", "'gpuLifeYears': 5, 'gpuCapexUsdPerMw': 1.0e6"),
                "aiOptions[0].gpuLife", "contract");
    }

    private static void refused(ObjectNode json, String field, String reason) {
        assertThatThrownBy(() -> problem(json)).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                .anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo(field);
                    assertThat(f.reason()).contains(reason);
                }));
    }
}
