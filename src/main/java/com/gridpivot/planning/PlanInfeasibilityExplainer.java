package com.gridpivot.planning;

import com.gridpivot.lp.RunControl;
import com.gridpivot.lp.rows.CashRows;
import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.model.PlanModel;
import com.gridpivot.planning.model.PlanModelBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Says why a plan LP is infeasible, with the conflicting inputs and their numbers: the AI contract against lead times,
 * interconnect, limits and conversion rate; the cash floor (by solving once more for the best lowest cash); or the fixed
 * decisions of a fixed plan.
 */
public final class PlanInfeasibilityExplainer {
    private PlanInfeasibilityExplainer() {
    }

    /** Names the conflicting inputs with their numbers. */
    public static String explain(PlanProblem p, FixedPlan fixed, RunControl control) {
        List<String> why = new ArrayList<>();
        if (p.minAiItMw() > 0.0) {
            String from = p.months().get(p.minAiFromIndex()).month().toString();
            int fastest = p.options().stream().mapToInt(PlanOption::leadTimeMonths).min().orElse(0);
            if (fixed != null && fixed.aiStartsMw() != null) {
                for (int m = p.minAiFromIndex(); m < p.monthCount(); m++) {
                    double online = 0.0;
                    for (PlanOption o : p.options()) {
                        for (int k = 0; k <= m - o.leadTimeMonths(); k++) {
                            online += fixed.aiStartsMw().getOrDefault(FixedPlan.key(o.spec().name(), k), 0.0);
                        }
                    }
                    if (online < p.minAiItMw() - 1e-9) {
                        why.add("contracted AI " + FieldChecks.fmt(p.minAiItMw()) + " MW from " + from + ", but the AI starts of '"
                                + fixed.name() + "' put only " + FieldChecks.fmt(online) + " MW online in " + p.months().get(m).month());
                        break;
                    }
                }
            } else {
                if (p.minAiFromIndex() < fastest) {
                    why.add("contracted AI " + FieldChecks.fmt(p.minAiItMw()) + " MW from " + from + ", but the fastest option needs "
                            + fastest + " months to build: the first MW can be online in " + p.startMonth().plusMonths(fastest));
                }
                double minPue = p.options().stream().mapToDouble(o -> o.spec().pue()).min().orElse(1.0);
                if (p.minAiItMw() * minPue > p.interconnectMw() + 1e-9) {
                    why.add("contracted AI " + FieldChecks.fmt(p.minAiItMw()) + " MW × PUE " + FieldChecks.fmt(minPue) + " = "
                            + FieldChecks.fmt(p.minAiItMw() * minPue) + " MW > interconnect " + FieldChecks.fmt(p.interconnectMw()) + " MW");
                }
                if (p.minAiItMw() > p.maxAiItMw()) {
                    why.add("contracted AI " + FieldChecks.fmt(p.minAiItMw()) + " MW > most AI " + FieldChecks.fmt(p.maxAiItMw()) + " MW");
                }
                double optionsMax = p.options().stream().mapToDouble(o -> o.spec().maxItMw()).sum();
                if (p.minAiItMw() > optionsMax) {
                    why.add("contracted AI " + FieldChecks.fmt(p.minAiItMw()) + " MW > the options' maxItMw together " + FieldChecks.fmt(optionsMax) + " MW");
                }
                if (Double.isFinite(p.maxConversionMwPerMonth())) {
                    int startMonths = Math.max(0, p.minAiFromIndex() - fastest + 1);
                    double most = startMonths * p.maxConversionMwPerMonth();
                    if (most < p.minAiItMw() - 1e-9) {
                        why.add("at " + FieldChecks.fmt(p.maxConversionMwPerMonth()) + " MW/month over the " + startMonths
                                + " months that can start in time, at most " + FieldChecks.fmt(most) + " MW can be online by " + from
                                + " < contracted " + FieldChecks.fmt(p.minAiItMw()) + " MW");
                    }
                }
            }
        }
        if (why.isEmpty() && Double.isFinite(p.cashFloorUsd())) {
            // Is the cash floor the conflict? Solve once without it and report how low cash would go.
            PlanProblem relaxed = new PlanProblem(p.startMonth(), p.months(), p.interconnectMw(), p.maxAiItMw(), p.minAiItMw(), p.minAiFromIndex(),
                    p.maxConversionMwPerMonth(), p.fleets(), p.options(), p.startingCashUsd(), Double.NEGATIVE_INFINITY, p.treasuryBtc(),
                    p.discountRate(), p.solver(), p.hourModel(), p.timeLimitSeconds(), p.dataNotes(),
                    p.terminalValue(), p.financing().withoutMinCash());
            try (PlanModel model = PlanModelBuilder.build(relaxed, fixed)) {
                // Maximise the lowest cash instead: the best any plan can do.
                CashRows.maximiseLowestCash(model.solver(), model.cash());
                PlanSolveOutcome o = PlanSolver.solve(model, control);
                if (o.outcome().hasSolution()) {
                    int low = 0;
                    for (int m = 1; m < p.monthCount(); m++) {
                        if (model.cash()[m].solutionValue() < model.cash()[low].solutionValue()) {
                            low = m;
                        }
                    }
                    why.add(cashShortfall(p, p.months().get(low).month().toString(), model.cash()[low].solutionValue(),
                            fixed != null && fixed.aiStartsMw() != null && !fixed.aiStartsMw().isEmpty()));
                }
            }
        }
        if (why.isEmpty() && fixed != null) {
            why.add("the fixed decisions of '" + fixed.name() + "' break a limit: retirements beyond the MW kept, AI beyond maxItMw/maxAiItMw/"
                    + "the conversion rate or the interconnect, or more BTC than the treasury holds (" + FieldChecks.fmt(p.treasuryBtc()) + " BTC)");
        }
        if (why.isEmpty()) {
            why.add("the limits conflict (interconnect " + FieldChecks.fmt(p.interconnectMw()) + " MW, contracted AI " + FieldChecks.fmt(p.minAiItMw())
                    + " MW, cash floor " + FieldChecks.fmt(floorUsd(p)) + " USD"
                    + (p.financing().covenants().maxDebtToTrailingEbitda() != null ? ", debt at most "
                    + FieldChecks.fmt(p.financing().covenants().maxDebtToTrailingEbitda()) + " × trailing 12-month EBITDA" : "") + ")");
        }
        return String.join("; ", why);
    }

    /**
     * The cash sentence: the shortfall F − L (F the cash floor, L the best lowest cumulative cash, in month {@code month}) and the
     * credit line that closes it: −L rounded up to the dollar (with it the plan that reaches L is feasible).
     */
    static String cashShortfall(PlanProblem p, String month, double lowestCashUsd, boolean fixedStarts) {
        double floor = floorUsd(p);
        double shortfall = Math.ceil(floor - lowestCashUsd);
        double line = Math.ceil(-lowestCashUsd);
        var fin = p.financing();
        String source;
        if (fin.hasSources()) {
            List<String> parts = new ArrayList<>();
            if (fin.revolvingCredit() != null) {
                parts.add("a credit line of " + FieldChecks.fmt(fin.revolvingCredit().limitUsd()) + " USD");
            }
            fin.termLoans().forEach(l -> parts.add("term loan " + l.name() + " of " + FieldChecks.fmt(l.amountUsd()) + " USD from "
                    + p.months().get(l.availableFromIndex()).month()));
            fin.convertibleNotes().forEach(n -> parts.add("convertible note " + n.name() + " of " + FieldChecks.fmt(n.principalUsd())
                    + " USD from " + p.months().get(n.issueIndex()).month()));
            source = String.join(", ", parts) + (p.cashFloorUsd() < 0 ? " and a free line of " + FieldChecks.fmt(-p.cashFloorUsd()) + " USD" : "");
        } else {
            source = p.cashFloorUsd() < 0 ? "a credit line of " + FieldChecks.fmt(-p.cashFloorUsd()) + " USD" : "no financing";
        }
        String floorWords = fin.covenants().minCashUsd() != null && fin.covenants().minCashUsd() > p.cashFloorUsd()
                ? "the minimum cash covenant of " + FieldChecks.fmt(floor) + " USD" : "the cash floor of " + FieldChecks.fmt(floor) + " USD";
        String close = fin.hasSources()
                ? " (e.g. " + FieldChecks.fmt(shortfall) + " USD more on finance.revolvingCredit.limitUsd; its interest needs a little more)"
                : " (finance.creditLineUsd = " + FieldChecks.fmt(line) + ")";
        return "cash: with starting cash " + FieldChecks.fmt(p.startingCashUsd()) + " USD and " + source + ", the best plan"
                + (fixedStarts ? " with the fixed AI starts" : "") + " still reaches a cumulative cash of "
                + FieldChecks.fmt(Math.round(lowestCashUsd)) + " USD in " + month + ": a shortfall of " + FieldChecks.fmt(shortfall)
                + " USD below " + floorWords + "; funding of " + FieldChecks.fmt(shortfall)
                + " USD more by " + month + " would close it" + close;
    }

    /** F: the cash floor −creditLine, raised by a minimum-cash covenant. */
    static double floorUsd(PlanProblem p) {
        Double min = p.financing().covenants().minCashUsd();
        return min == null ? p.cashFloorUsd() : Math.max(p.cashFloorUsd(), min);
    }
}
