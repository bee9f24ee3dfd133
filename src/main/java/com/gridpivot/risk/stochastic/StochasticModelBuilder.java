package com.gridpivot.risk.stochastic;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.solve.OrToolsNatives;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.HourModel;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.model.MonthBlock;
import com.gridpivot.planning.model.MonthBlocks;
import com.gridpivot.planning.model.PlanDecisionRows;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the two-stage plan LP of models/RISK.md: the plan LP of models/PLANS.md with its conversion decisions shared by all
 * scenarios s and its dispatch and cash per scenario (s = scenario name in row names).
 * <pre>
 *   first stage (shared):  K[i,m] asicKept, R[i,m] asicRetired, B[i,m] asicBought, S[j,m] aiStart, W[j,m] aiReserved,
 *                          O[j,m] aiOnline, T[m] treasurySold
 *   second stage (per s):  D[s,i,m,b] dispatch, cash[s,m], npv[s] (free)
 *   risk (optional):       ζ cvarVaR (free), u[s] cvarShortfall ≥ 0
 * </pre>
 */
public final class StochasticModelBuilder {
    private StochasticModelBuilder() {
    }

    static String lp(String name) {
        return name.replaceAll("[\\[\\],\\s]+", "_");
    }

    /**
     * @param riskNeutral ignore the problem's CVaR (objective Σ pₛ npv[s], no floor)
     */
    public static StochasticModel build(StochasticProblem sp, boolean riskNeutral) {
        OrToolsNatives.ensureLoaded();
        long t0 = System.nanoTime();
        PlanProblem p0 = sp.first();
        MPSolver s = MPSolver.createSolver(p0.solver().name());
        if (s == null) {
            throw new IllegalStateException("OR-Tools has no " + p0.solver() + " backend in this build");
        }
        try {
            double inf = MPSolver.infinity();
            int months = p0.monthCount();
            int nf = p0.fleets().size();
            int no = p0.options().size();
            int ns = sp.count();
            // terms[s][m]: variable → USD coefficient in scenario s's cash flow of month m
            List<List<Map<MPVariable, Double>>> terms = new ArrayList<>();
            for (int x = 0; x < ns; x++) {
                List<Map<MPVariable, Double>> t = new ArrayList<>();
                for (int m = 0; m < months; m++) {
                    t.add(new IdentityHashMap<>());
                }
                terms.add(t);
            }
            // ---- first stage: the plan's decisions and their rows (models/PLANS.md), shared by every scenario.
            PlanDecisionRows.Asic asic = PlanDecisionRows.addAsicFleets(s, p0, null);
            PlanDecisionRows.Ai ai = PlanDecisionRows.addAiOptions(s, p0, null);
            PlanDecisionRows.addAiLimits(s, p0, ai);
            MPVariable[] sold = PlanDecisionRows.addTreasury(s, p0, null);
            MPVariable[][] kept = asic.kept();
            MPVariable[][] retired = asic.retired();
            MPVariable[][] bought = asic.bought();
            MPVariable[][] start = ai.start();
            MPVariable[][] reserved = ai.reserved();
            MPVariable[][] online = ai.online();
            for (int x = 0; x < ns; x++) {
                PlanProblem px = sp.scenarios().get(x);
                for (int m = 0; m < months; m++) {
                    MonthData md = px.months().get(m);
                    double h = md.hours();
                    Map<MPVariable, Double> t = terms.get(x).get(m);
                    // Fleets, cash of s: + σᵢˢ R[i,m] − πᵢˢ B[i,m] − Fᵢ Hₘ/8760 K[i,m].
                    for (int i = 0; i < nf; i++) {
                        PlanFleet f = px.fleets().get(i);
                        t.merge(retired[i][m], f.salvageUsdPerMw(), Double::sum);
                        if (bought[i] != null) {
                            t.merge(bought[i][m], -f.purchaseUsdPerMw(), Double::sum);
                        }
                        t.merge(kept[i][m], -f.spec().fixedOpexUsdPerMwYear() * h / 8760.0, Double::sum);
                    }
                    // AI, cash of s: O[j,m] (Hₘ (revⱼₘˢ − vⱼ) − (1−τⱼ) pueⱼ Σₜ pₜˢ − Fⱼ Hₘ/8760) − Kⱼˢ Σₖ share(k,m) S[j,k].
                    for (int j = 0; j < no; j++) {
                        PlanOption o = px.options().get(j);
                        double perMw = h * o.revenueUsdPerMwh(m) - h * o.spec().variableOpexUsdPerMwh() - o.spec().fixedOpexUsdPerMwYear() * h / 8760.0
                                - (o.spec().tenantPaysPower() ? 0.0 : o.spec().pue() * md.priceSumUsdPerMw());
                        t.merge(online[j][m], perMw, Double::sum);
                        for (int k = Math.max(0, m - Math.max(1, o.leadTimeMonths()) + 1); k <= m; k++) {
                            double share = o.capexShare(k, m);
                            if (share > 0.0 && o.spec().capexUsdPerMw() != 0.0) {
                                t.merge(start[j][k], -o.spec().capexUsdPerMw() * share, Double::sum);
                            }
                        }
                    }
                    // Treasury, cash of s: + Pₘˢ T[m].
                    if (sold != null) {
                        t.merge(sold[m], md.btcPriceUsd(), Double::sum);
                    }
                }
            }
            // ---- second stage, per scenario s.
            MPVariable[] npv = new MPVariable[ns];
            MPVariable[][] cash = new MPVariable[ns][months];
            for (int x = 0; x < ns; x++) {
                PlanProblem px = sp.scenarios().get(x);
                String sn = lp(sp.names().get(x));
                List<FleetSpec> specs = px.fleets().stream().map(PlanFleet::spec).toList();
                for (int m = 0; m < months; m++) {
                    MonthData md = px.months().get(m);
                    String mn = md.month().toString();
                    List<MonthBlock> blocks = px.hourModel() == HourModel.HOURLY ? MonthBlocks.hourly(md, specs) : MonthBlocks.exact(md, specs);
                    Map<MPVariable, Double> t = terms.get(x).get(m);
                    for (MonthBlock block : blocks) {
                        // fleetLimit[s,i,m,b]: D[s,i,m,b] − K[i,m] ≤ 0;
                        // interconnect[s,m,b]: Σᵢ pueᵢ D[s,i,m,b] + Σⱼ pueⱼ W[j,m] ≤ C.
                        // Cash of s: Σ_b (Σ_{t∈b} rᵢₜˢ − pₜˢ pueᵢ − vᵢ) D[s,i,m,b].
                        MPConstraint ic = s.makeConstraint(-inf, px.interconnectMw(), "interconnect[" + sn + "," + mn + "," + block.label() + "]");
                        for (int k = 0; k < block.activeFleets().length; k++) {
                            int i = block.activeFleets()[k];
                            String idx = sn + "," + lp(specs.get(i).name()) + "," + mn + "," + block.label();
                            MPVariable d = s.makeNumVar(0.0, inf, "dispatch[" + idx + "]");
                            MPConstraint lim = s.makeConstraint(-inf, 0.0, "fleetLimit[" + idx + "]");
                            lim.setCoefficient(d, 1.0);
                            lim.setCoefficient(kept[i][m], -1.0);
                            ic.setCoefficient(d, specs.get(i).pue());
                            t.merge(d, block.marginUsdPerMw(k), Double::sum);
                        }
                        for (int j = 0; j < no; j++) {
                            ic.setCoefficient(reserved[j][m], px.options().get(j).spec().pue());
                        }
                    }
                    if (blocks.isEmpty() && no > 0) {
                        MPConstraint ic = s.makeConstraint(-inf, px.interconnectMw(), "interconnect[" + sn + "," + mn + "]");
                        for (int j = 0; j < no; j++) {
                            ic.setCoefficient(reserved[j][m], px.options().get(j).spec().pue());
                        }
                    }
                    // cashBalance[s,m]: cash[s,m] − cash[s,m−1] − CFₘˢ = S₀ [m = 0];  cash[s,m] ≥ −creditLine.
                    double lb = Double.isFinite(px.cashFloorUsd()) ? px.cashFloorUsd() : -inf;
                    cash[x][m] = s.makeNumVar(lb, inf, "cash[" + sn + "," + mn + "]");
                    double rhs = m == 0 ? px.startingCashUsd() : 0.0;
                    MPConstraint row = s.makeConstraint(rhs, rhs, "cashBalance[" + sn + "," + mn + "]");
                    row.setCoefficient(cash[x][m], 1.0);
                    if (m > 0) {
                        row.setCoefficient(cash[x][m - 1], -1.0);
                    }
                    for (Map.Entry<MPVariable, Double> e : t.entrySet()) {
                        row.setCoefficient(e.getKey(), -e.getValue());
                    }
                }
                // npvDef[s]: npv[s] − Σₘ δₘˢ CFₘˢ + δ_{M−1}ˢ P_{M−1}ˢ Σₘ T[m] = 0
                npv[x] = s.makeNumVar(-inf, inf, "npv[" + sn + "]");
                Map<MPVariable, Double> coef = new IdentityHashMap<>();
                for (int m = 0; m < months; m++) {
                    double delta = px.discountFactor(m);
                    for (Map.Entry<MPVariable, Double> e : terms.get(x).get(m).entrySet()) {
                        coef.merge(e.getKey(), delta * e.getValue(), Double::sum);
                    }
                }
                if (sold != null) {
                    for (MPVariable v : sold) {
                        coef.merge(v, -px.treasuryEndValueUsdPerBtc(), Double::sum);
                    }
                }
                MPConstraint def = s.makeConstraint(0.0, 0.0, "npvDef[" + sn + "]");
                def.setCoefficient(npv[x], 1.0);
                coef.forEach((v, c) -> def.setCoefficient(v, -c));
            }
            // ---- objective and risk.
            // max (1 − λ) Σₛ pₛ npv[s] + λ (ζ − 1/(1−α) Σₛ pₛ u[s]),   cvarShortfall[s]: u[s] − ζ + npv[s] ≥ 0, u ≥ 0;
            // cvarFloor: ζ − 1/(1−α) Σₛ pₛ u[s] ≥ floor.
            StochasticProblem.Cvar cv = riskNeutral ? null : sp.cvar();
            double lambda = cv == null ? 0.0 : cv.weight();
            MPVariable zeta = null;
            MPVariable[] u = null;
            for (int x = 0; x < ns; x++) {
                s.objective().setCoefficient(npv[x], (1.0 - lambda) * sp.probabilities()[x]);
            }
            if (cv != null) {
                zeta = s.makeNumVar(-inf, inf, "cvarVaR");
                u = new MPVariable[ns];
                double tail = 1.0 / (1.0 - cv.alpha());
                MPConstraint floor = Double.isNaN(cv.floorUsd()) ? null : s.makeConstraint(cv.floorUsd(), inf, "cvarFloor");
                if (floor != null) {
                    floor.setCoefficient(zeta, 1.0);
                }
                for (int x = 0; x < ns; x++) {
                    u[x] = s.makeNumVar(0.0, inf, "cvarShortfall[" + lp(sp.names().get(x)) + "]");
                    MPConstraint r = s.makeConstraint(0.0, inf, "cvarShortfallDef[" + lp(sp.names().get(x)) + "]");
                    r.setCoefficient(u[x], 1.0);
                    r.setCoefficient(zeta, -1.0);
                    r.setCoefficient(npv[x], 1.0);
                    s.objective().setCoefficient(u[x], -lambda * tail * sp.probabilities()[x]);
                    if (floor != null) {
                        floor.setCoefficient(u[x], -tail * sp.probabilities()[x]);
                    }
                }
                s.objective().setCoefficient(zeta, lambda);
            }
            s.objective().setMaximization();
            return new StochasticModel(sp, s, start, retired, bought, sold, npv, cash, zeta, u, (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException e) {
            s.delete();
            throw e;
        }
    }
}
