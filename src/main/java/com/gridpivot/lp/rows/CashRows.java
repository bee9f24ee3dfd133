package com.gridpivot.lp.rows;

import com.gridpivot.economics.Formulas;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.model.MonthBlock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Cash: one formula per cash-flow term, each tagged with its {@link CashCategory}, and the cash balance that carries the
 * month's flows into the cumulative cash. The plan LP adds one set of terms, the stochastic plan one per scenario; the
 * result builders read the same terms back by category.
 */
public final class CashRows {
    private CashRows() {
    }

    /** coefficient × variable in one month's cash flow. */
    public record Term(MPVariable variable, double coefficientUsd, CashCategory category) {
    }

    /** An empty list of terms per month. */
    public static List<List<Term>> newTerms(int months) {
        List<List<Term>> terms = new ArrayList<>(months);
        for (int m = 0; m < months; m++) {
            terms.add(new ArrayList<>());
        }
        return terms;
    }

    /**
     * The decisions' cash flows of fleet i in month m: + σᵢₘ R[i,m] − πᵢₘ B[i,m] − fixedOpexᵢ Hₘ/8760 K[i,m], with the ASIC
     * prices of month m: σᵢₘ = σᵢ (h̄ₘ/h̄₀)^ε (1 − d)^(m/12), πᵢₘ = πᵢ (h̄ₘ/h̄₀)^ε ({@link PlanFleet#salvageUsdPerMw(int)}).
     */
    public static void addAsicCash(PlanProblem p, FleetStockRows.Asic asic, List<List<Term>> terms) {
        for (int i = 0; i < p.fleets().size(); i++) {
            PlanFleet f = p.fleets().get(i);
            for (int m = 0; m < p.monthCount(); m++) {
                terms.get(m).add(new Term(asic.retired()[i][m], f.salvageUsdPerMw(m), CashCategory.ASIC_SALVAGE));
                if (asic.bought()[i] != null) {
                    terms.get(m).add(new Term(asic.bought()[i][m], -f.purchaseUsdPerMw(m), CashCategory.ASIC_PURCHASE));
                }
                double fixedOpex = Formulas.fixedOpexUsdPerMw(f.spec().fixedOpexUsdPerMwYear(), p.months().get(m).hours());
                if (fixedOpex != 0.0) {
                    terms.get(m).add(new Term(asic.kept()[i][m], -fixedOpex, CashCategory.MINING_OPEX));
                }
            }
        }
    }

    /** The dispatch's cash flows: Σ_b (Σ_{t∈b} revᵢₜ − pₜ pueᵢ − varOpexᵢ) D[i,m,b], one term per part. */
    public static void addDispatchCash(PlanProblem p, List<List<MonthBlock>> blocks, MPVariable[][][] d, List<List<Term>> terms) {
        for (int m = 0; m < p.monthCount(); m++) {
            for (int b = 0; b < blocks.get(m).size(); b++) {
                MonthBlock block = blocks.get(m).get(b);
                for (int k = 0; k < d[m][b].length; k++) {
                    MPVariable v = d[m][b][k];
                    terms.get(m).add(new Term(v, block.revenueUsdPerMw()[k], CashCategory.MINING_REVENUE));
                    terms.get(m).add(new Term(v, -block.energyUsdPerMw()[k], CashCategory.MINING_ENERGY));
                    if (block.varOpexUsdPerMw()[k] != 0.0) {
                        terms.get(m).add(new Term(v, -block.varOpexUsdPerMw()[k], CashCategory.MINING_OPEX));
                    }
                }
            }
        }
    }

    /**
     * The AI decisions' cash flows: Oˢ[j,m] (Bₘ revⱼ (1−declineⱼ)^(m/12) − Hₘ varOpexⱼ − (1−τⱼ) pueⱼ Σₜ pₜ − fixedOpexⱼ Hₘ/8760)
     * − capexⱼ Σ_k share(k,m) S[j,k]   (share = 1 at k = m, or 1/Lⱼ over the Lⱼ construction months), where the billed
     * hours Bₘ = 8760/12 for colocation (billed per month for the contracted kW) and Hₘ otherwise, and Oˢ the MW that follow
     * the market rate: all online MW O[j,m], or for an option with contract terms its spot MW Os[j,m] (the contracted MW's
     * cash: {@link #addAiContractCash}, added here too).
     *
     * @param contracts the contracted/spot split of {@link AiContractRows#add}, or null when no option has contract terms
     */
    public static void addAiCash(PlanProblem p, AiBuildRows.Ai ai, AiContractRows.Contracts contracts, List<List<Term>> terms) {
        for (int j = 0; j < p.options().size(); j++) {
            PlanOption o = p.options().get(j);
            MPVariable[] start = ai.start()[j];
            boolean split = contracts != null && contracts.has(j);
            for (int m = 0; m < p.monthCount(); m++) {
                MonthData md = p.months().get(m);
                double h = md.hours();
                MPVariable online = split ? contracts.spotOnline()[j][m] : ai.online()[j][m];
                List<Term> month = terms.get(m);
                month.add(new Term(online, o.revenueUsdPerMw(m, h), CashCategory.AI_REVENUE));
                if (!o.spec().tenantPaysPower()) {
                    month.add(new Term(online, -md.aiEnergyCostUsdPerMw(o.spec()), CashCategory.AI_ENERGY));
                }
                double opex = h * o.spec().variableOpexUsdPerMwh() + Formulas.fixedOpexUsdPerMw(o.spec().fixedOpexUsdPerMwYear(), h);
                if (opex != 0.0) {
                    month.add(new Term(online, -opex, CashCategory.AI_OPEX));
                }
                if (o.spec().capexUsdPerMw() != 0.0) { // Kⱼ, or with a GPU life the hall's part and the GPUs at their price of month k
                    o.capexPaidIn(m, (k, share) -> month.add(new Term(start[k], -o.capexUsdPerMw(k) * share, CashCategory.AI_CAPEX)));
                }
            }
            if (split) {
                addAiContractCash(p, j, contracts.contracted()[j], terms);
            }
        }
    }

    /**
     * The cash of option j's contracted MW (models/PLANS.md, "AI contracts"), cohort by cohort: MW Sc[j,k] started in month k
     * are in contract month q = m − k − Lⱼ in month m ≥ k + Lⱼ, with cᵩ = a Bₘ (1+e)^⌊q/12⌋ max(ρ_q u, ω):
     * <pre>
     *   q &lt; T:                 + (1 − φ) cᵩ Sc[j,k]                          AI_CONTRACT_REVENUE (the prepaid share φ is earned, not received)
     *                          − ρ_q ((1−τⱼ) pueⱼ Σₜ pₜ + Hₘ varOpexⱼ) Sc[j,k]   AI_ENERGY, AI_OPEX (ramped MW draw power)
     *                          − fixedOpexⱼ Hₘ/8760 Sc[j,k]                    AI_OPEX (the hall is complete)
     *   q ≥ T, renewal:        as a spot MW of month m: Bₘ revⱼₘ, energy, opex   AI_REVENUE, AI_ENERGY, AI_OPEX
     *   q ≥ T, none:           − fixedOpexⱼ Hₘ/8760 Sc[j,k]                    AI_OPEX (the hall stands idle)
     *   month k:               + φ Vⱼₖ Sc[j,k]                                 AI_PREPAYMENT (end of month)
     *   capex months of k:     + κ capexⱼ share(k,m) Sc[j,k]                   AI_TENANT_CAPEX (start of month, as the capex)
     * </pre>
     */
    public static void addAiContractCash(PlanProblem p, int j, MPVariable[] contracted, List<List<Term>> terms) {
        PlanOption o = p.options().get(j);
        PlanProblem.AiContract c = o.contract();
        int lead = o.leadTimeMonths();
        for (int m = 0; m < p.monthCount(); m++) {
            MonthData md = p.months().get(m);
            double h = md.hours();
            List<Term> month = terms.get(m);
            double energy = md.aiEnergyCostUsdPerMw(o.spec());
            double varOpex = h * o.spec().variableOpexUsdPerMwh();
            double fixedOpex = Formulas.fixedOpexUsdPerMw(o.spec().fixedOpexUsdPerMwYear(), h);
            for (int k = 0; k <= m - lead; k++) {
                int q = m - k - lead;
                MPVariable sc = contracted[k];
                if (q < c.termMonths()) {
                    month.add(new Term(sc, (1.0 - c.prepaymentShare()) * c.revenueUsdPerMw(q, o.billedHours(h)), CashCategory.AI_CONTRACT_REVENUE));
                    addCost(month, sc, -c.rampShare(q) * energy, CashCategory.AI_ENERGY);
                    addCost(month, sc, -c.rampShare(q) * varOpex - fixedOpex, CashCategory.AI_OPEX);
                } else if (c.renewAtMarket()) {
                    month.add(new Term(sc, o.revenueUsdPerMw(m, h), CashCategory.AI_REVENUE));
                    addCost(month, sc, -energy, CashCategory.AI_ENERGY);
                    addCost(month, sc, -varOpex - fixedOpex, CashCategory.AI_OPEX);
                } else {
                    addCost(month, sc, -fixedOpex, CashCategory.AI_OPEX);
                }
            }
            if (c.prepaymentShare() > 0.0) {
                month.add(new Term(contracted[m], c.prepaymentShare() * p.contractValueUsdPerMw(o, m), CashCategory.AI_PREPAYMENT));
            }
            if (c.tenantCapexShare() > 0.0 && o.spec().capexUsdPerMw() != 0.0) {
                o.capexPaidIn(m, (k, share) -> month.add(new Term(contracted[k], c.tenantCapexShare() * o.spec().capexUsdPerMw() * share,
                        CashCategory.AI_TENANT_CAPEX)));
            }
        }
    }

    private static void addCost(List<Term> month, MPVariable v, double coefficientUsd, CashCategory category) {
        if (coefficientUsd != 0.0) {
            month.add(new Term(v, coefficientUsd, category));
        }
    }

    /** Treasury sales' cash flow: + btcPriceₘ T[m] (nothing without treasury variables). */
    public static void addTreasuryCash(PlanProblem p, MPVariable[] sold, List<List<Term>> terms) {
        if (sold == null) {
            return;
        }
        for (int m = 0; m < p.monthCount(); m++) {
            terms.get(m).add(new Term(sold[m], p.months().get(m).btcPriceUsd(), CashCategory.TREASURY_SALE));
        }
    }

    /**
     * The cash-balance rows are written in millions of USD (each coefficient and the right-hand side × 1e-6; the cash
     * variables stay in USD). In USD the cumulative cash of a long plan reaches 1e8–1e9 and the rounding of the chain
     * cash[m] = cash[m−1] + CFₘ grows with every month: at 100–120 months GLOP's unscaled check needed a right-hand-side
     * perturbation of 1.03e-6 > its 1e-6 feasibility tolerance and answered ABNORMAL ("the solver failed (ERROR)"). In
     * millions the same rows need 6e-13, and a tolerance of 1e-6 on them is one dollar. The plan, the stochastic plan's
     * scenarios, the sweeps' coefficient updates and the explainer's lowest-cash rows all go through this class.
     */
    public static final double CASH_ROW_SCALE = 1e-6;

    /** Cumulative cash[s,m] and the rows cashBalance[s,m] that define it. */
    public record Balance(MPVariable[] cash, MPConstraint[] rows) {
    }

    /**
     * cashBalance[s,m]: 1e-6 (cash[m] − cash[m−1] − CFₘ) = 1e-6 S₀ at m = 0, else 0, with CFₘ = Σ terms of month m (the
     * row in millions of USD, see {@link #CASH_ROW_SCALE}); cash[m] ≥ −creditLine (no bound without a credit line).
     *
     * @param scenario the scenario's LP name (the stochastic plan), or null (the plan)
     */
    public static Balance addBalance(MPSolver s, PlanProblem p, String scenario, List<List<Term>> terms) {
        MPVariable[] cash = new MPVariable[p.monthCount()];
        MPConstraint[] rows = new MPConstraint[p.monthCount()];
        double lb = Double.isFinite(p.cashFloorUsd()) ? p.cashFloorUsd() : -Lp.inf();
        for (int m = 0; m < p.monthCount(); m++) {
            String mn = Months.label(p, m);
            cash[m] = Lp.var(s, lb, Lp.inf(), LpNames.of("cash", scenario, mn));
            double rhs = m == 0 ? p.startingCashUsd() * CASH_ROW_SCALE : 0.0;
            MPConstraint row = Lp.row(s, rhs, rhs, LpNames.of("cashBalance", scenario, mn));
            row.setCoefficient(cash[m], CASH_ROW_SCALE);
            if (m > 0) {
                row.setCoefficient(cash[m - 1], -CASH_ROW_SCALE);
            }
            rows[m] = row;
        }
        setBalance(rows, flows(terms, t -> 1.0));
        return new Balance(cash, rows);
    }

    /** The cash-flow coefficients −1e-6 CFₘ of the cashBalance rows (a sweep sets them per point; see {@link #CASH_ROW_SCALE}). */
    public static void setBalance(MPConstraint[] rows, List<Map<MPVariable, Double>> flows) {
        for (int m = 0; m < rows.length; m++) {
            for (Map.Entry<MPVariable, Double> e : flows.get(m).entrySet()) {
                rows[m].setCoefficient(e.getKey(), -e.getValue() * CASH_ROW_SCALE);
            }
        }
    }

    /** CFₘ per variable: Σ scale(term) × coefficient over the terms of month m. */
    public static List<Map<MPVariable, Double>> flows(List<List<Term>> terms, ToDoubleFunction<Term> scale) {
        List<Map<MPVariable, Double>> out = new ArrayList<>(terms.size());
        for (List<Term> month : terms) {
            Map<MPVariable, Double> cf = new IdentityHashMap<>();
            for (Term t : month) {
                cf.merge(t.variable(), scale.applyAsDouble(t) * t.coefficientUsd(), Double::sum);
            }
            out.add(cf);
        }
        return out;
    }

    /** Σ of a solved month's terms of one category, USD (costs negative). */
    public static double category(List<Term> month, CashCategory c) {
        double s = 0.0;
        for (Term t : month) {
            if (t.category() == c) {
                s += t.coefficientUsd() * t.variable().solutionValue();
            }
        }
        return s;
    }

    /**
     * lowestCashDef[m]: 1e-6 (cash[m] − lowestCash) ≥ 0 (in millions of USD, as the cash-balance rows), and the objective max lowestCash (replacing any objective): the best
     * lowest cumulative cash any plan can reach. The infeasibility explainer asks this when the cash floor may conflict.
     */
    public static MPVariable maximiseLowestCash(MPSolver s, MPVariable[] cash) {
        s.objective().clear();
        MPVariable floor = Lp.var(s, -Lp.inf(), Lp.inf(), "lowestCash");
        for (int m = 0; m < cash.length; m++) {
            MPConstraint row = Lp.row(s, 0.0, Lp.inf(), "lowestCashDef[" + m + "]");
            row.setCoefficient(cash[m], CASH_ROW_SCALE);
            row.setCoefficient(floor, -CASH_ROW_SCALE);
        }
        s.objective().setCoefficient(floor, 1.0);
        s.objective().setMaximization();
        return floor;
    }

    // ---- what-if (models/README.md): horizon totals per MW instead of monthly terms

    /**
     * aⱼ: the net value over the horizon of one MW of IT load of option j, capex charge included:
     * Σₜ (revⱼ − varOpexⱼ − pₜ pueⱼ [unless the tenant pays]) − capexⱼ CRF(r, n) T/8760 − fixedⱼ T/8760.
     */
    public static double aiNetUsdPerMw(AllocationProblem p, AiOptionSpec o) {
        double energy = aiEnergyUsdPerMw(p, o);
        double hours = p.hours();
        return (o.revenueUsdPerMwh() - o.variableOpexUsdPerMwh()) * hours - energy
                - o.capexUsdPerMw() * p.capitalRecoveryFactor() * p.horizonYears()
                - o.fixedOpexUsdPerMwYear() * p.horizonYears();
    }

    /** Energy cost over the horizon of one MW of IT load of option j: Σₜ pₜ pueⱼ, or 0 when the tenant pays. */
    public static double aiEnergyUsdPerMw(AllocationProblem p, AiOptionSpec o) {
        double energy = 0.0;
        if (!o.tenantPaysPower()) {
            for (int t = 0; t < p.hours(); t++) {
                energy += p.aiEnergyCostUsdPerMwh(o, t);
            }
        }
        return energy;
    }
}
