package com.gridpivot.planning.model;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.solve.OrToolsNatives;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.HourModel;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.model.PlanModel.Term;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the plan LP of models/PLANS.md, one constraint group per concern: the decisions and their rows come from
 * {@link PlanDecisionRows} (shared with the stochastic plan's first stage), the dispatch, interconnect and cash rows from here. Symbols (m months, i fleets, j AI options,
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
 * </pre>
 * Names carry their indices: {@code aiStart[H100,2027-06]}, {@code dispatch[S21,2027-06,b003]}.
 */
public final class PlanModelBuilder {
    /**
     * The cash-balance rows are written in millions of USD (each coefficient and the right-hand side × 1e-6; the cash
     * variables stay in USD). In USD the cumulative cash of a long plan reaches 1e8–1e9 and the rounding of the chain
     * cash[m] = cash[m−1] + CFₘ grows with every month: at 100–120 months GLOP's unscaled check needed a right-hand-side
     * perturbation of 1.03e-6 > its 1e-6 feasibility tolerance and answered ABNORMAL ("the solver failed (ERROR)"). In
     * millions the same rows need 6e-13, and a tolerance of 1e-6 on them is one dollar.
     */
    public static final double CASH_ROW_SCALE = 1e-6;

    private PlanModelBuilder() {
    }

    /** @param fixed decisions fixed by bounds, or null to optimise every decision */
    public static PlanModel build(PlanProblem p, FixedPlan fixed) {
        return build(p, fixed, blocks(p));
    }

    /** The blocks of each month under the problem's hour model: exact merged blocks, or one per hour. */
    public static List<List<MonthBlock>> blocks(PlanProblem p) {
        List<FleetSpec> specs = p.fleets().stream().map(PlanFleet::spec).toList();
        List<List<MonthBlock>> blocks = new ArrayList<>(p.monthCount());
        for (MonthData md : p.months()) {
            blocks.add(p.hourModel() == HourModel.HOURLY ? MonthBlocks.hourly(md, specs) : MonthBlocks.exact(md, specs));
        }
        return blocks;
    }

    /**
     * @param fixed  decisions fixed by bounds, or null to optimise every decision
     * @param blocks the blocks of each month; they must be exact for p (e.g. {@link MonthBlocks#refined} over variants
     *               that include p); their sums are p's
     */
    public static PlanModel build(PlanProblem p, FixedPlan fixed, List<List<MonthBlock>> blocks) {
        OrToolsNatives.ensureLoaded();
        long t0 = System.nanoTime();
        MPSolver s = MPSolver.createSolver(p.solver().name());
        if (s == null) {
            throw new IllegalStateException("OR-Tools has no " + p.solver() + " backend in this build");
        }
        try {
            int months = p.monthCount();
            List<List<Term>> terms = new ArrayList<>(months);
            for (int m = 0; m < months; m++) {
                terms.add(new ArrayList<>());
            }
            PlanDecisionRows.Asic asic = PlanDecisionRows.addAsicFleets(s, p, fixed);
            addAsicCash(p, asic, terms);
            MPVariable[][][] dispatch = addDispatch(s, p, blocks, asic.kept(), terms);
            PlanDecisionRows.Ai ai = PlanDecisionRows.addAiOptions(s, p, fixed);
            addAiCash(p, ai, terms);
            addInterconnectRows(s, p, blocks, dispatch, ai.reserved());
            PlanDecisionRows.addAiLimits(s, p, ai);
            MPVariable[] sold = PlanDecisionRows.addTreasury(s, p, fixed);
            addTreasuryCash(p, sold, terms);
            MPVariable[] cash = new MPVariable[months];
            MPConstraint[] balance = addCashRows(s, p, terms, cash);
            setObjective(s, p, terms, sold);
            double ms = (System.nanoTime() - t0) / 1e6;
            return new PlanModel(p, fixed, s, blocks, asic.kept(), asic.retired(), asic.bought(), dispatch, ai.start(), ai.reserved(),
                    ai.online(), sold, cash, balance, terms, ms);
        } catch (RuntimeException e) {
            s.delete();
            throw e;
        }
    }

    static String month(PlanProblem p, int m) {
        return p.months().get(m).month().toString();
    }

    /** LP names may not contain brackets or commas of their own. */
    static String lp(String name) {
        return name.replaceAll("[\\[\\],\\s]+", "_");
    }

    /** The decisions' cash flows of fleet i in month m: + salvageᵢ R[i,m] − priceᵢ B[i,m] − fixedOpexᵢ Hₘ/8760 K[i,m]. */
    private static void addAsicCash(PlanProblem p, PlanDecisionRows.Asic asic, List<List<Term>> terms) {
        for (int i = 0; i < p.fleets().size(); i++) {
            PlanFleet f = p.fleets().get(i);
            for (int m = 0; m < p.monthCount(); m++) {
                terms.get(m).add(new Term(asic.retired()[i][m], f.salvageUsdPerMw(), CashCategory.ASIC_SALVAGE));
                if (asic.bought()[i] != null) {
                    terms.get(m).add(new Term(asic.bought()[i][m], -f.purchaseUsdPerMw(), CashCategory.ASIC_PURCHASE));
                }
                double fixedOpex = f.spec().fixedOpexUsdPerMwYear() * p.months().get(m).hours() / 8760.0;
                if (fixedOpex != 0.0) {
                    terms.get(m).add(new Term(asic.kept()[i][m], -fixedOpex, CashCategory.MINING_OPEX));
                }
            }
        }
    }

    /**
     * D[i,m,b] ∈ [0, ∞) and fleetLimit[i,m,b]: D[i,m,b] − K[i,m] ≤ 0.
     * Cash: Σ_b (Σ_{t∈b} revᵢₜ − pₜ pueᵢ − varOpexᵢ) D[i,m,b].
     */
    private static MPVariable[][][] addDispatch(MPSolver s, PlanProblem p, List<List<MonthBlock>> blocks, MPVariable[][] kept,
                                                List<List<Term>> terms) {
        MPVariable[][][] d = new MPVariable[p.monthCount()][][];
        for (int m = 0; m < p.monthCount(); m++) {
            List<MonthBlock> mb = blocks.get(m);
            d[m] = new MPVariable[mb.size()][];
            for (int b = 0; b < mb.size(); b++) {
                MonthBlock block = mb.get(b);
                d[m][b] = new MPVariable[block.activeFleets().length];
                for (int k = 0; k < d[m][b].length; k++) {
                    int i = block.activeFleets()[k];
                    String idx = lp(p.fleets().get(i).spec().name()) + "," + month(p, m) + "," + block.label();
                    MPVariable v = s.makeNumVar(0.0, MPSolver.infinity(), "dispatch[" + idx + "]");
                    d[m][b][k] = v;
                    MPConstraint limit = s.makeConstraint(-MPSolver.infinity(), 0.0, "fleetLimit[" + idx + "]");
                    limit.setCoefficient(v, 1.0);
                    limit.setCoefficient(kept[i][m], -1.0);
                    terms.get(m).add(new Term(v, block.revenueUsdPerMw()[k], CashCategory.MINING_REVENUE));
                    terms.get(m).add(new Term(v, -block.energyUsdPerMw()[k], CashCategory.MINING_ENERGY));
                    if (block.varOpexUsdPerMw()[k] != 0.0) {
                        terms.get(m).add(new Term(v, -block.varOpexUsdPerMw()[k], CashCategory.MINING_OPEX));
                    }
                }
            }
        }
        return d;
    }

    /**
     * The AI decisions' cash flows: O[j,m] (Hₘ (revⱼ (1−declineⱼ)^(m/12) − varOpexⱼ) − (1−τⱼ) pueⱼ Σₜ pₜ − fixedOpexⱼ Hₘ/8760)
     * − capexⱼ Σ_k share(k,m) S[j,k]   (share = 1 at k = m, or 1/Lⱼ over the Lⱼ construction months).
     */
    private static void addAiCash(PlanProblem p, PlanDecisionRows.Ai ai, List<List<Term>> terms) {
        for (int j = 0; j < p.options().size(); j++) {
            PlanOption o = p.options().get(j);
            for (int m = 0; m < p.monthCount(); m++) {
                MonthData md = p.months().get(m);
                double h = md.hours();
                MPVariable online = ai.online()[j][m];
                terms.get(m).add(new Term(online, h * o.revenueUsdPerMwh(m), CashCategory.AI_REVENUE));
                if (!o.spec().tenantPaysPower()) {
                    terms.get(m).add(new Term(online, -o.spec().pue() * md.priceSumUsdPerMw(), CashCategory.AI_ENERGY));
                }
                double opex = h * o.spec().variableOpexUsdPerMwh() + o.spec().fixedOpexUsdPerMwYear() * h / 8760.0;
                if (opex != 0.0) {
                    terms.get(m).add(new Term(online, -opex, CashCategory.AI_OPEX));
                }
                if (o.spec().capexUsdPerMw() != 0.0) {
                    for (int k = Math.max(0, m - Math.max(1, o.leadTimeMonths()) + 1); k <= m; k++) {
                        double share = o.capexShare(k, m);
                        if (share > 0.0) {
                            terms.get(m).add(new Term(ai.start()[j][k], -o.spec().capexUsdPerMw() * share, CashCategory.AI_CAPEX));
                        }
                    }
                }
            }
        }
    }

    /** interconnect[m,b]: Σ_{i active} pueᵢ D[i,m,b] + Σⱼ pueⱼ W[j,m] ≤ C (AI holds its power from construction start). */
    private static void addInterconnectRows(MPSolver s, PlanProblem p, List<List<MonthBlock>> blocks, MPVariable[][][] d,
                                            MPVariable[][] reserved) {
        for (int m = 0; m < p.monthCount(); m++) {
            for (int b = 0; b < blocks.get(m).size(); b++) {
                MonthBlock block = blocks.get(m).get(b);
                MPConstraint row = s.makeConstraint(-MPSolver.infinity(), p.interconnectMw(),
                        "interconnect[" + month(p, m) + "," + block.label() + "]");
                for (int k = 0; k < d[m][b].length; k++) {
                    row.setCoefficient(d[m][b][k], p.fleets().get(block.activeFleets()[k]).spec().pue());
                }
                for (int j = 0; j < p.options().size(); j++) {
                    row.setCoefficient(reserved[j][m], p.options().get(j).spec().pue());
                }
            }
            if (blocks.get(m).isEmpty() && !p.options().isEmpty()) {
                MPConstraint row = s.makeConstraint(-MPSolver.infinity(), p.interconnectMw(), "interconnect[" + month(p, m) + "]");
                for (int j = 0; j < p.options().size(); j++) {
                    row.setCoefficient(reserved[j][m], p.options().get(j).spec().pue());
                }
            }
        }
    }

    /** Treasury sales' cash flow: + btcPriceₘ T[m]. */
    private static void addTreasuryCash(PlanProblem p, MPVariable[] sold, List<List<Term>> terms) {
        if (sold == null) {
            return;
        }
        for (int m = 0; m < p.monthCount(); m++) {
            terms.get(m).add(new Term(sold[m], p.months().get(m).btcPriceUsd(), CashCategory.TREASURY_SALE));
        }
    }

    /**
     * cashBalance[m]: 1e-6 (cash[m] − cash[m−1] − CFₘ) = 1e-6 S₀ at m = 0, else 0, with CFₘ = Σ terms of month m (the row
     * in millions of USD, see {@link #CASH_ROW_SCALE}); cash[m] ≥ −creditLine (no bound without a credit line).
     */
    private static MPConstraint[] addCashRows(MPSolver s, PlanProblem p, List<List<Term>> terms, MPVariable[] cash) {
        MPConstraint[] rows = new MPConstraint[p.monthCount()];
        for (int m = 0; m < p.monthCount(); m++) {
            double lb = Double.isFinite(p.cashFloorUsd()) ? p.cashFloorUsd() : -MPSolver.infinity();
            cash[m] = s.makeNumVar(lb, MPSolver.infinity(), "cash[" + month(p, m) + "]");
            double rhs = m == 0 ? p.startingCashUsd() * CASH_ROW_SCALE : 0.0;
            MPConstraint row = s.makeConstraint(rhs, rhs, "cashBalance[" + month(p, m) + "]");
            row.setCoefficient(cash[m], CASH_ROW_SCALE);
            if (m > 0) {
                row.setCoefficient(cash[m - 1], -CASH_ROW_SCALE);
            }
            for (Map.Entry<MPVariable, Double> e : sum(terms.get(m)).entrySet()) {
                row.setCoefficient(e.getKey(), -e.getValue() * CASH_ROW_SCALE);
            }
            rows[m] = row;
        }
        return rows;
    }

    /**
     * max Σₘ δₘ CFₘ − δ_{M−1} btcPrice_{M−1} Σₘ T[m]: the NPV of the site's cash flows plus the treasury sales, less the
     * value the sold BTC would have had, discounted, at the horizon's end (so selling is not free money).
     */
    private static void setObjective(MPSolver s, PlanProblem p, List<List<Term>> terms, MPVariable[] sold) {
        Map<MPVariable, Double> obj = new IdentityHashMap<>();
        for (int m = 0; m < p.monthCount(); m++) {
            double delta = p.discountFactor(m);
            for (Map.Entry<MPVariable, Double> e : sum(terms.get(m)).entrySet()) {
                obj.merge(e.getKey(), delta * e.getValue(), Double::sum);
            }
        }
        if (sold != null) {
            double end = p.treasuryEndValueUsdPerBtc();
            for (MPVariable v : sold) {
                obj.merge(v, -end, Double::sum);
            }
        }
        obj.forEach((v, c) -> s.objective().setCoefficient(v, c));
        s.objective().setMaximization();
    }

    private static Map<MPVariable, Double> sum(List<Term> terms) {
        Map<MPVariable, Double> out = new IdentityHashMap<>();
        for (Term t : terms) {
            out.merge(t.variable(), t.coefficientUsd(), Double::sum);
        }
        return out;
    }
}
