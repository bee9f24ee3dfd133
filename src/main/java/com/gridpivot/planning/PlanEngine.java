package com.gridpivot.planning;

import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.optimization.solve.LpStatus;
import com.gridpivot.optimization.solve.SolveOutcome;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.model.CashCategory;
import com.gridpivot.planning.model.PlanModel;
import com.gridpivot.planning.model.PlanModelBuilder;
import com.gridpivot.planning.result.CashFlowMetrics;
import com.gridpivot.planning.result.PlanComparison;
import com.gridpivot.planning.result.PlanResult;
import com.gridpivot.planning.result.PlanResult.MonthRow;
import com.gridpivot.planning.result.PlanResult.SolverInfo;
import com.gridpivot.planning.result.PlanResult.Totals;
import com.gridpivot.planning.result.PlanValues;
import com.gridpivot.planning.solve.PlanSolveOutcome;
import com.gridpivot.planning.solve.PlanSolver;
import com.gridpivot.planning.solve.RunControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Solves plans: the optimizer's plan against the best stay-on-Bitcoin plan (no AI starts; everything else optimised), and
 * fixed plans beside them. Plain Java: no framework, no entities.
 */
public final class PlanEngine {
    public static final String OPTIMIZED = "optimized";

    private PlanEngine() {
    }

    /** One evaluated LP: its values (null without a solution) and how it went. */
    public record Evaluated(String name, SolveOutcome outcome, PlanValues values, int variables, int constraints, int blocks,
                            double buildMs, String explanation) {
    }

    /** The optimizer's plan, with NPV, IRR and payback against staying on Bitcoin. */
    public static PlanResult optimize(PlanProblem p, RunControl control) {
        control.progress(5);
        Evaluated base = evaluate(p, FixedPlan.stayOnBitcoin(), control);
        control.progress(45);
        Evaluated plan = evaluate(p, null, control);
        control.progress(90);
        return result(p, OPTIMIZED, plan, base, 2);
    }

    /** The optimizer's plan, the stay-on-Bitcoin baseline and each fixed plan, on the same scenario. */
    public static PlanComparison compare(PlanProblem p, List<FixedPlan> plans, RunControl control) {
        Evaluated base = evaluate(p, FixedPlan.stayOnBitcoin(), control);
        Evaluated opt = evaluate(p, null, control);
        List<PlanResult> out = new ArrayList<>();
        out.add(result(p, OPTIMIZED, opt, base, 2));
        out.add(result(p, base.name(), base, base, 1));
        for (FixedPlan f : plans) {
            out.add(result(p, f.name(), evaluate(p, f, control), base, 1));
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
            String explanation = o.status() == LpStatus.INFEASIBLE ? explainInfeasible(p, fixed, control) : null;
            return new Evaluated(name, o, values, model.solver().numVariables(), model.solver().numConstraints(), blocks, model.buildMs(),
                    explanation);
        }
    }

    static PlanResult result(PlanProblem p, String name, Evaluated e, Evaluated base, int lpSolves) {
        SolveOutcome o = e.outcome();
        String status = switch (o.status()) {
            case OPTIMAL -> "OPTIMAL";
            case FEASIBLE -> "FEASIBLE";
            case INFEASIBLE -> "INFEASIBLE";
            case TIMED_OUT -> "TIMED_OUT";
            case UNBOUNDED, ERROR -> "FAILED";
        };
        SolverInfo solver = new SolverInfo(o.solverName(), e.variables(), e.constraints(), e.blocks(), e.buildMs(), o.solveMs(), lpSolves,
                o.note());
        String explanation = e.explanation();
        if (explanation == null && o.status() == LpStatus.TIMED_OUT) {
            explanation = "the solver's time limit of " + FieldChecks.fmt(p.timeLimitSeconds()) + " s ran out before a feasible plan was found";
        } else if (explanation == null && !o.hasSolution()) {
            explanation = "the solver failed (" + o.status() + "): " + (o.note() != null ? o.note() : "it gave no reason");
        } else if (explanation == null && !o.solverName().equals(p.solver().name())) {
            // the requested backend failed and another one answered (LpSolver's fallback): say so beside the numbers
            explanation = "solved with " + o.solverName() + " instead of " + p.solver() + ": " + o.note();
        }
        PlanValues v = e.values();
        if (v == null) {
            return new PlanResult(name, status, p.hourModel().name(), explanation, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, List.of(), solver, p.dataNotes());
        }
        PlanValues b = base.values();
        int months = p.monthCount();
        double[] delta = null;
        if (b != null) {
            delta = new double[months];
            for (int m = 0; m < months; m++) {
                delta[m] = v.cashFlowUsd[m] - b.cashFlowUsd[m];
            }
            // The BTC sold by one plan and kept by the other is worth its end price in the last month.
            delta[months - 1] -= p.months().get(months - 1).btcPriceUsd() * (v.totalSoldBtc() - b.totalSoldBtc());
        }
        Double irr = null;
        String irrNote;
        String paybackMonth = null;
        Integer paybackMonths = null;
        String paybackNote;
        if (delta == null) {
            String why = base.explanation() != null ? base.explanation()
                    : base.outcome().status() == LpStatus.TIMED_OUT
                            ? "the solver's time limit of " + FieldChecks.fmt(p.timeLimitSeconds()) + " s ran out"
                            : base.outcome().note() != null ? base.outcome().note() : "the solver gave no reason";
            irrNote = "no stay-on-Bitcoin baseline (" + base.outcome().status() + "): " + why;
            paybackNote = "no payback without a stay-on-Bitcoin baseline to compare with";
        } else {
            // Two LPs that reach the same cash flows differ by rounding only: a dollar per 1e9 of cash moved is no difference.
            double toleranceUsd = 1e-6;
            for (int m = 0; m < months; m++) {
                toleranceUsd += 1e-9 * (Math.abs(v.cashFlowUsd[m]) + Math.abs(b.cashFlowUsd[m]));
            }
            if (CashFlowMetrics.sameFlows(delta, toleranceUsd)) {
                irrNote = "the plan's cash flows are those of staying on Bitcoin in every month: no IRR";
                paybackNote = "the plan's cash flows are those of staying on Bitcoin in every month: nothing is invested, so there is "
                        + "no payback";
            } else {
                irr = CashFlowMetrics.irrAnnual(delta);
                irrNote = irr != null ? "annualised from the monthly rate that zeroes the incremental cash flows (end-of-month timing)"
                        : "the incremental cash flows never change sign (or have no root in −99 %…+1000 %/month): no IRR";
                if (!CashFlowMetrics.invests(delta, toleranceUsd)) {
                    paybackNote = "the cumulative incremental cash flow is never below zero: nothing is invested beyond staying on "
                            + "Bitcoin, so there is no payback";
                } else {
                    int pb = CashFlowMetrics.paybackIndex(delta);
                    if (pb >= 0) {
                        paybackMonth = p.months().get(pb).month().toString();
                        paybackMonths = pb + 1;
                        paybackNote = "the month from which the cumulative incremental cash flow stays ≥ 0 (end-of-month timing)";
                    } else {
                        paybackNote = "the cumulative incremental cash flow is still below zero at the end of the " + months
                                + " months: no payback within the horizon";
                    }
                }
            }
        }
        int low = 0;
        for (int m = 1; m < months; m++) {
            if (v.cumulativeCashUsd[m] < v.cumulativeCashUsd[low]) {
                low = m;
            }
        }
        List<MonthRow> rows = new ArrayList<>(months);
        double miningMwh = 0.0;
        double aiMwh = 0.0;
        Map<String, Double> aiRev = new LinkedHashMap<>();
        Map<String, Double> aiEnergy = new LinkedHashMap<>();
        for (int m = 0; m < months; m++) {
            PlanProblem.MonthData md = p.months().get(m);
            Map<String, Double> kept = new LinkedHashMap<>();
            Map<String, Double> disp = new LinkedHashMap<>();
            double miningMw = 0.0;
            for (int i = 0; i < p.fleets().size(); i++) {
                String fn = p.fleets().get(i).spec().name();
                kept.put(fn, v.keptMw[i][m]);
                disp.put(fn, v.dispatchedMwAvg[i][m]);
                miningMw += v.dispatchedMwAvg[i][m];
            }
            Map<String, Double> started = new LinkedHashMap<>();
            Map<String, Double> building = new LinkedHashMap<>();
            Map<String, Double> online = new LinkedHashMap<>();
            double aiTotal = 0.0;
            for (int j = 0; j < p.options().size(); j++) {
                PlanOption opt = p.options().get(j);
                String on = opt.spec().name();
                started.put(on, v.startedMw[j][m]);
                building.put(on, v.reservedMw[j][m] - v.onlineMw[j][m]);
                online.put(on, v.onlineMw[j][m]);
                aiTotal += v.onlineMw[j][m];
                aiEnergy.merge(on, v.onlineMw[j][m] * md.hours(), Double::sum);
                aiRev.merge(on, v.onlineMw[j][m] * md.hours() * opt.revenueUsdPerMwh(m), Double::sum);
            }
            miningMwh += v.miningEnergyMwh[m];
            aiMwh += aiTotal * md.hours();
            double meanHash = 0.0;
            for (double h : md.hashpriceUsdPerPhDay()) {
                meanHash += h;
            }
            rows.add(new MonthRow(md.month().toString(), v.cashFlowUsd[m], v.cumulativeCashUsd[m], delta == null ? null : delta[m],
                    p.discountFactor(m), v.category(m, CashCategory.MINING_REVENUE), -v.category(m, CashCategory.MINING_ENERGY),
                    v.category(m, CashCategory.AI_REVENUE), -v.category(m, CashCategory.AI_ENERGY),
                    -v.category(m, CashCategory.MINING_OPEX) - v.category(m, CashCategory.AI_OPEX), -v.category(m, CashCategory.AI_CAPEX),
                    v.category(m, CashCategory.ASIC_SALVAGE), -v.category(m, CashCategory.ASIC_PURCHASE), v.soldBtc[m],
                    v.category(m, CashCategory.TREASURY_SALE), md.btcPriceUsd(), meanHash / md.hours(), md.priceSumUsdPerMw() / md.hours(),
                    kept, disp, started, building, online, miningMw, aiTotal));
        }
        double miningRevenue = v.total(CashCategory.MINING_REVENUE);
        Map<String, Double> perMwh = new LinkedHashMap<>();
        if (miningMwh > 0) {
            perMwh.put("mining", miningRevenue / miningMwh);
        }
        aiRev.forEach((k, rev) -> {
            if (aiEnergy.get(k) > 0) {
                perMwh.put(k, rev / aiEnergy.get(k));
            }
        });
        double net = 0.0;
        for (double c : v.cashFlowUsd) {
            net += c;
        }
        Totals totals = new Totals(miningRevenue, -v.total(CashCategory.MINING_ENERGY), v.total(CashCategory.AI_REVENUE),
                -v.total(CashCategory.AI_ENERGY), -v.total(CashCategory.MINING_OPEX) - v.total(CashCategory.AI_OPEX),
                -v.total(CashCategory.AI_CAPEX), v.total(CashCategory.ASIC_SALVAGE), -v.total(CashCategory.ASIC_PURCHASE),
                v.total(CashCategory.TREASURY_SALE), v.totalSoldBtc(), miningMwh, aiMwh, net);
        Double baseNpv = b == null ? null : b.objectiveUsd;
        return new PlanResult(name, status, p.hourModel().name(), explanation, v.objectiveUsd, baseNpv,
                baseNpv == null ? null : v.objectiveUsd - baseNpv, irr, irrNote, paybackMonth, paybackMonths, paybackNote,
                p.months().get(low).month().toString(), v.cumulativeCashUsd[low], totals, perMwh, v.decisions(), rows, solver,
                p.dataNotes());
    }

    /** Names the conflicting inputs with their numbers. */
    static String explainInfeasible(PlanProblem p, FixedPlan fixed, RunControl control) {
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
                    p.discountRate(), p.solver(), p.hourModel(), p.timeLimitSeconds(), p.dataNotes());
            try (PlanModel model = PlanModelBuilder.build(relaxed, fixed)) {
                // Maximise the lowest cash instead: the best any plan can do.
                var s = model.solver();
                s.objective().clear();
                var floor = s.makeNumVar(-com.google.ortools.linearsolver.MPSolver.infinity(), com.google.ortools.linearsolver.MPSolver.infinity(), "lowestCash");
                for (int m = 0; m < p.monthCount(); m++) {
                    // lowestCashDef[m]: 1e-6 (cash[m] − lowestCash) ≥ 0, in millions of USD as the cash-balance rows
                    var row = s.makeConstraint(0.0, com.google.ortools.linearsolver.MPSolver.infinity(), "lowestCashDef[" + m + "]");
                    row.setCoefficient(model.cash()[m], PlanModelBuilder.CASH_ROW_SCALE);
                    row.setCoefficient(floor, -PlanModelBuilder.CASH_ROW_SCALE);
                }
                s.objective().setCoefficient(floor, 1.0);
                s.objective().setMaximization();
                PlanSolveOutcome o = PlanSolver.solve(model, control);
                if (o.outcome().hasSolution()) {
                    int low = 0;
                    for (int m = 1; m < p.monthCount(); m++) {
                        if (model.cash()[m].solutionValue() < model.cash()[low].solutionValue()) {
                            low = m;
                        }
                    }
                    why.add("cash: with starting cash " + FieldChecks.fmt(p.startingCashUsd()) + " USD and a credit line of "
                            + FieldChecks.fmt(-p.cashFloorUsd()) + " USD, the best plan still reaches a cumulative cash of "
                            + FieldChecks.fmt(Math.round(model.cash()[low].solutionValue())) + " USD in "
                            + p.months().get(low).month() + " (below −" + FieldChecks.fmt(-p.cashFloorUsd()) + " USD)"
                            + (fixed != null && fixed.aiStartsMw() != null && !fixed.aiStartsMw().isEmpty() ? " with the fixed AI starts" : ""));
                }
            }
        }
        if (why.isEmpty() && fixed != null) {
            why.add("the fixed decisions of '" + fixed.name() + "' break a limit: retirements beyond the MW kept, AI beyond maxItMw/maxAiItMw/"
                    + "the conversion rate or the interconnect, or more BTC than the treasury holds (" + FieldChecks.fmt(p.treasuryBtc()) + " BTC)");
        }
        if (why.isEmpty()) {
            why.add("the limits conflict (interconnect " + FieldChecks.fmt(p.interconnectMw()) + " MW, contracted AI " + FieldChecks.fmt(p.minAiItMw())
                    + " MW, cash floor " + FieldChecks.fmt(p.cashFloorUsd()) + " USD)");
        }
        return String.join("; ", why);
    }
}
