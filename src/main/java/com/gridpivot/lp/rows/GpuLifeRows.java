package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.EndOfLife;
import com.gridpivot.planning.input.PlanProblem.GpuLife;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.input.PlanProblem.TerminalMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * GPU life and refresh of cloud options (issue 14, item 2; models/PLANS.md, "GPU life and refresh"). Only options with a
 * {@link GpuLife} get these columns and rows; without one nothing changes.
 * <p>
 * MW started in month k (S[j,k]) are completed in c = k + Lⱼ. Generation g of their GPUs is in service from
 * e_g = c + g·Lg: generation 0 is S[j,k] itself, bought with the hall at the GPU price of month k; generation g ≥ 1 is
 * G[j,k,g] MW refreshed at e_g at the GPU price of month e_g. A generation exists when e_g ≤ M−1 (inside the horizon), e_g
 * &lt; c + Lh (the hall still stands) and the end-of-life mode is not RETIRE. The last generation g* leaves the hall at
 * x = min(e_{g*+1}, c + Lh) — at its end of life (RETIRE) or when the hall's life ends — if x ≤ M−1.
 * <pre>
 *   G[j,k,g] gpuRefreshed  IT MW of the start-month-k cohort refreshed at e_g (generation g)   ≥ 0, in MW of IT
 * </pre>
 * Rows and the online definition it changes ({@link AiBuildRows#add}'s aiOnlineDef[j,m]: O[j,m] − O[j,m−1] − S[j,m−Lⱼ] = 0
 * then counts GPU MW in service, the MW that earn):
 * <pre>
 *   gpuRefreshMax[j,k,g]:  G[j,k,g] − G[j,k,g−1] ≤ 0   (= 0 under REFRESH)     refreshed MW ≤ MW reaching end of life (G[j,k,0] = S[j,k])
 *   aiOnlineDef[j,e_g]:    … + G[j,k,g−1] − G[j,k,g]                        the MW not refreshed stop earning at e_g
 *   aiOnlineDef[j,x]:      … + G[j,k,g*]                                    the last generation leaves at x
 * </pre>
 * The hall's MW stay reserved (W never falls): a retired hall keeps its site power.
 */
public final class GpuLifeRows {
    private GpuLifeRows() {
    }

    /**
     * Per option j and start month k the MW in service of each generation g: gen[j][k][0] = S[j,k], gen[j][k][g ≥ 1] =
     * G[j,k,g]; a null gen[j] for an option without a GPU life.
     */
    public record Gpu(MPVariable[][][] generation) {
        public boolean has(int j) {
            return generation[j] != null;
        }
    }

    /** e_g = k + Lⱼ + g·Lg: the month generation g of the cohort started in k enters service. */
    static int entry(PlanOption o, int k, int g) {
        return k + o.leadTimeMonths() + g * o.gpuLife().lifeMonths();
    }

    /** c + Lh: the month the hall of the cohort started in k stops (beyond any horizon when Lh is unbounded). */
    static long hallEnd(PlanOption o, int k) {
        return (long) k + o.leadTimeMonths() + o.gpuLife().hallLifeMonths();
    }

    /** The number of generations of the cohort started in k inside the horizon (1 + refreshes), 0 when it is never completed. */
    static int generations(PlanOption o, int k, int months) {
        if (entry(o, k, 0) > months - 1) {
            return 1; // completed after the horizon: only the GPUs bought with the hall (their capex may be inside it)
        }
        int g = 1;
        if (o.gpuLife().endOfLife() != EndOfLife.RETIRE) {
            while (entry(o, k, g) <= months - 1 && entry(o, k, g) < hallEnd(o, k)) {
                g++;
            }
        }
        return g;
    }

    /** The number of G[j,k,g] columns (and gpuRefreshMax rows) the problem's GPU lives add: Σ over options and cohorts of the refreshes. */
    public static long refreshColumns(PlanProblem p) {
        long n = 0;
        for (PlanOption o : p.options()) {
            for (int k = 0; o.hasGpuLife() && k < p.monthCount(); k++) {
                n += generations(o, k, p.monthCount()) - 1;
            }
        }
        return n;
    }

    /** x: the month the last generation g* leaves the hall, min(e_{g*+1}, c + Lh) (may lie beyond the horizon). */
    static long exit(PlanOption o, int k, int last) {
        return Math.min((long) entry(o, k, last + 1), hallEnd(o, k));
    }

    /** The price per MW of generation g's GPUs: G (1 − d)^(k/12) for g = 0 (bought with the hall), G (1 − d)^(e_g/12) after. */
    static double price(PlanOption o, int k, int g) {
        return o.gpuLife().gpuPriceUsdPerMw(g == 0 ? k : entry(o, k, g));
    }

    /**
     * The G columns, gpuRefreshMax rows and the changes to aiOnlineDef (class comment).
     *
     * @param site the site's LP name, or null (the plan)
     * @return null when no option has a GPU life
     */
    public static Gpu add(MPSolver s, PlanProblem p, String site, AiBuildRows.Ai ai) {
        if (p.options().stream().noneMatch(PlanOption::hasGpuLife)) {
            return null;
        }
        int months = p.monthCount();
        MPVariable[][][] gen = new MPVariable[p.options().size()][][];
        for (int j = 0; j < gen.length; j++) {
            PlanOption o = p.options().get(j);
            if (!o.hasGpuLife()) {
                continue;
            }
            String on = LpNames.clean(o.spec().name());
            gen[j] = new MPVariable[months][];
            for (int k = 0; k < months; k++) {
                int count = generations(o, k, months);
                gen[j][k] = new MPVariable[count];
                gen[j][k][0] = ai.start()[j][k];
                for (int g = 1; g < count; g++) {
                    int e = entry(o, k, g);
                    String mk = Months.label(p, k);
                    gen[j][k][g] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("gpuRefreshed", site, on, mk, "g" + g));
                    // gpuRefreshMax[j,k,g]: G[j,k,g] − G[j,k,g−1] ≤ 0 (REFRESH: = 0)
                    double lb = o.gpuLife().endOfLife() == EndOfLife.REFRESH ? 0.0 : -Lp.inf();
                    MPConstraint max = Lp.row(s, lb, 0.0, LpNames.of("gpuRefreshMax", site, on, mk, "g" + g));
                    max.setCoefficient(gen[j][k][g], 1.0);
                    max.setCoefficient(gen[j][k][g - 1], -1.0);
                    // aiOnlineDef[j,e_g]: … + G[j,k,g−1] − G[j,k,g]
                    MPConstraint online = onlineDef(s, p, site, on, e);
                    add(online, gen[j][k][g - 1], 1.0);
                    add(online, gen[j][k][g], -1.0);
                }
                long x = exit(o, k, count - 1);
                if (entry(o, k, 0) <= months - 1 && x <= months - 1) {
                    add(onlineDef(s, p, site, on, (int) x), gen[j][k][count - 1], 1.0); // aiOnlineDef[j,x]: … + G[j,k,g*]
                }
            }
        }
        return new Gpu(gen);
    }

    private static MPConstraint onlineDef(MPSolver s, PlanProblem p, String site, String on, int m) {
        MPConstraint row = s.lookupConstraintOrNull(LpNames.of("aiOnlineDef", site, on, Months.label(p, m)));
        if (row == null) {
            throw new IllegalStateException("aiOnlineDef of " + on + " in month " + m + " is missing: AiBuildRows.add comes first");
        }
        return row;
    }

    private static void add(MPConstraint row, MPVariable v, double delta) {
        row.setCoefficient(v, row.getCoefficient(v) + delta);
    }

    /**
     * The cash of the GPU life, per cohort k and generation g (the hall's part and generation 0's GPUs are in
     * {@link CashRows#addAiCash}'s capex, {@link PlanOption#capexUsdPerMw(int)}):
     * <pre>
     *   month e_g, g ≥ 1:  − G (1 − d)^(e_g/12) G[j,k,g]                 AI_CAPEX (start of month): the refresh at that month's price
     *                      + ρ price(g−1) G[j,k,g−1]                       GPU_RESIDUAL (end of month): every GPU reaching its end of life sells
     *   month x ≤ M−1:     + book(x − e_{g*}) price(g*) G[j,k,g*]           GPU_RESIDUAL: the last generation leaves (ρ at its end of life,
     *                                                                       more when the hall's life ends first)
     * </pre>
     * with book(a) = 1 − (1 − ρ) min(a, Lg)/Lg.
     */
    public static void addCash(PlanProblem p, Gpu gpu, List<List<CashRows.Term>> terms) {
        if (gpu == null) {
            return;
        }
        int months = p.monthCount();
        for (int j = 0; j < p.options().size(); j++) {
            if (!gpu.has(j)) {
                continue;
            }
            PlanOption o = p.options().get(j);
            GpuLife life = o.gpuLife();
            for (int k = 0; k < months; k++) {
                MPVariable[] gen = gpu.generation()[j][k];
                for (int g = 1; g < gen.length; g++) {
                    int e = entry(o, k, g);
                    terms.get(e).add(new CashRows.Term(gen[g], -price(o, k, g), CashCategory.AI_CAPEX));
                    if (life.residualShare() > 0.0) {
                        terms.get(e).add(new CashRows.Term(gen[g - 1], life.residualShare() * price(o, k, g - 1), CashCategory.GPU_RESIDUAL));
                    }
                }
                int last = gen.length - 1;
                long x = exit(o, k, last);
                if (entry(o, k, 0) <= months - 1 && x <= months - 1) {
                    double book = life.bookShare((int) x - entry(o, k, last)) * price(o, k, last);
                    if (book > 0.0) {
                        terms.get((int) x).add(new CashRows.Term(gen[last], book, CashCategory.GPU_RESIDUAL));
                    }
                }
            }
        }
    }

    /**
     * Terminal value (method CONTRACTED only): the GPUs still in a hall at the horizon's end at their book value, at the end of
     * month M−1 (use "ai"):
     * <pre>
     *   + book(M − e_{g*}) price(g*) G[j,k,g*]       cohorts completed by M−1 whose last generation is still in service
     *   + Σ_{m ≤ M−1} share(k, m) price(0) S[j,k]   cohorts completed after the horizon: the GPU capex paid so far, at cost
     * </pre>
     * EXIT_MULTIPLE and PERPETUITY capitalise the AI's EBITDA, which the GPUs earn: adding their book value would count them
     * twice. NONE counts nothing (as before).
     */
    public static List<TerminalValueRows.Term> terminal(PlanProblem p, Gpu gpu) {
        List<TerminalValueRows.Term> out = new ArrayList<>();
        if (gpu == null || p.terminalValue().method() != TerminalMethod.CONTRACTED) {
            return out;
        }
        int months = p.monthCount();
        for (int j = 0; j < p.options().size(); j++) {
            if (!gpu.has(j)) {
                continue;
            }
            PlanOption o = p.options().get(j);
            for (int k = 0; k < months; k++) {
                MPVariable[] gen = gpu.generation()[j][k];
                int last = gen.length - 1;
                double value;
                if (entry(o, k, 0) > months - 1) {
                    double paid = 0.0;
                    for (int m = k; m < months; m++) {
                        paid += o.capexShare(k, m);
                    }
                    value = paid * price(o, k, 0);
                } else if (exit(o, k, last) > months - 1) {
                    value = o.gpuLife().bookShare(months - entry(o, k, last)) * price(o, k, last);
                } else {
                    continue; // the hall's life ended inside the horizon: its GPUs were sold then
                }
                if (value > 0.0) {
                    out.add(new TerminalValueRows.Term(months - 1, gen[last], value, TerminalValueRows.AI));
                }
            }
        }
        return out;
    }

    /**
     * The GPU-life figures of a solved plan, per option and month [j][m] (zero rows for options without a GPU life): MW
     * refreshed (Σ G[j,k,g] with e_g = m), MW retired (MW reaching their end of life or their hall's end and not refreshed),
     * the refresh capex (USD, at that month's GPU price) and the residual value received (USD).
     */
    public record Figures(double[][] refreshedMw, double[][] retiredMw, double[][] refreshCapexUsd, double[][] residualUsd) {
    }

    public static Figures figures(PlanProblem p, Gpu gpu) {
        int options = p.options().size();
        int months = p.monthCount();
        double[][] refreshed = new double[options][months];
        double[][] retired = new double[options][months];
        double[][] capex = new double[options][months];
        double[][] residual = new double[options][months];
        for (int j = 0; gpu != null && j < options; j++) {
            if (!gpu.has(j)) {
                continue;
            }
            PlanOption o = p.options().get(j);
            GpuLife life = o.gpuLife();
            for (int k = 0; k < months; k++) {
                MPVariable[] gen = gpu.generation()[j][k];
                for (int g = 1; g < gen.length; g++) {
                    int e = entry(o, k, g);
                    double before = gen[g - 1].solutionValue();
                    double now = gen[g].solutionValue();
                    refreshed[j][e] += now;
                    retired[j][e] += before - now;
                    capex[j][e] += price(o, k, g) * now;
                    residual[j][e] += life.residualShare() * price(o, k, g - 1) * before;
                }
                int last = gen.length - 1;
                long x = exit(o, k, last);
                if (entry(o, k, 0) <= months - 1 && x <= months - 1) {
                    double mw = gen[last].solutionValue();
                    retired[j][(int) x] += mw;
                    residual[j][(int) x] += life.bookShare((int) x - entry(o, k, last)) * price(o, k, last) * mw;
                }
            }
        }
        return new Figures(refreshed, retired, capex, residual);
    }
}
