package com.gridpivot.risk.stochastic;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.lp.rows.AiBlockRows;
import com.gridpivot.lp.rows.AiBuildRows;
import com.gridpivot.lp.rows.AiContractRows;
import com.gridpivot.lp.rows.GpuLifeRows;
import com.gridpivot.lp.rows.TerminalValueRows;
import com.gridpivot.lp.rows.CashRows;
import com.gridpivot.lp.rows.CashRows.Term;
import com.gridpivot.lp.rows.CvarRows;
import com.gridpivot.lp.rows.FleetDispatchRows;
import com.gridpivot.lp.rows.FleetStockRows;
import com.gridpivot.lp.rows.InterconnectRows;
import com.gridpivot.lp.rows.NpvObjective;
import com.gridpivot.lp.rows.TreasuryRows;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.model.MonthBlock;
import com.gridpivot.planning.model.PlanModelBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the two-stage plan LP of models/RISK.md from the plan's row groups ({@code com.gridpivot.lp.rows}): its conversion
 * decisions shared by all scenarios s, its dispatch, interconnect and cash per scenario (s = scenario name in row names).
 * <pre>
 *   first stage (shared):  K[i,m] asicKept, R[i,m] asicRetired, B[i,m] asicBought, S[j,m] aiStart, W[j,m] aiReserved,
 *                          O[j,m] aiOnline, T[m] treasurySold
 *   second stage (per s):  D[s,i,m,b] dispatch, cash[s,m], npv[s] (free); cash terms by category as in the plan, with
 *                          scenario s's coefficients
 *   risk (optional):       ζ cvarVaR (free), u[s] cvarShortfall ≥ 0
 * </pre>
 */
public final class StochasticModelBuilder {
    private StochasticModelBuilder() {
    }

    /**
     * @param riskNeutral ignore the problem's CVaR (objective Σ pₛ npv[s], no floor)
     */
    public static StochasticModel build(StochasticProblem sp, boolean riskNeutral) {
        long t0 = System.nanoTime();
        PlanProblem p0 = sp.first();
        MPSolver s = Lp.newSolver(p0.solver(), AiBlockRows.integer(p0, null)); // whole blocks: first-stage integers
        try {
            int ns = sp.count();
            // ---- first stage: the plan's decisions and their rows (models/PLANS.md), shared by every scenario.
            FleetStockRows.Asic asic = FleetStockRows.add(s, p0, null);
            AiBuildRows.Ai ai = AiBuildRows.add(s, p0, null);
            AiBlockRows.add(s, p0, null, ai.start());
            AiContractRows.Contracts contracts = AiContractRows.add(s, p0, null, ai); // first stage: the contracts are signed once
            GpuLifeRows.Gpu gpu = GpuLifeRows.add(s, p0, null, ai); // first stage: the GPU refreshes are decided once
            AiBuildRows.addLimits(s, p0, ai);
            MPVariable[] sold = TreasuryRows.add(s, p0, null);
            // ---- second stage, per scenario s: the plan's dispatch, interconnect, cash and NPV with s's coefficients.
            MPVariable[] npv = new MPVariable[ns];
            MPVariable[][] cash = new MPVariable[ns][];
            List<List<List<Term>>> terms = new ArrayList<>(ns);
            List<String> names = new ArrayList<>(ns);
            for (int x = 0; x < ns; x++) {
                PlanProblem px = sp.scenarios().get(x);
                String sn = LpNames.clean(sp.names().get(x));
                names.add(sn);
                List<List<MonthBlock>> blocks = PlanModelBuilder.blocks(px);
                MPVariable[][][] dispatch = FleetDispatchRows.addPlanDispatchMw(s, px, sn, blocks, asic.kept());
                InterconnectRows.addPlan(s, px, sn, blocks, dispatch, ai.reserved());
                List<List<Term>> tx = CashRows.newTerms(px.monthCount());
                CashRows.addAsicCash(px, asic, tx);
                CashRows.addDispatchCash(px, blocks, dispatch, tx);
                CashRows.addAiCash(px, ai, contracts, tx);
                GpuLifeRows.addCash(px, gpu, tx);
                CashRows.addTreasuryCash(px, sold, tx);
                cash[x] = CashRows.addBalance(s, px, sn, tx).cash();
                List<TerminalValueRows.Term> terminal = TerminalValueRows.terms(px, asic.kept(), contracts, tx);
                terminal.addAll(GpuLifeRows.terminal(px, gpu));
                npv[x] = NpvObjective.addScenarioNpv(s, px, sn, tx, sold, terminal);
                terms.add(tx);
            }
            // ---- objective and risk.
            StochasticProblem.Cvar cv = riskNeutral ? null : sp.cvar();
            CvarRows.Cvar risk = cv == null ? CvarRows.add(s, names, sp.probabilities(), npv, Double.NaN, 0.0, Double.NaN)
                    : CvarRows.add(s, names, sp.probabilities(), npv, cv.alpha(), cv.weight(), cv.floorUsd());
            return new StochasticModel(sp, s, ai.start(), asic.retired(), asic.bought(), sold, npv, cash, terms, risk.valueAtRisk(),
                    risk.shortfall(), (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException e) {
            s.delete();
            throw e;
        }
    }
}
