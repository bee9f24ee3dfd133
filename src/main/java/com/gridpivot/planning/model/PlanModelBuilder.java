package com.gridpivot.planning.model;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.ModelSize;
import com.gridpivot.lp.rows.AiBlockRows;
import com.gridpivot.lp.rows.AiBuildRows;
import com.gridpivot.lp.rows.AiContractRows;
import com.gridpivot.lp.rows.CashRows;
import com.gridpivot.lp.rows.CashRows.Term;
import com.gridpivot.lp.rows.ConvertibleNoteRows;
import com.gridpivot.lp.rows.CovenantRows;
import com.gridpivot.lp.rows.RevolvingCreditRows;
import com.gridpivot.lp.rows.TaxRows;
import com.gridpivot.lp.rows.TermDebtRows;
import com.gridpivot.lp.rows.FleetDispatchRows;
import com.gridpivot.lp.rows.FleetStockRows;
import com.gridpivot.lp.rows.GpuLifeRows;
import com.gridpivot.lp.rows.InterconnectRows;
import com.gridpivot.lp.rows.NpvObjective;
import com.gridpivot.lp.rows.TerminalValueRows;
import com.gridpivot.lp.rows.TreasuryRows;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.HourModel;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the plan LP of models/PLANS.md from the row groups of {@code com.gridpivot.lp.rows} (the stochastic plan composes
 * the same groups: its first stage and, per scenario, dispatch, interconnect and cash). Symbols (m months, i fleets, j AI options,
 * b blocks of a month, Hₘ hours of month m, δₘ = (1+r)^−(m+1)/12):
 * <pre>
 *   K[i,m] asicKept     IT MW of fleet i installed in month m      ≥ 0
 *   R[i,m] asicRetired  IT MW retired at the start of month m      ≥ 0   (salvage per MW)
 *   B[i,m] asicBought   IT MW bought at the start of month m       ≥ 0   (price per MW; only with a new-machine price)
 *   D[i,m,b] dispatch   IT MW of fleet i in each hour of block b   0 ≤ D ≤ K[i,m]
 *   S[j,m] aiStart      AI IT MW whose construction starts in m    ≥ 0
 *   W[j,m] aiReserved   Σ_{k≤m} S[j,k]: holds site power from its start (construction included)
 *   O[j,m] aiOnline     Σ_{k≤m−Lⱼ} S[j,k]: earns from month k + Lⱼ
 *   T[m]   treasurySold BTC sold in month m                     ≥ 0
 *   cash[m]             cumulative cash at the end of month m   ≥ −creditLine
 *   n[j,m] aiBlocks     whole blocks of option j started in m   ∈ ℤ ≥ 0 (only for options with a block size: a MILP)
 *   Sc, Ss, Os          contracted starts, spot starts, spot online (only for options with contract terms: AiContractRows)
 *   G[j,k,g]            MW of the month-k cohort refreshed with generation g of GPUs (only for options with a GPU life: GpuLifeRows)
 *   U, V, Q, Z [m]      credit line drawn, repaid, owed, undrawn (USD; only with finance.revolvingCredit)
 *   x[k], y[n]          term loan k drawn, convertible note n issued (USD; only with finance.termLoans / convertibleNotes)
 *   P, N, U, S, X [y]   taxable profit, loss, loss used, loss stock, income tax of tax year y (USD; only with finance.tax)
 * </pre>
 * Names carry their indices: {@code aiStart[H100,2027-06]}, {@code dispatch[S21,2027-06,b003]}.
 */
public final class PlanModelBuilder {
    private PlanModelBuilder() {
    }

    /** @param fixed decisions fixed by bounds, or null to optimise every decision */
    public static PlanModel build(PlanProblem p, FixedPlan fixed) {
        return build(p, fixed, blocks(p));
    }

    /**
     * The plan LP's size before it is built (the memory guard, {@link ModelSize}). M months, F fleets, J options, B blocks
     * (hours when HOURLY), A = Σ active fleets over the blocks. Columns: K, R, B per fleet and month (3FM), D (A), S, W, O
     * (3JM), T and cash (2M), whole blocks (JM) → 3FM + A + 4JM + 2M; rows: asicBalance (FM), fleetLimit (A), interconnect
     * (B), aiReservedDef and aiOnlineDef (2JM), block rows (JM), conversion, contract and cash (3M) → FM + A + B + 3JM + 3M;
     * non-zeros: asicBalance 4FM, fleetLimit 2A, interconnect A + BJ, definitions 5JM, limits and blocks 4JM, cash A +
     * M(3F + 2J + 2) → 4FM + 4A + BJ + 9JM + M(3F + 2J + 2).
     */
    public static ModelSize estimate(PlanProblem p) {
        long m = p.monthCount();
        long f = p.fleets().size();
        long j = p.options().size();
        long b;
        long a;
        if (p.hourModel() == HourModel.HOURLY) {
            b = p.totalHours();
            a = b * f;
        } else {
            List<List<MonthBlock>> blocks = blocks(p);
            b = blocks.stream().mapToLong(List::size).sum();
            a = blocks.stream().flatMap(List::stream).mapToLong(x -> x.activeFleets().length).sum();
        }
        // financing (issue 15): the credit line 4M columns, 2M rows, 10M non-zeros; loans and notes one column each and M
        // non-zeros in the cash rows; covenants up to 2M rows of at most 12 months of the cash rows' operating terms each
        var fin = p.financing();
        long lines = fin.revolvingCredit() == null ? 0 : 1;
        long debts = fin.termLoans().size() + fin.convertibleNotes().size();
        long covenantRows = (fin.covenants().minCashUsd() == null ? 0 : m) + (fin.covenants().maxDebtToTrailingEbitda() == null ? 0 : m);
        long covenantNz = (fin.covenants().minCashUsd() == null ? 0 : m)
                + (fin.covenants().maxDebtToTrailingEbitda() == null ? 0 : 12 * (a + 2 * j * m + f * m) + m * (lines + debts));
        // tax (finance.tax): per tax year Y = ⌈(M + 11) / 12⌉ + 1 at most, 5 columns and 5 rows of ≤ 3 entries, and the taxable-income
        // rows hold the cash rows' taxed terms once (A + M(3F + 2J + 2)) plus each capex column in every later year (M(F + J) Y)
        long years = p.financing().tax() == null ? 0 : (m + 11) / 12 + 1;
        long taxNz = years == 0 ? 0 : 15 * years + a + m * (3 * f + 2 * j + 2) + m * (f + j) * years + (lines + debts) * m;
        // GPU life (issue 14, item 2): g refresh columns G[j,k,g], one gpuRefreshMax row each; non-zeros 2 in it, 2 in aiOnlineDef,
        // 2 cash terms, and one more aiOnlineDef entry and cash term per cohort for the last generation's exit
        long g = GpuLifeRows.refreshColumns(p);
        long gpuCohorts = p.options().stream().filter(PlanProblem.PlanOption::hasGpuLife).count() * m;
        return new ModelSize(f * m + a + b + 3 * j * m + 3 * m + 2 * lines * m + covenantRows + 5 * years + g,
                3 * f * m + a + 4 * j * m + 2 * m + 4 * lines * m + debts + 5 * years + g,
                4 * f * m + 4 * a + b * j + 9 * j * m + m * (3 * f + 2 * j + 2) + 10 * lines * m + debts * m + covenantNz + taxNz + 6 * g
                        + 2 * gpuCohorts);
    }

    /** The blocks of each month under the problem's hour model (exact merged blocks, or one per hour), with month m's fleets. */
    public static List<List<MonthBlock>> blocks(PlanProblem p) {
        List<List<MonthBlock>> blocks = new ArrayList<>(p.monthCount());
        for (int m = 0; m < p.monthCount(); m++) {
            MonthData md = p.months().get(m);
            List<FleetSpec> specs = p.fleetSpecsIn(m); // the fleets' hashrate of month m (degradation)
            blocks.add(p.hourModel() == HourModel.HOURLY ? MonthBlocks.hourly(md, specs) : MonthBlocks.exact(md, specs));
        }
        return blocks;
    }

    /**
     * The plan LP as a list of row groups ({@code com.gridpivot.lp.rows}), in this order (the variables' and rows' order).
     *
     * @param fixed  decisions fixed by bounds, or null to optimise every decision
     * @param blocks the blocks of each month; they must be exact for p (e.g. {@link MonthBlocks#refined} over variants
     *               that include p); their sums are p's
     */
    public static PlanModel build(PlanProblem p, FixedPlan fixed, List<List<MonthBlock>> blocks) {
        long t0 = System.nanoTime();
        MPSolver s = Lp.newSolver(p.solver(), AiBlockRows.integer(p, fixed));
        try {
            List<List<Term>> terms = CashRows.newTerms(p.monthCount());
            FleetStockRows.Asic asic = FleetStockRows.add(s, p, fixed);
            CashRows.addAsicCash(p, asic, terms);
            MPVariable[][][] dispatch = FleetDispatchRows.addPlanDispatchMw(s, p, null, blocks, asic.kept());
            CashRows.addDispatchCash(p, blocks, dispatch, terms);
            AiBuildRows.Ai ai = AiBuildRows.add(s, p, fixed);
            AiBlockRows.add(s, p, fixed, ai.start());
            AiContractRows.Contracts contracts = AiContractRows.add(s, p, fixed, ai);
            CashRows.addAiCash(p, ai, contracts, terms);
            GpuLifeRows.Gpu gpu = GpuLifeRows.add(s, p, null, ai);
            GpuLifeRows.addCash(p, gpu, terms);
            InterconnectRows.addPlan(s, p, null, blocks, dispatch, ai.reserved());
            AiBuildRows.addLimits(s, p, ai);
            MPVariable[] sold = TreasuryRows.add(s, p, fixed);
            CashRows.addTreasuryCash(p, sold, terms);
            RevolvingCreditRows.Revolver revolver = RevolvingCreditRows.add(s, p, terms);
            MPVariable[] loans = TermDebtRows.add(s, p, terms);
            MPVariable[] notes = ConvertibleNoteRows.add(s, p, terms);
            TaxRows.Tax tax = TaxRows.add(s, p, terms); // after every taxable term, before the cash balance it pays into
            CashRows.Balance cash = CashRows.addBalance(s, p, null, terms);
            List<Map<MPVariable, Double>> debt = CovenantRows.debt(p, revolver, loans, notes);
            CovenantRows.Covenants covenants = CovenantRows.add(s, p, terms, cash.cash(), debt);
            List<TerminalValueRows.Term> terminal = TerminalValueRows.terms(p, asic.kept(), contracts, terms);
            terminal.addAll(GpuLifeRows.terminal(p, gpu));
            NpvObjective.setPlan(s, p, terms, sold, terminal);
            double ms = (System.nanoTime() - t0) / 1e6;
            return new PlanModel(p, fixed, s, blocks, asic.kept(), asic.retired(), asic.bought(), dispatch, ai.start(), ai.reserved(),
                    ai.online(), sold, cash.cash(), cash.rows(), terms, ms, contracts, terminal,
                    new PlanFinancingModel(revolver, loans, notes, debt, covenants, tax), gpu);
        } catch (RuntimeException e) {
            s.delete();
            throw e;
        }
    }
}
