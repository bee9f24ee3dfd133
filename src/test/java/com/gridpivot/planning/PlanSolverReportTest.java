package com.gridpivot.planning;

import static com.gridpivot.planning.PlanTestSupport.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.planning.result.Evaluated;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.planning.result.PlanResultBuilder;
import com.gridpivot.lp.RunControl;
import org.junit.jupiter.api.Test;

/**
 * How a plan reports the backend that answered: the plan of {@code PlanModelTest.aLeadTimeShiftsRevenue} (lead time 1,
 * NPV 1,572,000 USD, GLOP requested), read as if GLOP had failed and CLP had answered ({@code LpSolver}'s fallback,
 * tested on a failing model in LpSolverFallbackTest), and as a failure without a reason.
 */
class PlanSolverReportTest {
    private static final String FALLBACK_NOTE = "GLOP ended in ABNORMAL (a numerical failure); solved again with CLP";

    @Test
    void aPlanAnsweredByTheFallbackBackendSaysSoInTheSolverAndTheExplanation() {
        PlanProblem p = problem(PlanModelTest.base(1));
        Evaluated base = PlanEngine.evaluate(p, FixedPlan.stayOnBitcoin(), RunControl.NONE);
        Evaluated glop = PlanEngine.evaluate(p, null, RunControl.NONE);
        SolveOutcome o = glop.outcome();
        Evaluated byClp = new Evaluated(glop.name(), new SolveOutcome(o.status(), o.objective(), o.solveMs(), "CLP", FALLBACK_NOTE),
                glop.values(), glop.variables(), glop.constraints(), glop.blocks(), glop.buildMs(), null);
        PlanResult r = PlanResultBuilder.build(p, PlanEngine.OPTIMIZED, byClp, base, 2);
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.npvUsd()).isCloseTo(1_572_000.0, within(1e-4));
        assertThat(r.solver().name()).isEqualTo("CLP");
        assertThat(r.solver().note()).isEqualTo(FALLBACK_NOTE);
        assertThat(r.explanation()).isEqualTo("solved with CLP instead of GLOP: " + FALLBACK_NOTE);
        // answered by the requested backend: nothing to explain
        assertThat(PlanResultBuilder.build(p, PlanEngine.OPTIMIZED, glop, base, 2).explanation()).isNull();
    }

    @Test
    void aPlanStoppedByTheTimeLimitStatesItsBoundAndGap() {
        PlanProblem p = problem(PlanModelTest.base(1));
        Evaluated base = PlanEngine.evaluate(p, FixedPlan.stayOnBitcoin(), RunControl.NONE);
        Evaluated glop = PlanEngine.evaluate(p, null, RunControl.NONE);
        SolveOutcome o = glop.outcome();
        // read as if the time limit had stopped GLOP at this plan with a dual bound 1 % above its NPV:
        // bound 1,587,720 = 1,572,000 × 1.01; gap = 15,720 / 1,572,000 = 0.01
        Evaluated stopped = new Evaluated(glop.name(), new SolveOutcome(LpStatus.FEASIBLE, o.objective(), o.solveMs(), "GLOP",
                "stopped by the time limit", 1_587_720.0, null), glop.values(), glop.variables(), glop.constraints(), glop.blocks(),
                glop.buildMs(), null);
        PlanResult r = PlanResultBuilder.build(p, PlanEngine.OPTIMIZED, stopped, base, 2);
        assertThat(r.status()).isEqualTo("FEASIBLE");
        assertThat(r.solver().bestBoundUsd()).isEqualTo(1_587_720.0);
        assertThat(r.solver().relativeGap()).isCloseTo(0.01, within(1e-9));
        assertThat(r.solver().mipGap()).as("an LP: no MIP figures").isNull();
        assertThat(r.explanation()).contains("stopped GLOP before it proved this plan optimal")
                .contains("within 1 % of the proven bound 1,587,720 USD");
        // proven optimal: no bound and no gap beside it
        assertThat(PlanResultBuilder.build(p, PlanEngine.OPTIMIZED, glop, base, 2).solver().relativeGap()).isNull();
    }

    @Test
    void aFailureWithoutANoteNeverPrintsNull() {
        PlanProblem p = problem(PlanModelTest.base(1));
        Evaluated base = PlanEngine.evaluate(p, FixedPlan.stayOnBitcoin(), RunControl.NONE);
        Evaluated failed = new Evaluated("convert", new SolveOutcome(LpStatus.ERROR, Double.NaN, 1.0, "GLOP", null), null, 10, 10, 3, 1.0,
                null);
        PlanResult r = PlanResultBuilder.build(p, "convert", failed, base, 1);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.explanation()).isEqualTo("the solver failed (ERROR): it gave no reason").doesNotContain("null");
    }

    /** A plan beside a baseline that failed without a note or explanation: its IRR note says so without printing null. */
    @Test
    void aFailedBaselineWithoutANoteNeverPrintsNull() {
        PlanProblem p = problem(PlanModelTest.base(1));
        Evaluated plan = PlanEngine.evaluate(p, null, RunControl.NONE);
        Evaluated failedBase = new Evaluated("stay on Bitcoin", new SolveOutcome(LpStatus.ERROR, Double.NaN, 1.0, "GLOP", null), null, 10, 10,
                3, 1.0, null);
        PlanResult r = PlanResultBuilder.build(p, PlanEngine.OPTIMIZED, plan, failedBase, 2);
        assertThat(r.npvUsd()).isCloseTo(1_572_000.0, within(1e-4));
        assertThat(r.incrementalNpvUsd()).isNull();
        assertThat(r.irrNote()).isEqualTo("no stay-on-Bitcoin baseline (ERROR): the solver gave no reason");
        assertThat(r.paybackNote()).isEqualTo("no payback without a stay-on-Bitcoin baseline to compare with");
    }
}
