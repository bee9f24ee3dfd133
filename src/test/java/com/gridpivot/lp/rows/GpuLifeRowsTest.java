package com.gridpivot.lp.rows;

import static com.gridpivot.lp.rows.RowFixtures.assertRow;
import static com.gridpivot.lp.rows.RowFixtures.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.RunControl;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.RevenueBasis;
import com.gridpivot.optimization.input.SolverKind;
import com.gridpivot.planning.PlanSolver;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.CapexTiming;
import com.gridpivot.planning.input.PlanProblem.EndOfLife;
import com.gridpivot.planning.input.PlanProblem.GpuLife;
import com.gridpivot.planning.input.PlanProblem.HourModel;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.input.PlanProblem.TerminalMethod;
import com.gridpivot.planning.input.PlanProblem.TerminalValue;
import com.gridpivot.planning.model.PlanModel;
import com.gridpivot.planning.model.PlanModelBuilder;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GPU life and refresh (models/PLANS.md, "GPU life and refresh"): a GPU refresh worked out by hand (rows and cash term by
 * term), a tiny LP solved by hand under each end-of-life mode, and the GPUs' book value in the CONTRACTED terminal value.
 * Months have two hours each; a GPU-lease option earning {@code rev} USD/MWh earns 2 × rev per MW-month; the tenant pays no
 * power (tenantPaysPower: no energy cost) so each month's cash is revenue, capex and residual only.
 */
class GpuLifeRowsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    static PlanProblem problem(int months, double revUsdPerMwh, double capexUsdPerMw, int lead, GpuLife life, double startingCashUsd,
                               TerminalValue terminal) {
        List<MonthData> md = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            md.add(new MonthData(YearMonth.of(2026, 1).plusMonths(m), new double[] {20.0, 20.0}, new double[] {50.0, 50.0}, 50_000.0,
                    new double[] {0.0, 0.0}));
        }
        AiOptionSpec gpu = new AiOptionSpec("H100", null, RevenueBasis.GPU_LEASE, revUsdPerMwh, true, 1.3, 10.0, capexUsdPerMw, 0.0, 0.0);
        return new PlanProblem(YearMonth.of(2026, 1), md, 50.0, INF, 0.0, 0, INF, List.of(),
                List.of(new PlanOption(gpu, lead, CapexTiming.AT_START, 0.0, 0.0, Integer.MAX_VALUE, null, life)), startingCashUsd, 0.0, 0.0,
                0.0, SolverKind.GLOP, HourModel.EXACT_BLOCKS, 10.0, List.of(), terminal);
    }

    /**
     * A GPU refresh. Capex K = 300,000 USD/MW, of which GPUs G = 200,000 and the hall 100,000; GPU life Lg = 12 months,
     * residual ρ = 25 %, the GPU price halves in a year (d = 0.5), the hall stands Lh = 24 months; lead time 0; 30 months.
     * 10 MW started in 2026-01 (k = 0, completed c = 0); at their end of life in 2027-01 (e₁ = 12) 6 MW are refreshed and 4
     * retired.
     * <ul>
     *   <li>2026-01, capex (start of month): 10 × (100,000 + 200,000 × 0.5^(0/12)) = 3,000,000 USD (AI_CAPEX on S).</li>
     *   <li>2027-01, refresh (start of month): 6 × 200,000 × 0.5^(12/12) = 600,000 USD (AI_CAPEX on G₁); residual of all 10 MW
     *       reaching their end of life (end of month): 0.25 × 200,000 × 10 = 500,000 USD (GPU_RESIDUAL on S).</li>
     *   <li>2028-01 (x = min(e₂, c + Lh) = min(24, 24) = 24): the hall's life ends; the refreshed GPUs are 12 months old,
     *       book = 1 − (1 − 0.25) × 12/12 = 0.25 of their price 100,000: 0.25 × 100,000 × 6 = 150,000 USD (GPU_RESIDUAL on G₁).</li>
     *   <li>Online: O = 10 in 2026-01 … 2026-12, 6 in 2027-01 … 2027-12, 0 from 2028-01.
     *       aiOnlineDef[2027-01]: O₁₂ − O₁₁ − S₁₂ + S₀ − G₁ = 6 − 10 − 0 + 10 − 6 = 0;
     *       aiOnlineDef[2028-01]: O₂₄ − O₂₃ − S₂₄ + G₁ = 0 − 6 − 0 + 6 = 0; gpuRefreshMax: G₁ − S₀ = 6 − 10 = −4 ≤ 0.</li>
     * </ul>
     */
    @Test
    void aGpuRefresh() {
        GpuLife life = new GpuLife(12, 200_000.0, 0.25, 0.5, EndOfLife.OPTIMIZE, 24);
        PlanProblem p = problem(30, 50_000.0, 300_000.0, 0, life, 0.0, TerminalValue.NONE);
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            AiBuildRows.Ai ai = AiBuildRows.add(s, p, null);
            GpuLifeRows.Gpu gpu = GpuLifeRows.add(s, p, null, ai);
            List<List<CashRows.Term>> terms = CashRows.newTerms(p.monthCount());
            CashRows.addAiCash(p, ai, null, terms);
            GpuLifeRows.addCash(p, gpu, terms);
            MPVariable s0 = ai.start()[0][0];
            MPVariable g1 = gpu.generation()[0][0][1];
            assertThat(g1.name()).isEqualTo("gpuRefreshed[H100,2026-01,g1]");
            assertThat(gpu.generation()[0][0]).hasSize(2); // a second refresh would come at 24, when the hall ends
            // the cash, term by term
            assertThat(sum(terms, 0, CashCategory.AI_CAPEX, s0)).isCloseTo(-300_000.0, within(1e-6));
            assertThat(sum(terms, 12, CashCategory.AI_CAPEX, g1)).isCloseTo(-100_000.0, within(1e-6));
            assertThat(sum(terms, 12, CashCategory.GPU_RESIDUAL, s0)).isCloseTo(50_000.0, within(1e-6));
            assertThat(sum(terms, 24, CashCategory.GPU_RESIDUAL, g1)).isCloseTo(25_000.0, within(1e-6));
            assertThat(sum(terms, 24, CashCategory.GPU_RESIDUAL, s0)).isZero();
            // a cohort started in 2026-07 (e₁ = 18): refreshed GPUs at 200,000 × 0.5^(18/12) = 70,710.68 per MW
            assertThat(sum(terms, 18, CashCategory.AI_CAPEX, gpu.generation()[0][6][1])).isCloseTo(-200_000.0 * Math.pow(0.5, 1.5), within(1e-6));
            // the rows, with the hand's values fixed
            for (int m = 0; m < 30; m++) {
                fix(ai.start()[0][m], m == 0 ? 10.0 : 0.0);
                fix(ai.reserved()[0][m], 10.0);
                fix(ai.online()[0][m], m < 12 ? 10.0 : m < 24 ? 6.0 : 0.0);
                for (int g = 1; g < gpu.generation()[0][m].length; g++) {
                    fix(gpu.generation()[0][m][g], 0.0);
                }
            }
            fix(g1, 6.0);
            assertRow(s, "aiOnlineDef[H100,2027-01]", 0.0, 0.0, 0.0);
            assertRow(s, "aiOnlineDef[H100,2028-01]", 0.0, 0.0, 0.0);
            assertRow(s, "gpuRefreshMax[H100,2026-01,g1]", -4.0, -INF, 0.0);
            RowFixtures.assertFeasible(s);
            double cash = 0.0;
            for (int m = 0; m < 30; m++) {
                for (CashRows.Term t : terms.get(m)) {
                    cash += t.coefficientUsd() * t.variable().solutionValue();
                }
            }
            // revenue 2 h × 50,000 = 100,000 per MW-month: 12 × 10 + 12 × 6 = 192 MW-months = 19,200,000;
            // − 3,000,000 − 600,000 + 500,000 + 150,000 = 16,250,000 USD
            assertThat(cash).isCloseTo(16_250_000.0, within(1e-3));
            GpuLifeRows.Figures f = GpuLifeRows.figures(p, gpu);
            assertThat(f.refreshedMw()[0][12]).isCloseTo(6.0, within(1e-9));
            assertThat(f.retiredMw()[0][12]).isCloseTo(4.0, within(1e-9));
            assertThat(f.retiredMw()[0][24]).isCloseTo(6.0, within(1e-9));
            assertThat(f.refreshCapexUsd()[0][12]).isCloseTo(600_000.0, within(1e-6));
            assertThat(f.residualUsd()[0][12]).isCloseTo(500_000.0, within(1e-6));
            assertThat(f.residualUsd()[0][24]).isCloseTo(150_000.0, within(1e-6));
        } finally {
            s.delete();
        }
    }

    /**
     * The tiny LP solved by hand: 4 months, r = 0, lead time 0, at most 10 MW, revenue 75,000 USD/MWh × 2 h = 150,000 USD per
     * MW-month, K = 300,000 of which G = 150,000, Lg = 2 months, ρ = 20 %, d = 0, starting cash 3,000,000.
     * A MW started in January earns 2 × 150,000 = 300,000 with its first GPUs, which sell for 0.2 × 150,000 = 30,000 in March;
     * a refresh in March costs 150,000 and earns 300,000 (+150,000). Value: −300,000 + 300,000 + 30,000 + 150,000 = 180,000
     * with the refresh, 30,000 without. A MW started in February earns February and March, sells its GPUs in April for
     * 30,000 and a refresh then earns one month for 150,000 (0): 30,000. So OPTIMIZE and REFRESH start 10 MW in January and
     * refresh all of them: NPV 10 × 180,000 = 1,800,000 USD; RETIRE: 10 × 30,000 = 300,000 USD. Without a GPU life the same
     * 10 MW earn 4 × 150,000 − 300,000 = 300,000 each: 3,000,000 USD.
     */
    @Test
    void refreshOrRetireSolvedByHand() {
        assertThat(npv(new GpuLife(2, 150_000.0, 0.2, 0.0, EndOfLife.OPTIMIZE, Integer.MAX_VALUE), 10.0)).isCloseTo(1_800_000.0, within(1e-3));
        assertThat(npv(new GpuLife(2, 150_000.0, 0.2, 0.0, EndOfLife.REFRESH, Integer.MAX_VALUE), 10.0)).isCloseTo(1_800_000.0, within(1e-3));
        assertThat(npv(new GpuLife(2, 150_000.0, 0.2, 0.0, EndOfLife.RETIRE, Integer.MAX_VALUE), Double.NaN)).isCloseTo(300_000.0, within(1e-3));
        assertThat(npv(null, Double.NaN)).isCloseTo(3_000_000.0, within(1e-3));
    }

    private static double npv(GpuLife life, double refreshedMw) {
        PlanProblem p = problem(4, 75_000.0, 300_000.0, 0, life, 3_000_000.0, TerminalValue.NONE);
        try (PlanModel model = PlanModelBuilder.build(p, null)) {
            SolveOutcome o = PlanSolver.solve(model, RunControl.NONE).outcome();
            if (!Double.isNaN(refreshedMw)) {
                assertThat(model.start()[0][0].solutionValue()).isCloseTo(10.0, within(1e-9));
                assertThat(model.gpu().generation()[0][0][1].solutionValue()).isCloseTo(refreshedMw, within(1e-9));
            }
            return o.objective();
        }
    }

    /**
     * CONTRACTED terminal value: the GPUs in the hall at the horizon's end at their book value. The refresh case above cut
     * to 18 months (the hall stands 24): the 6 MW refreshed in 2027-01 are 18 − 12 = 6 months old at the end of 2027-06,
     * book = 1 − 0.75 × 6/12 = 0.625 of 100,000: 6 × 62,500 = 375,000 USD. A cohort started in 2027-06 (completed after the
     * horizon with lead time 1) holds GPUs paid in full at 200,000 × 0.5^(17/12) per MW. EXIT_MULTIPLE counts none (its
     * EBITDA already values what the GPUs earn).
     */
    @Test
    void terminalBookValueOfTheGpusInService() {
        GpuLife life = new GpuLife(12, 200_000.0, 0.25, 0.5, EndOfLife.OPTIMIZE, 24);
        PlanProblem p = problem(18, 50_000.0, 300_000.0, 0, life, 0.0, new TerminalValue(TerminalMethod.CONTRACTED, 0.0, 0.0));
        MPSolver s = Lp.newSolver(SolverKind.GLOP);
        try {
            AiBuildRows.Ai ai = AiBuildRows.add(s, p, null);
            GpuLifeRows.Gpu gpu = GpuLifeRows.add(s, p, null, ai);
            List<TerminalValueRows.Term> t = GpuLifeRows.terminal(p, gpu);
            MPVariable g1 = gpu.generation()[0][0][1];
            assertThat(t.stream().filter(x -> x.variable() == g1).mapToDouble(TerminalValueRows.Term::coefficientUsd).sum())
                    .isCloseTo(62_500.0, within(1e-6));
            assertThat(t).allMatch(x -> x.month() == 17 && TerminalValueRows.AI.equals(x.use()));
            PlanProblem lead = problem(18, 50_000.0, 300_000.0, 1, life, 0.0, new TerminalValue(TerminalMethod.CONTRACTED, 0.0, 0.0));
            MPSolver s2 = Lp.newSolver(SolverKind.GLOP);
            try {
                AiBuildRows.Ai ai2 = AiBuildRows.add(s2, lead, null);
                GpuLifeRows.Gpu gpu2 = GpuLifeRows.add(s2, lead, null, ai2);
                MPVariable late = ai2.start()[0][17];
                assertThat(GpuLifeRows.terminal(lead, gpu2).stream().filter(x -> x.variable() == late)
                        .mapToDouble(TerminalValueRows.Term::coefficientUsd).sum()).isCloseTo(200_000.0 * Math.pow(0.5, 17.0 / 12.0), within(1e-6));
            } finally {
                s2.delete();
            }
            PlanProblem exit = problem(18, 50_000.0, 300_000.0, 0, life, 0.0, new TerminalValue(TerminalMethod.EXIT_MULTIPLE, 8.0, 0.0));
            assertThat(GpuLifeRows.terminal(exit, gpu)).isEmpty();
        } finally {
            s.delete();
        }
    }

    private static double sum(List<List<CashRows.Term>> terms, int m, CashCategory category, MPVariable v) {
        double s = 0.0;
        for (CashRows.Term t : terms.get(m)) {
            if (t.category() == category && t.variable() == v) {
                s += t.coefficientUsd();
            }
        }
        return s;
    }
}
