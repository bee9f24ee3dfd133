package com.gridpivot.risk;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.RunControl;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.risk.stochastic.StochasticEngine;
import com.gridpivot.risk.stochastic.StochasticProblem;
import com.gridpivot.risk.stochastic.StochasticResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hall blocks (issue 15 item 4) in the plan sweep and the stochastic plan: each point and the first stage in whole blocks. */
class PlanBlocksRiskTest {

    /*
     * PlanSweepTest.tiny with the AI built in blocks of 4 MW (maxItMw 10 → at most ⌊10/4⌋ = 2 blocks): 10 MW of interconnect,
     * a 5 MW fleet whose margin at BTC scale k is m = 100k − 20 USD/MWh, AI 100 USD/MWh, 2,160 h, r = 0.
     * Two blocks (8 MW AI, 2 MW mining): 2,160 (800 + 2m); one block (4 MW AI, 5 MW mining): 2,160 (400 + 5m); no AI: 2,160 · 5m.
     * Two beat one while 400 > 3m, i.e. m < 133.33 (k < 1.5333):
     *   k = 0.5: m = 30 → 2,160 · 860 = 1,857,600 (8 MW)      k = 1.0: m = 80 → 2,160 · 960 = 2,073,600 (8 MW)
     *   k = 1.5: m = 130 → 2,160 · 1,060 = 2,289,600 (8 MW)   k = 2.0: m = 180 → 2,160 · 1,300 = 2,808,000 (4 MW)
     * Without blocks the same points give 2,160,000, 2,160,000, 2,484,000, 3,024,000 (PlanSweepTest).
     */
    @Test
    void everySweepPointIsAMilpInWholeBlocks() {
        ObjectNode json = PlanSweepTest.tiny();
        ((ObjectNode) json.get("aiOptions").get(0)).put("blockMw", 4);
        PlanProblem p = problem(json);
        PlanSweepResult r = PlanSweepTest.run(PlanSweepTest.sweep(p, List.of(SweepInput.BTC_PRICE_SCALE),
                List.of(new double[] {0.5, 1.0, 1.5, 2.0}), List.of(), 0.5), 1);
        double[] npv = {1_857_600, 2_073_600, 2_289_600, 2_808_000};
        double[] ai = {8, 8, 8, 4};
        for (int k = 0; k < 4; k++) {
            PlanSweepPointResult pt = r.points().get(k);
            assertThat(pt.status()).isEqualTo(LpStatus.OPTIMAL);
            assertThat(pt.npvUsd()).as("NPV at point %d", k).isCloseTo(npv[k], within(1e-6 * npv[k]));
            assertThat(pt.aiItMwEnd()).as("AI MW at point %d", k).isCloseTo(ai[k], within(1e-6));
        }
    }

    /*
     * StochasticPlanTest.twoScenariosByHand with the AI in blocks of 2 MW (maxItMw 5 → at most 2 blocks, 4 MW):
     * E[NPV] = 167,400 + 920 x rises in x → x = 4: RP = 167,400 + 3,680 = 171,080.
     * EEV: the bull case alone converts nothing → 167,400, VSS = 3,680.
     * WS: bull x = 0 → 297,600; bear x = 4 → 111,600 + 12,080 · 4 = 159,920; 0.3 · 297,600 + 0.7 · 159,920 = 89,280 + 111,944
     * = 201,224 → EVPI = 201,224 − 171,080 = 30,144.
     */
    static PlanProblem oneMonth(double btcUsd) {
        return problem(node("""
                {'scenario': {'btc': {'priceUsd': %s, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'discountRate': 0},
                 'site': {'name': 'tiny', 'interconnectMw': 5},
                 'asicFleets': [{'name': 'S21', 'units': 1600, 'hashrateThPerUnit': 150, 'powerWPerUnit': 3125, 'pue': 1, 'poolFeeFraction': 0}],
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 120, 'tenantPaysPower': false, 'pue': 1, 'maxItMw': 5,
                                'capexUsdPerMw': 40000, 'leadTimeMonths': 0, 'blockMw': 2}],
                 'startMonth': '2026-01', 'months': 1}""".formatted(Double.toString(btcUsd), Double.toString(D_STAR))));
    }

    @Test
    void theStochasticPlansFirstStageStartsWholeBlocks() {
        StochasticProblem sp = new StochasticProblem(List.of("bull", "bear"), new double[] {0.3, 0.7},
                List.of(oneMonth(50_000), oneMonth(25_000)), 0, null);
        StochasticResult r = StochasticEngine.run(sp, RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.expectedNpvUsd()).isCloseTo(171_080.0, within(1e-3));
        assertThat(r.decisions()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo("aiStart");
            assertThat(d.amount()).isCloseTo(4.0, within(1e-6));
        });
        var v = r.valueMeasures();
        assertThat(v.eevUsd()).isCloseTo(167_400.0, within(1e-3));
        assertThat(v.vssUsd()).isCloseTo(3_680.0, within(1e-3));
        assertThat(v.wsUsd()).isCloseTo(201_224.0, within(1e-3));
        assertThat(v.evpiUsd()).isCloseTo(30_144.0, within(1e-3));
    }
}
