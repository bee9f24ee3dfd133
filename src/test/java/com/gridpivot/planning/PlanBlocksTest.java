package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.D_STAR;
import static com.gridpivot.planning.PlanTestSupport.node;
import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.RunControl;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.FixedPlanBody;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.Evaluated;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.planning.result.PlanResultBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hall blocks (issue 15 item 4): a plan whose LP relaxation starts a fraction of a block.
 *
 * <p>No fleets; AI "flat": 120 USD/MWh, pue 1, energy 20 USD/MWh flat → margin 100 USD/MWh, no capex, no opex, lead time 0,
 * r = 0. Site: most AI 10 MW, at most 6 MW started a month. Months 2026-01 (744 h), 02 (672 h), 03 (744 h): a MW started in
 * Jan earns 100 × 2,160 = 216,000 USD, one started in Feb 100 × 1,416 = 141,600 USD, in Mar 74,400 USD.
 * <ul>
 *   <li>Without blocks (the LP, and the LP relaxation with blocks of 4 MW): 6 MW in Jan (the monthly limit) and 4 in Feb (the
 *       10 MW limit) → 6 × 216,000 + 4 × 141,600 = 1,296,000 + 566,400 = 1,862,400 USD; in blocks 1.5 in Jan, 1 in Feb.</li>
 *   <li>Blocks of 4 MW: 2 blocks in Jan would be 8 > 6 MW; 3 blocks in all 12 > 10 MW. Best: 1 block in Jan, 1 in Feb →
 *       4 × 216,000 + 4 × 141,600 = 864,000 + 566,400 = 1,430,400 USD (1 in Jan and 1 in Mar: 1,161,600; 1 block: 864,000).</li>
 *   <li>maxBlocks 1: one block in Jan → 864,000 USD, and the relaxation is the same (Σ n ≤ 1 → at most 4 MW).</li>
 * </ul>
 */
class PlanBlocksTest {
    private static final double EPS = 1e-4;

    static ObjectNode json(String blocks) {
        return node("""
                {'scenario': {'btc': {'priceUsd': 50000, 'startDifficulty': %s, 'difficultyGrowthPerMonth': 0, 'feesBtcPerBlock': 0},
                              'energy': {'flatPriceUsdPerMwh': 20}, 'discountRate': 0},
                 'site': {'name': 'halls', 'interconnectMw': 20, 'maxAiItMw': 10, 'maxConversionMwPerMonth': 6},
                 'aiOptions': [{'name': 'flat', 'revenueUsdPerMwh': 120, 'leadTimeMonths': 0 %s}],
                 'startMonth': '2026-01', 'months': 3}""".formatted(Double.toString(D_STAR), blocks));
    }

    static double started(PlanResult r, int m) {
        return r.monthly().get(m).aiStartedMw().get("flat");
    }

    @Test
    void withoutABlockSizeThePlanStaysAnLp() {
        PlanResult r = PlanEngine.optimize(problem(json("")), RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.solver().name()).isEqualTo("GLOP");
        assertThat(r.npvUsd()).isCloseTo(1_862_400.0, within(EPS));
        assertThat(started(r, 0)).isCloseTo(6.0, within(1e-9));
        assertThat(started(r, 1)).isCloseTo(4.0, within(1e-9));
        assertThat(r.solver().mipGap()).isNull();
        assertThat(r.solver().lpRelaxationNpvUsd()).isNull();
        assertThat(r.solver().bestBoundUsd()).isNull();
    }

    @Test
    void blocksOfFourStartWholeBlocksBesideTheRelaxation() {
        PlanResult r = PlanEngine.optimize(problem(json(", 'blockMw': 4")), RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.solver().name()).isEqualTo("SCIP");
        assertThat(r.npvUsd()).isCloseTo(1_430_400.0, within(EPS));
        assertThat(started(r, 0)).isCloseTo(4.0, within(1e-6));
        assertThat(started(r, 1)).isCloseTo(4.0, within(1e-6));
        assertThat(started(r, 2)).isCloseTo(0.0, within(1e-6));
        assertThat(r.solver().lpRelaxationNpvUsd()).isCloseTo(1_862_400.0, within(EPS));
        // proven optimal: SCIP stops at a relative gap of 1e-6 (1.43 USD here)
        assertThat(r.solver().mipGap()).isBetween(0.0, 1e-6);
        assertThat(r.solver().bestBoundUsd()).isBetween(1_430_400.0 - EPS, 1_430_400.0 * (1 + 1e-6) + EPS);
        assertThat(r.solver().note()).contains("MIP solved with SCIP").contains("LP relaxation (GLOP) OPTIMAL at 1.86240e+06");
        assertThat(r.explanation()).isNull();
        // the stay-on-Bitcoin baseline (no AI, no fleet) is 0: the whole NPV is incremental
        assertThat(r.incrementalNpvUsd()).isCloseTo(1_430_400.0, within(EPS));
    }

    @Test
    void maxBlocksLimitsTheBlocksStarted() {
        PlanResult r = PlanEngine.optimize(problem(json(", 'blockMw': 4, 'maxBlocks': 1")), RunControl.NONE);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.npvUsd()).isCloseTo(864_000.0, within(EPS));
        assertThat(started(r, 0)).isCloseTo(4.0, within(1e-6));
        assertThat(r.solver().lpRelaxationNpvUsd()).isCloseTo(864_000.0, within(EPS));
    }

    /** A block larger than the option, maxBlocks without a block size, a zero or fractional count: 400s naming the field. */
    @Test
    void badBlockFieldsAreRefusedByPath() {
        ObjectNode big = json(", 'blockMw': 12, 'maxItMw': 10");
        assertThatThrownBy(() -> problem(big)).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                .anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo("aiOptions[0].blockMw");
                    assertThat(f.reason()).contains("larger than the option's maxItMw 10 MW");
                }));
        assertThatThrownBy(() -> problem(json(", 'maxBlocks': 2"))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("aiOptions[0].maxBlocks")));
        assertThatThrownBy(() -> problem(json(", 'blockMw': 0"))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("aiOptions[0].blockMw")));
        assertThatThrownBy(() -> problem(json(", 'blockMw': 4, 'maxBlocks': 1.5"))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo("aiOptions[0].maxBlocks");
                    assertThat(f.reason()).contains("whole number");
                }));
    }

    /**
     * A fixed plan must start whole blocks: 6 MW is 1.5 blocks of 4 → 400 on the step's amount, naming 4 and 8 MW; 8 MW in Jan
     * and 4 in Feb are 3 blocks against maxBlocks 2 → 400 on the plan's starts. Whole blocks within the limit: the comparison
     * solves it as an LP (starts fixed) beside the optimizer's MILP: 4 MW in Jan only → 864,000 USD.
     */
    @Test
    void fixedPlansStartWholeBlocks() {
        PlanProblem p = problem(json(", 'blockMw': 4, 'maxBlocks': 2"));
        FieldChecks c = new FieldChecks();
        PlanService.fixedPlan(p, new FixedPlanBody("half", List.of(new FixedPlanBody.Step("flat", "2026-01", 6.0)), null, null, null),
                "plans[0]", c);
        PlanService.fixedPlan(p, new FixedPlanBody("three", List.of(new FixedPlanBody.Step("flat", "2026-01", 8.0),
                new FixedPlanBody.Step("flat", "2026-02", 4.0)), null, null, null), "plans[1]", c);
        assertThatThrownBy(c::throwIfAny).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.errors()).anySatisfy(f -> {
                assertThat(f.field()).isEqualTo("plans[0].aiStartsMw[0].amount");
                assertThat(f.reason()).contains("whole blocks of 4 MW").contains("1.5 blocks").contains("start 4 or 8 MW");
            });
            assertThat(e.errors()).anySatisfy(f -> {
                assertThat(f.field()).isEqualTo("plans[1].aiStartsMw");
                assertThat(f.reason()).contains("starts 3 blocks").contains("maxBlocks is 2");
            });
            assertThat(e.errors()).hasSize(2);
        });
        FieldChecks ok = new FieldChecks();
        FixedPlan one = PlanService.fixedPlan(p, new FixedPlanBody("one hall",
                List.of(new FixedPlanBody.Step("flat", "2026-01", 4.0)), null, null, null), "plans[0]", ok);
        ok.throwIfAny();
        PlanComparison cmp = PlanEngine.compare(p, List.of(one), RunControl.NONE);
        PlanResult opt = cmp.plans().get(0);
        PlanResult fixed = cmp.plans().get(2);
        assertThat(opt.solver().name()).isEqualTo("SCIP");
        assertThat(opt.npvUsd()).isCloseTo(1_430_400.0, within(EPS));
        assertThat(fixed.solver().name()).isEqualTo("GLOP");
        assertThat(fixed.npvUsd()).isCloseTo(864_000.0, within(EPS));
        assertThat(fixed.solver().mipGap()).isNull();
    }

    /**
     * A time limit that ends SCIP's search with a plan: FEASIBLE, the gap and the bound in the answer and the explanation.
     * The outcome is the one SCIP gives when stopped after finding the one-block plan (864,000) with the relaxation's bound
     * 1,862,400: gap (1,862,400 − 864,000) / 864,000 = 998,400 / 864,000 = 1.155555… (115.556 %).
     */
    @Test
    void aTimeLimitAnswersTheBestPlanWithItsGap() {
        PlanProblem p = problem(json(", 'blockMw': 4, 'maxBlocks': 1"));
        Evaluated base = PlanEngine.evaluate(p, FixedPlan.stayOnBitcoin(), RunControl.NONE);
        Evaluated e = PlanEngine.evaluate(p, null, RunControl.NONE);
        SolveOutcome stopped = new SolveOutcome(LpStatus.FEASIBLE, 864_000.0, 120_000.0, "SCIP", "stopped by the time limit", 1_862_400.0,
                new SolveOutcome.Mip(1_862_400.0, "GLOP", 5.0, 42L));
        PlanResult r = PlanResultBuilder.build(p, PlanEngine.OPTIMIZED, new Evaluated(e.name(), stopped, e.values(), e.variables(),
                e.constraints(), e.blocks(), e.buildMs(), null), base, 2);
        assertThat(r.status()).isEqualTo("FEASIBLE");
        assertThat(r.npvUsd()).isCloseTo(864_000.0, within(EPS));
        assertThat(r.solver().mipGap()).isCloseTo(998_400.0 / 864_000.0, within(1e-12));
        assertThat(r.solver().bestBoundUsd()).isEqualTo(1_862_400.0);
        assertThat(r.explanation()).isEqualTo("the time limit of 120 s ended the search for whole blocks: this is the best plan found, its NPV"
                + " within 115.556 % of the best bound 1,862,400 USD (not proven optimal)");
    }
}
