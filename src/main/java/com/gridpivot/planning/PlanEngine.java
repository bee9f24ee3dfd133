package com.gridpivot.planning;

import com.gridpivot.planning.result.Evaluated;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.RunControl;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.model.PlanModel;
import com.gridpivot.planning.model.PlanModelBuilder;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.planning.result.PlanResultBuilder;
import com.gridpivot.planning.result.PlanValues;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Solves plans: the optimizer's plan against the best stay-on-Bitcoin plan (no AI starts; everything else optimised), and
 * fixed plans beside them. Plain Java: no framework, no entities. The answer is assembled by {@link PlanResultBuilder}; an
 * infeasible plan is explained by {@link PlanInfeasibilityExplainer} (as the what-if's result builder and explainer do).
 */
public final class PlanEngine {
    public static final String OPTIMIZED = "optimized";

    private PlanEngine() {
    }

    /** The optimizer's plan, with NPV, IRR and payback against staying on Bitcoin. */
    public static PlanResult optimize(PlanProblem p, RunControl control) {
        return optimize(p, control, false);
    }

    /**
     * The optimizer's plan; with {@code bridge}, also the What-if → plan bridge ({@link PlanBridge}: one allocation LP and at
     * most eleven fixed-plan LPs more). A bridge that cannot be computed leaves {@code bridge} null and says why in warnings.
     */
    public static PlanResult optimize(PlanProblem p, RunControl control, boolean bridge) {
        // each LP's share of the run's progress moves with its solve's clock (SolveProgress)
        control.progress(5);
        Evaluated base = evaluate(p, FixedPlan.stayOnBitcoin(), control.span(5, 45));
        control.progress(45);
        Evaluated plan = evaluate(p, null, control.span(45, 90));
        control.progress(90);
        return withBridge(p, PlanResultBuilder.build(p, OPTIMIZED, plan, base, 2), plan, bridge, control.span(90, 99));
    }

    /** The result with its What-if → plan bridge when asked and there is a plan; a bridge that fails says why in warnings. */
    private static PlanResult withBridge(PlanProblem p, PlanResult r, Evaluated plan, boolean bridge, RunControl control) {
        if (!bridge || plan.values() == null) {
            return r;
        }
        try {
            return r.withBridge(PlanBridge.build(p, plan.values(), control));
        } catch (IllegalStateException e) {
            return r.withWarnings(List.of("explain.bridge: not computed: " + e.getMessage()));
        }
    }

    /** The optimizer's plan, the stay-on-Bitcoin baseline and each fixed plan, on the same scenario. */
    public static PlanComparison compare(PlanProblem p, List<FixedPlan> plans, RunControl control) {
        return compare(p, plans, control, false);
    }

    /** As {@link #compare(PlanProblem, List, RunControl)}; with {@code bridge}, the optimizer's plan carries the What-if → plan bridge. */
    public static PlanComparison compare(PlanProblem p, List<FixedPlan> plans, RunControl control, boolean bridge) {
        Evaluated base = evaluate(p, FixedPlan.stayOnBitcoin(), control);
        Evaluated opt = evaluate(p, null, control);
        List<PlanResult> out = new ArrayList<>();
        out.add(withBridge(p, PlanResultBuilder.build(p, OPTIMIZED, opt, base, 2), opt, bridge, control));
        out.add(PlanResultBuilder.build(p, base.name(), base, base, 1));
        for (FixedPlan f : plans) {
            out.add(PlanResultBuilder.build(p, f.name(), evaluate(p, f, control), base, 1));
        }
        return new PlanComparison(p.startMonth().toString(), p.monthCount(), p.hourModel().name(), out);
    }

    /** Builds, solves and reads one LP; the MPSolver is deleted before returning. */
    public static Evaluated evaluate(PlanProblem p, FixedPlan fixed, RunControl control) {
        if (control.cancelled()) {
            throw new CancellationException("cancelled");
        }
        String name = fixed == null ? OPTIMIZED : fixed.name();
        try (PlanModel model = PlanModelBuilder.build(p, fixed)) {
            PlanSolveOutcome solved = PlanSolver.solve(model, control);
            if (solved.interrupted() || control.cancelled()) {
                throw new CancellationException("cancelled");
            }
            SolveOutcome o = solved.outcome();
            PlanValues values = o.hasSolution() ? new PlanValues(model, o.objective()) : null;
            int blocks = model.blocks().stream().mapToInt(List::size).sum();
            String explanation = o.status() == LpStatus.INFEASIBLE ? PlanInfeasibilityExplainer.explain(p, fixed, control) : null;
            return new Evaluated(name, o, values, model.solver().numVariables(), model.solver().numConstraints(), blocks, model.buildMs(),
                    explanation);
        }
    }
}
