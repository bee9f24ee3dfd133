package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertFeasible;
import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.CapexTiming;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hall blocks: whole blocks of AI started (aiBlocks, aiStartBlocks, aiBlocksMax). */
class AiBlockRowsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** RowFixtures.plan() with H100 built in blocks of {@code blockMw}, at most {@code maxBlocks}. */
    static PlanProblem plan(double blockMw, int maxBlocks) {
        PlanProblem b = RowFixtures.plan();
        return new PlanProblem(b.startMonth(), b.months(), b.interconnectMw(), b.maxAiItMw(), b.minAiItMw(), b.minAiFromIndex(),
                b.maxConversionMwPerMonth(), b.fleets(), List.of(new PlanOption(RowFixtures.H100, 2, CapexTiming.SPREAD, 0.0, blockMw, maxBlocks)),
                b.startingCashUsd(), b.cashFloorUsd(), b.treasuryBtc(), b.discountRate(), b.solver(), b.hourModel(), b.timeLimitSeconds());
    }

    /**
     * Blocks of 3 MW, at most 2: n ∈ ℤ, 0 ≤ n ≤ min(2, ⌊8/3⌋ = 2). S = (3, 3), n = (1, 1): aiStartBlocks 3 − 3·1 = 0 in both
     * months; aiBlocksMax 1 + 1 = 2 ≤ 2.
     */
    @Test
    void startsAreWholeBlocks() {
        PlanProblem p = plan(3.0, 2);
        MPSolver s = Lp.newMipSolver();
        try {
            AiBuildRows.Ai ai = AiBuildRows.add(s, p, null);
            MPVariable[][] n = AiBlockRows.add(s, p, null, ai.start());
            assertThat(n[0][0].name()).isEqualTo("aiBlocks[H100,2026-01]");
            assertThat(s.exportModelToProto().getVariable(n[0][0].index()).getIsInteger()).isTrue();
            assertThat(n[0][1].ub()).isEqualTo(2.0);
            fix(ai.start()[0][0], 3.0);
            fix(ai.start()[0][1], 3.0);
            fix(n[0][0], 1.0);
            fix(n[0][1], 1.0);
            fix(ai.reserved()[0][0], 3.0);
            fix(ai.reserved()[0][1], 6.0);
            fix(ai.online()[0][0], 0.0);
            fix(ai.online()[0][1], 0.0);
            assertRow(s, "aiStartBlocks[H100,2026-01]", 0.0, 0.0, 0.0);
            assertRow(s, "aiStartBlocks[H100,2026-02]", 0.0, 0.0, 0.0);
            assertRow(s, "aiBlocksMax[H100]", 2.0, -INF, 2.0);
            assertFeasible(s);
        } finally {
            s.delete();
        }
    }

    /** S = 4.5 MW is one and a half blocks of 3: no integer n meets aiStartBlocks (4.5 − 3n = 0), so the fixed point is infeasible. */
    @Test
    void aFractionOfABlockIsInfeasible() {
        PlanProblem p = plan(3.0, Integer.MAX_VALUE);
        MPSolver s = Lp.newMipSolver();
        try {
            AiBuildRows.Ai ai = AiBuildRows.add(s, p, null);
            MPVariable[][] n = AiBlockRows.add(s, p, null, ai.start());
            fix(ai.start()[0][0], 4.5);
            assertThat(n[0][0].ub()).isEqualTo(2.0); // ⌊8/3⌋ without a maxBlocks; no aiBlocksMax row
            assertThat(s.lookupConstraintOrNull("aiBlocksMax[H100]")).isNull();
            assertThat(s.solve()).isEqualTo(MPSolver.ResultStatus.INFEASIBLE);
        } finally {
            s.delete();
        }
    }

    /** No block size, or AI starts fixed by a plan (checked to be whole blocks when read): no integers, the model stays an LP. */
    @Test
    void noRowsWithoutBlocksOrWithFixedStarts() {
        assertThat(AiBlockRows.integer(RowFixtures.plan(), null)).isFalse();
        assertThat(AiBlockRows.integer(plan(3.0, 2), null)).isTrue();
        assertThat(AiBlockRows.integer(plan(3.0, 2), FixedPlan.stayOnBitcoin())).isFalse();
        MPSolver s = Lp.newSolver(RowFixtures.plan().solver());
        try {
            AiBuildRows.Ai ai = AiBuildRows.add(s, plan(3.0, 2), FixedPlan.stayOnBitcoin());
            assertThat(AiBlockRows.add(s, plan(3.0, 2), FixedPlan.stayOnBitcoin(), ai.start())).isNull();
        } finally {
            s.delete();
        }
    }
}
