package com.gridpivot.planning.model;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.lp.rows.AiBlockRows;
import com.gridpivot.lp.rows.AiBuildRows;
import com.gridpivot.lp.rows.AiContractRows;
import com.gridpivot.lp.rows.AsicRelocationRows;
import com.gridpivot.lp.rows.GpuLifeRows;
import com.gridpivot.lp.rows.CashRows;
import com.gridpivot.lp.rows.CashRows.Term;
import com.gridpivot.lp.rows.FleetDispatchRows;
import com.gridpivot.lp.rows.FleetStockRows;
import com.gridpivot.lp.rows.InterconnectRows;
import com.gridpivot.lp.rows.NpvObjective;
import com.gridpivot.lp.rows.PortfolioRows;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PortfolioFixedPlan;
import com.gridpivot.planning.input.PortfolioProblem;
import com.gridpivot.planning.input.PortfolioProblem.Site;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.planning.input.PlanProblem.HourModel;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Builds the portfolio plan LP of models/PLANS.md (Portfolios) from the plan's row groups: per site s (s = the site's name
 * in every variable and row name, as the stochastic plan tags its scenarios) the site's fleet stock, dispatch, AI build,
 * hall blocks, AI contracts, interconnect and AI limits exactly as in its own plan; the fleets' moves between sites
 * ({@link AsicRelocationRows}); shared ({@link PortfolioRows}): the company's treasury,
 * consolidated cash, capex budget per plan year and conversion crews. Objective: the consolidated NPV, Σₛ Σₘ δ CFₘˢ plus the
 * treasury's sales less their end value, on the first site's calendar.
 */
public final class PortfolioModelBuilder {
    private PortfolioModelBuilder() {
    }

    /** Indices of site k's fleets that some relocation route moves into. */
    static Set<Integer> receiving(PortfolioProblem pp, int k) {
        Set<Integer> out = new HashSet<>();
        for (PortfolioProblem.Relocation r : pp.relocations()) {
            if (r.toSite() == k) {
                out.add(r.toFleet());
            }
        }
        return out;
    }

    /**
     * The site's month blocks as its plan's ({@link PlanModelBuilder#blocks}), except that a receiving fleet installed with 0
     * machines counts as present: the merit order leaves out fleets without capacity, and moved MW may arrive. The blocks
     * carry per-MW sums only, so the stand-in count (1 machine) changes nothing else.
     */
    static List<List<MonthBlock>> blocks(PlanProblem p, Set<Integer> receiving) {
        boolean empty = receiving.stream().anyMatch(i -> p.fleets().get(i).spec().units() <= 0.0);
        if (!empty) {
            return PlanModelBuilder.blocks(p);
        }
        List<List<MonthBlock>> blocks = new ArrayList<>(p.monthCount());
        for (int m = 0; m < p.monthCount(); m++) {
            List<FleetSpec> specs = new ArrayList<>(p.fleetSpecsIn(m));
            for (int i : receiving) {
                FleetSpec f = specs.get(i);
                if (f.units() <= 0.0) {
                    specs.set(i, new FleetSpec(f.name(), f.model(), 1.0, f.hashrateThPerUnit(), f.powerWPerUnit(), f.pue(), f.poolFeeFraction(),
                            f.variableOpexUsdPerMwh(), f.fixedOpexUsdPerMwYear()));
                }
            }
            MonthData md = p.months().get(m);
            blocks.add(p.hourModel() == HourModel.HOURLY ? MonthBlocks.hourly(md, specs) : MonthBlocks.exact(md, specs));
        }
        return blocks;
    }

    public static PortfolioModel build(PortfolioProblem pp) {
        return build(pp, null);
    }

    /**
     * The portfolio LP with a fixed plan's decisions fixed by bounds (each site's AI starts, retirements and purchases as
     * its plan's fixed plan does; the treasury sales and the moves on each route), or none (fixed null: the optimizer's plan).
     */
    public static PortfolioModel build(PortfolioProblem pp, PortfolioFixedPlan fixed) {
        long t0 = System.nanoTime();
        PlanProblem cal = pp.calendar();
        boolean integer = false;
        for (int k = 0; k < pp.sites().size(); k++) {
            integer |= AiBlockRows.integer(pp.sites().get(k).plan(), fixed == null ? null : fixed.sites().get(k));
        }
        MPSolver s = Lp.newSolver(cal.solver(), integer);
        try {
            List<PortfolioModel.SiteModel> sites = new ArrayList<>();
            List<List<Term>> all = CashRows.newTerms(cal.monthCount());
            for (int k = 0; k < pp.sites().size(); k++) {
                Site site = pp.sites().get(k);
                PlanProblem p = site.plan();
                String sn = LpNames.clean(site.name());
                FixedPlan fx = fixed == null ? null : fixed.sites().get(k);
                List<List<MonthBlock>> blocks = blocks(p, receiving(pp, k));
                List<List<Term>> terms = CashRows.newTerms(p.monthCount());
                FleetStockRows.Asic asic = FleetStockRows.add(s, p, sn, fx);
                CashRows.addAsicCash(p, asic, terms);
                MPVariable[][][] dispatch = FleetDispatchRows.addPlanDispatchMw(s, p, sn, blocks, asic.kept());
                CashRows.addDispatchCash(p, blocks, dispatch, terms);
                AiBuildRows.Ai ai = AiBuildRows.add(s, p, sn, fx);
                AiBlockRows.add(s, p, sn, fx, ai.start());
                AiContractRows.Contracts contracts = AiContractRows.add(s, p, sn, fx, ai);
                CashRows.addAiCash(p, ai, contracts, terms);
                GpuLifeRows.addCash(p, GpuLifeRows.add(s, p, sn, ai), terms);
                InterconnectRows.addPlan(s, p, sn, blocks, dispatch, ai.reserved());
                AiBuildRows.addLimits(s, p, sn, ai);
                sites.add(new PortfolioModel.SiteModel(site.name(), p.options().stream().map(o -> o.spec().name()).toList(), blocks, asic, dispatch, ai, terms));
            }
            MPVariable[][] moved = AsicRelocationRows.add(s, pp, sites.stream().map(PortfolioModel.SiteModel::asic).toList(),
                    sites.stream().map(PortfolioModel.SiteModel::terms).toList(), pp.sites().stream().map(x -> LpNames.clean(x.name())).toList());
            if (fixed != null) {
                for (int r = 0; r < moved.length; r++) {
                    for (int m = 0; m < moved[r].length; m++) {
                        double x = moved[r][m].ub() == 0.0 ? 0.0 : fixed.moved(r, m);
                        moved[r][m].setBounds(x, x);
                    }
                }
            }
            for (PortfolioModel.SiteModel site : sites) {
                for (int m = 0; m < site.terms().size(); m++) {
                    all.get(m).addAll(site.terms().get(m));
                }
            }
            MPVariable[] sold = PortfolioRows.addTreasury(s, pp);
            if (fixed != null && sold != null) {
                for (int m = 0; m < sold.length; m++) {
                    double x = fixed.treasurySoldBtc().getOrDefault(m, 0.0);
                    sold[m].setBounds(x, x);
                }
            }
            List<List<Term>> treasury = CashRows.newTerms(cal.monthCount());
            CashRows.addTreasuryCash(cal, sold, treasury);
            for (int m = 0; m < treasury.size(); m++) {
                all.get(m).addAll(treasury.get(m));
            }
            CashRows.Balance cash = PortfolioRows.addConsolidatedCash(s, pp, all);
            MPConstraint[] budget = PortfolioRows.addCapexBudget(s, pp, sites.stream().map(PortfolioModel.SiteModel::terms).toList());
            MPConstraint[] crews = PortfolioRows.addCrews(s, pp, sites.stream().map(x -> x.ai().start()).toList());
            // a site's finance (cash, floor, treasury, terminal value) is not used by the portfolio: no terminal value here
            NpvObjective.setPlan(s, cal, all, sold, List.of());
            return new PortfolioModel(pp, s, sites, sold, treasury, cash.cash(), budget, crews, moved, (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException e) {
            s.delete();
            throw e;
        }
    }
}
