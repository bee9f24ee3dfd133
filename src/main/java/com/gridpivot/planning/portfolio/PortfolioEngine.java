package com.gridpivot.planning.portfolio;

import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.LpSolver;
import com.gridpivot.lp.RunControl;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.lp.SolveProgress;
import com.gridpivot.lp.rows.CashCategory;
import com.gridpivot.lp.rows.CashRows;
import com.gridpivot.lp.rows.CashRows.Term;
import com.gridpivot.lp.rows.NpvObjective;
import com.gridpivot.planning.PlanSolver;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PortfolioFixedPlan;
import com.gridpivot.planning.input.PortfolioProblem;
import com.gridpivot.planning.model.PortfolioModel;
import com.gridpivot.planning.model.PortfolioModel.SiteModel;
import com.gridpivot.planning.model.PortfolioModelBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** Solves a portfolio plan and reads its answer: consolidated NPV and cash, per-site contributions and MW by use. */
public final class PortfolioEngine {
    private PortfolioEngine() {
    }

    public static PortfolioResult optimize(PortfolioProblem pp, RunControl control) {
        if (control.cancelled()) {
            throw new CancellationException("cancelled");
        }
        try (PortfolioModel model = PortfolioModelBuilder.build(pp)) {
            SolveOutcome o = solve(model, control);
            if (control.cancelled()) {
                throw new CancellationException("cancelled");
            }
            return read(model, o);
        }
    }

    /**
     * The optimizer's plan and each fixed plan on the same portfolio (models/PLANS.md, "Fixed portfolio plans"): one LP each,
     * the fixed plans' decisions fixed by bounds and their dispatch optimised; each fixed plan's NPV set beside the optimizer's.
     */
    public static PortfolioResult compare(PortfolioProblem pp, List<PortfolioFixedPlan> fixed, RunControl control) {
        PortfolioResult best = optimize(pp, control);
        List<PortfolioResult.PortfolioFixedResult> out = new ArrayList<>();
        for (PortfolioFixedPlan f : fixed) {
            if (control.cancelled()) {
                throw new CancellationException("cancelled");
            }
            PortfolioResult r;
            try (PortfolioModel model = PortfolioModelBuilder.build(pp, f)) {
                r = read(model, solve(model, control));
            }
            Double vs = r.npvUsd() == null || best.npvUsd() == null ? null : r.npvUsd() - best.npvUsd();
            out.add(new PortfolioResult.PortfolioFixedResult(f.name(), r.status(), r.npvUsd(), vs, r.treasuryNpvUsd(), r.monthly(), r.sites(),
                    r.relocations()));
        }
        return best.withFixedPlans(out);
    }

    /** Solves the built model with the shared {@link LpSolver} (the plan's tolerance, the first site's solver and time limit). */
    public static SolveOutcome solve(PortfolioModel model, RunControl control) {
        PlanProblem cal = model.problem().calendar();
        control.solving(model.solver());
        try (SolveProgress clock = SolveProgress.start(control, cal.timeLimitSeconds())) {
            return LpSolver.solve(model.solver(), cal.solver(), cal.timeLimitSeconds(), PlanSolver.FEASIBILITY_TOLERANCE);
        } finally {
            control.solving(null);
        }
    }

    /** The answer of a solved model; without a solution only the status and size. */
    public static PortfolioResult read(PortfolioModel model, SolveOutcome o) {
        int vars = model.solver().numVariables();
        int rows = model.solver().numConstraints();
        if (!o.hasSolution()) {
            return new PortfolioResult(o.status().name(), null, null, o.solverName(), vars, rows, List.of(), List.of(), List.of(), List.of(), List.of());
        }
        PlanProblem cal = model.problem().calendar();
        List<PortfolioResult.PortfolioSiteResult> sites = new ArrayList<>();
        for (SiteModel s : model.sites()) {
            sites.add(new PortfolioResult.PortfolioSiteResult(s.name(), discounted(cal, s.terms(), null), siteMonths(cal, s)));
        }
        double treasury = discounted(cal, model.treasuryTerms(), model.sold());
        List<PortfolioResult.PortfolioMonth> company = new ArrayList<>();
        for (int m = 0; m < cal.monthCount(); m++) {
            double capex = 0.0;
            double started = 0.0;
            for (SiteModel s : model.sites()) {
                capex -= CashRows.category(s.terms().get(m), CashCategory.AI_CAPEX) + CashRows.category(s.terms().get(m), CashCategory.ASIC_PURCHASE);
                for (MPVariable[] sj : s.ai().start()) {
                    started += sj[m].solutionValue();
                }
            }
            double sold = model.sold() == null ? 0.0 : model.sold()[m].solutionValue();
            double cash = model.cash()[m].solutionValue();
            company.add(new PortfolioResult.PortfolioMonth(label(cal, m), cash, Math.max(0.0, -cash), capex, started, sold));
        }
        double npv = treasury + sites.stream().mapToDouble(PortfolioResult.PortfolioSiteResult::npvContributionUsd).sum();
        return new PortfolioResult(o.status().name(), npv, treasury, o.solverName(), vars, rows, company, sites, moves(model), List.of(), List.of());
    }

    /** The moves of every route and month, in route order then month, leaving out those of at most 10⁻⁹ MW. */
    static List<PortfolioResult.PortfolioMove> moves(PortfolioModel model) {
        PortfolioProblem pp = model.problem();
        PlanProblem cal = pp.calendar();
        List<PortfolioResult.PortfolioMove> out = new ArrayList<>();
        for (int r = 0; r < pp.relocations().size(); r++) {
            PortfolioProblem.Relocation route = pp.relocations().get(r);
            var fleet = pp.sites().get(route.fromSite()).plan().fleets().get(route.fromFleet()).spec();
            String toFleet = pp.sites().get(route.toSite()).plan().fleets().get(route.toFleet()).spec().name();
            for (int m = 0; m < cal.monthCount(); m++) {
                double mw = model.moved()[r][m].solutionValue();
                if (mw > 1e-9) {
                    out.add(new PortfolioResult.PortfolioMove(label(cal, m), pp.sites().get(route.fromSite()).name(), fleet.name(),
                            pp.sites().get(route.toSite()).name(), toFleet, mw, mw * 1e6 / fleet.jPerTh(),
                            cal.months().get(m).month().plusMonths(route.downtimeMonths()).toString(), mw * route.costUsdPerMw()));
                }
            }
        }
        return out;
    }

    /** Σ coefficient × value of the NPV's coefficients over these terms (and treasury sales' end value when sold is given). */
    static double discounted(PlanProblem cal, List<List<Term>> terms, MPVariable[] sold) {
        Map<MPVariable, Double> c = NpvObjective.coefficients(terms, t -> 1.0, cal::discountFactor, sold, cal.treasuryEndValueUsdPerBtc());
        double sum = 0.0;
        for (Map.Entry<MPVariable, Double> e : c.entrySet()) {
            sum += e.getValue() * e.getKey().solutionValue();
        }
        return sum;
    }

    private static List<PortfolioResult.PortfolioSiteMonth> siteMonths(PlanProblem cal, SiteModel s) {
        List<PortfolioResult.PortfolioSiteMonth> out = new ArrayList<>();
        for (int m = 0; m < cal.monthCount(); m++) {
            double mining = 0.0;
            double retired = 0.0;
            double bought = 0.0;
            for (int i = 0; i < s.asic().kept().length; i++) {
                mining += s.asic().kept()[i][m].solutionValue();
                retired += s.asic().retired()[i][m].solutionValue();
                if (s.asic().bought()[i] != null) {
                    bought += s.asic().bought()[i][m].solutionValue();
                }
            }
            Map<String, Double> online = new LinkedHashMap<>();
            Map<String, Double> building = new LinkedHashMap<>();
            Map<String, Double> started = new LinkedHashMap<>();
            for (int j = 0; j < s.ai().start().length; j++) {
                String name = s.optionNames().get(j);
                double on = s.ai().online()[j][m].solutionValue();
                online.put(name, on);
                building.put(name, s.ai().reserved()[j][m].solutionValue() - on);
                started.put(name, s.ai().start()[j][m].solutionValue());
            }
            double cf = 0.0;
            for (Term t : s.terms().get(m)) {
                cf += t.coefficientUsd() * t.variable().solutionValue();
            }
            out.add(new PortfolioResult.PortfolioSiteMonth(label(cal, m), mining, online, building, started, retired, bought, cf));
        }
        return out;
    }

    private static String label(PlanProblem cal, int m) {
        return cal.months().get(m).month().toString();
    }
}
