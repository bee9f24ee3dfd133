package com.gridpivot.optimization.result;

import static com.gridpivot.optimization.input.FieldChecks.fmt;

import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.economics.Formulas;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.ForcedCurtailment;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.model.AllocationModel;
import com.gridpivot.optimization.model.HourBlock;
import com.gridpivot.optimization.result.AllocationResult.Allocation;
import com.gridpivot.optimization.result.AllocationResult.Breakeven;
import com.gridpivot.optimization.result.AllocationResult.Economics;
import com.gridpivot.optimization.result.AllocationResult.FleetDispatch;
import com.gridpivot.optimization.result.AllocationResult.IdleReason;
import com.gridpivot.optimization.result.AllocationResult.ShadowPrices;
import com.gridpivot.optimization.result.AllocationResult.SolverStats;
import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.rows.AncillaryRows;
import com.gridpivot.lp.rows.PowerContractRows;
import com.gridpivot.lp.SolveOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a solved model back into an {@link AllocationResult}: hourly dispatch (expanded from blocks by the merit-order
 * fill), economics recomputed from that dispatch and checked against the objective, breakevens, duals turned into
 * shadow prices, and the binding limits in words.
 */
public final class AllocationResultBuilder {
    /** Relative slack under which a limit counts as binding. */
    private static final double BIND_TOL = 1e-7;

    private AllocationResultBuilder() {
    }

    public static AllocationOutcome noSolution(AllocationProblem p, SolveOutcome s, SolverStats stats) {
        String explanation = switch (s.status()) {
            case INFEASIBLE -> InfeasibilityExplainer.explain(p);
            case UNBOUNDED -> "The objective is unbounded: some option earns money without limit. Give it a maxItMw or the site an interconnectMw.";
            case TIMED_OUT -> "The solver reached the time limit of " + p.timeLimitSeconds() + " s before finding an answer; raise timeLimitSeconds or use hourAggregation EXACT.";
            default -> "The solver failed" + (s.note() == null ? "" : ": " + s.note()) + ". Try another solver (GLOP, CLP) or check the inputs' magnitudes.";
        };
        AllocationResult r = new AllocationResult(s.status(), null, null, null, null, null, null, stats, explanation, List.of(), null, null);
        return new AllocationOutcome(r, null, null);
    }

    public static AllocationOutcome fromSolution(AllocationModel m, SolveOutcome s, SolverStats stats) {
        AllocationProblem p = m.problem();
        int n = p.fleets().size();
        int hours = p.hours();
        double[] y = new double[p.aiOptions().size()];
        for (int j = 0; j < y.length; j++) {
            y[j] = Math.max(0.0, m.aiIt()[j].solutionValue());
        }
        double[][] d = hourlyDispatch(m, y);

        // ---- site power per hour
        double aiPower = 0.0;
        for (int j = 0; j < y.length; j++) {
            aiPower += p.aiOptions().get(j).pue() * y[j];
        }
        // grid site power: under a curtailment order with BACKUP_POWER the AI load is off the grid in the forced hours
        double[] facility = new double[hours];
        for (int t = 0; t < hours; t++) {
            double load = p.forcedCurtailment().aiOnBackup(t) ? 0.0 : aiPower;
            for (int i = 0; i < n; i++) {
                load += p.fleets().get(i).pue() * d[i][t];
            }
            facility[t] = load;
        }

        // ---- fleets: MW, energy, revenue, curtailment
        Map<String, Double> asicMw = new LinkedHashMap<>();
        Map<String, FleetDispatch> dispatch = new LinkedHashMap<>();
        double miningRevenue = 0.0;
        double energyCost = 0.0;
        double opex = 0.0;
        double miningMwh = 0.0;
        double years = p.horizonYears();
        for (int i = 0; i < n; i++) {
            FleetSpec f = p.fleets().get(i);
            double mw = 0.0;
            double mwh = 0.0;
            double rev = 0.0;
            for (int t = 0; t < hours; t++) {
                double v = d[i][t];
                mw = Math.max(mw, v);
                mwh += v;
                rev += p.miningRevenueUsdPerMwh(f, t) * v;
                energyCost += Formulas.miningEnergyCostUsdPerMwh(p.energyPriceUsdPerMwh(t), f.pue()) * v;
            }
            int curtailed = 0;
            double tol = BIND_TOL * Math.max(1.0, mw);
            for (int t = 0; t < hours; t++) {
                if (d[i][t] < mw - tol) {
                    curtailed++;
                }
            }
            MPVariable x = m.deployed()[i];
            double deployedMw = x == null ? mw : Math.max(mw, x.solutionValue());
            opex += f.variableOpexUsdPerMwh() * mwh + f.fixedOpexUsdPerMwYear() * years * deployedMw;
            miningRevenue += rev;
            miningMwh += mwh;
            asicMw.put(f.name(), mw);
            Idle idle = idle(p, i, d, facility, aiPower);
            dispatch.put(f.name(), new FleetDispatch(f.capacityMw(), mwh, mw > 0 ? mwh / (mw * hours) : 0.0, mw > 0 ? curtailed : 0, rev,
                    mw, idle.mw(), idle.reason(), idle.payingHours(), idle.note()));
        }

        // ---- AI options
        Map<String, Double> aiMw = new LinkedHashMap<>();
        double aiRevenue = 0.0;
        double capexCharge = 0.0;
        // the AI load's grid energy: every hour but the forced curtailment hours under BACKUP_POWER, which run on backup
        ForcedCurtailment order = p.forcedCurtailment();
        double sumPrice = 0.0;
        int backupHours = 0;
        for (int t = 0; t < hours; t++) {
            if (order.aiOnBackup(t)) {
                backupHours++;
            } else {
                sumPrice += p.energyPriceUsdPerMwh(t);
            }
        }
        double backupMwh = 0.0;
        double backupCost = 0.0;
        for (int j = 0; j < y.length; j++) {
            AiOptionSpec o = p.aiOptions().get(j);
            aiMw.put(o.name(), y[j]);
            aiRevenue += o.revenueUsdPerMwh() * hours * y[j];
            energyCost += Formulas.aiEnergyCostUsdPerMw(o.tenantPaysPower(), o.pue(), sumPrice) * y[j];
            backupMwh += o.pue() * y[j] * backupHours;
            backupCost += Formulas.aiEnergyCostUsdPerMw(o.tenantPaysPower(), o.pue(), order.backupPowerCostUsdPerMwh() * backupHours) * y[j];
            capexCharge += o.capexUsdPerMw() * p.capitalRecoveryFactor() * years * y[j];
            opex += (o.variableOpexUsdPerMwh() * hours + o.fixedOpexUsdPerMwYear() * years) * y[j];
        }

        // ---- site power whose energy the site buys: fleets and the AI options whose tenant does not pay its power
        double boughtAi = 0.0;
        for (int j = 0; j < y.length; j++) {
            AiOptionSpec o = p.aiOptions().get(j);
            boughtAi += o.tenantPaysPower() ? 0.0 : o.pue() * y[j];
        }
        double[] bought = new double[hours];
        double[] boughtAiMw = new double[hours];
        for (int t = 0; t < hours; t++) {
            boughtAiMw[t] = order.aiOnBackup(t) ? 0.0 : boughtAi;
            bought[t] = facility[t] - (order.aiOnBackup(t) ? 0.0 : aiPower) + boughtAiMw[t];
        }

        // ---- power contract: the fixed-price blocks' value, split by resold and used block energy
        Double powerCredits = null;
        Double blockSavings = null;
        if (!p.powerContract().fixedPriceBlocks().isEmpty()) {
            PowerContractRows.Split split = PowerContractRows.split(p, bought);
            powerCredits = split.creditsUsd();
            blockSavings = split.savingsUsd();
        }

        // ---- coincident peaks: expected tag (1/N) Σ Pₜ Lₜ, charge rate × tag, saving against running every hour at asicItMw
        Double fourCpTag = null;
        Double fourCpCharge = null;
        Double fourCpSaving = null;
        if (p.fourCp().active()) {
            double[] neverCurtailed = new double[hours];
            double fleetsAtMax = 0.0;
            for (int i = 0; i < n; i++) {
                fleetsAtMax += p.fleets().get(i).pue() * asicMw.get(p.fleets().get(i).name());
            }
            for (int t = 0; t < hours; t++) {
                neverCurtailed[t] = fleetsAtMax + boughtAiMw[t];
            }
            fourCpTag = p.fourCp().tagMw(bought);
            fourCpCharge = p.fourCp().rateUsdPerMwYear() * fourCpTag;
            fourCpSaving = p.fourCp().rateUsdPerMwYear() * p.fourCp().tagMw(neverCurtailed) - fourCpCharge;
        }

        // ---- ancillary services: capacity payments and the expected deployments' lost mining margin
        Double ancillaryRevenue = null;
        Double deploymentCost = null;
        Map<String, AllocationResult.AncillaryService> services = null;
        if (m.ancillary() != null) {
            AncillaryRows.Totals totals = AncillaryRows.totals(p, m.blocks(), m.ancillary());
            ancillaryRevenue = totals.revenueUsd();
            deploymentCost = totals.deploymentCostUsd();
            services = new LinkedHashMap<>();
            for (var e : totals.services().entrySet()) {
                services.put(e.getKey(), new AllocationResult.AncillaryService(e.getValue().offeredMwh(), e.getValue().revenueUsd(),
                        e.getValue().expectedDeployedMwh()));
            }
        }

        // ---- forced curtailment (SB 6): the hours, the AI load's backup power, the mining margin the order took
        AllocationResult.ForcedCurtailmentResult forced = null;
        if (order.active()) {
            double curtailedMwh = 0.0;
            double foregone = 0.0;
            for (int i = 0; i < n; i++) {
                FleetSpec f = p.fleets().get(i);
                double mw = asicMw.get(f.name());
                for (int t = 0; t < hours; t++) {
                    if (order.isForced(t)) {
                        double margin = p.miningMarginUsdPerMwh(f, t);
                        double stopped = Math.max(0.0, mw - d[i][t]);
                        if (margin > 0.0) {
                            curtailedMwh += stopped;
                            foregone += margin * stopped;
                        }
                    }
                }
            }
            forced = new AllocationResult.ForcedCurtailmentResult(order.forcedHours(), order.limitMw(), order.aiLoad().name(),
                    curtailedMwh, foregone, backupMwh, backupCost);
        }

        double net = miningRevenue + aiRevenue - energyCost - backupCost - capexCharge - opex
                + (powerCredits == null ? 0.0 : powerCredits + blockSavings) - (fourCpCharge == null ? 0.0 : fourCpCharge)
                + (ancillaryRevenue == null ? 0.0 : ancillaryRevenue - deploymentCost);
        List<String> warnings = new ArrayList<>();
        if (Math.abs(net - s.objective()) > 1e-6 * Math.max(1.0, Math.abs(s.objective()))) {
            warnings.add(String.format(Locale.ROOT, "the economics recomputed from the hourly dispatch (%.2f USD) differ from the LP objective (%.2f USD)",
                    net, s.objective()));
        }

        Map<String, Double> revenuePerMwh = new LinkedHashMap<>();
        revenuePerMwh.put("mining", miningMwh > 0 ? miningRevenue / miningMwh : meanMiningRateUsdPerMwh(p));
        for (AiOptionSpec o : p.aiOptions()) {
            revenuePerMwh.put(o.name(), o.revenueUsdPerMwh());
        }

        double totalAsic = asicMw.values().stream().mapToDouble(Double::doubleValue).sum();
        double totalAi = aiMw.values().stream().mapToDouble(Double::doubleValue).sum();
        double peak = 0.0;
        for (double load : facility) {
            peak = Math.max(peak, load);
        }
        ShadowPrices shadow = shadowPrices(m);
        AllocationResult r = new AllocationResult(s.status(),
                new Allocation(asicMw, aiMw, totalAsic, totalAi, peak),
                new Economics(s.objective(), miningRevenue, aiRevenue, energyCost, capexCharge, opex, revenuePerMwh, powerCredits, blockSavings, fourCpTag, fourCpCharge, fourCpSaving,
                        ancillaryRevenue, deploymentCost, services, forced, valueStack(p, y, asicMw, miningRevenue, d, powerCredits, blockSavings,
                        fourCpSaving, ancillaryRevenue, deploymentCost, m)),
                dispatch, breakevens(p), shadow,
                bindingConstraints(m, y, facility, asicMw, shadow),
                stats,
                s.status() == LpStatus.OPTIMAL ? null : s.note(),
                warnings, null, null);
        return new AllocationOutcome(r, d, facility);
    }

    /**
     * The value stack (models/README.md, "Value stack"): mining margin (with the 4CP charge the fleets would pay never
     * curtailing), power credits, fixed-price savings, 4CP saving, ancillary net, and the AI margin Σ aⱼ yⱼ; they sum to netUsd.
     */
    static AllocationResult.ValueStack valueStack(AllocationProblem p, double[] y, Map<String, Double> asicMw, double miningRevenue,
                                                  double[][] d, Double powerCredits, Double blockSavings, Double fourCpSaving,
                                                  Double ancillaryRevenue, Double deploymentCost, AllocationModel m) {
        int n = p.fleets().size();
        double years = p.horizonYears();
        double miningCost = 0.0;
        double fleetsAtMaxSitePower = 0.0;
        double miningMw = 0.0;
        for (int i = 0; i < n; i++) {
            FleetSpec f = p.fleets().get(i);
            double mw = asicMw.get(f.name());
            miningMw += mw;
            fleetsAtMaxSitePower += f.pue() * mw;
            MPVariable x = m.deployed()[i];
            double deployedMw = x == null ? mw : Math.max(mw, x.solutionValue());
            miningCost += f.fixedOpexUsdPerMwYear() * years * deployedMw;
            for (int t = 0; t < p.hours(); t++) {
                miningCost += (Formulas.miningEnergyCostUsdPerMwh(p.energyPriceUsdPerMwh(t), f.pue()) + f.variableOpexUsdPerMwh()) * d[i][t];
            }
        }
        double neverCurtailedCharge = 0.0;
        if (p.fourCp().active()) {
            double[] load = new double[p.hours()];
            java.util.Arrays.fill(load, fleetsAtMaxSitePower);
            neverCurtailedCharge = p.fourCp().rateUsdPerMwYear() * p.fourCp().tagMw(load);
        }
        double margin = miningRevenue - miningCost - neverCurtailedCharge;
        double credits = powerCredits == null ? 0.0 : powerCredits;
        double savings = blockSavings == null ? 0.0 : blockSavings;
        double fourCp = fourCpSaving == null ? 0.0 : fourCpSaving;
        double ancillary = ancillaryRevenue == null ? 0.0 : ancillaryRevenue - deploymentCost;
        double ai = 0.0;
        Map<String, Double> aiPerMw = new LinkedHashMap<>();
        for (int j = 0; j < y.length; j++) {
            AiOptionSpec o = p.aiOptions().get(j);
            double a = com.gridpivot.lp.rows.CashRows.aiNetUsdPerMw(p, o);
            aiPerMw.put(o.name(), a);
            ai += a * y[j];
        }
        double per = miningMw > 1e-9 ? 1.0 / miningMw : 0.0;
        return new AllocationResult.ValueStack(miningMw, margin, credits, savings, fourCp, ancillary, ai, margin * per, credits * per,
                savings * per, fourCp * per, ancillary * per, (margin + credits + savings + fourCp + ancillary) * per, aiPerMw);
    }

    /** Installed MW of a fleet that never run, why, and the sentence that says so. */
    record Idle(double mw, IdleReason reason, int payingHours, String note) {
    }

    /**
     * Splits fleet i's installed MW into the most it runs and the rest, and says why the rest stay idle. The LP runs a
     * MW of the fleet in every hour its margin is positive unless the interconnect is full of AI load and fleets that
     * earn as much or more per MW of site power, or, with fixed opex, unless the MW would not earn its fixed opex. So:
     * no paying hour → NEVER_PAYS; a paying hour in which the fleet could take more site power (spare interconnect, or
     * power used by fleets that earn less per MW of site power) while fixed opex is charged → FIXED_OPEX; otherwise
     * → INTERCONNECT, with the site power of AI and of the better fleets in the hour the fleet runs most.
     */
    static Idle idle(AllocationProblem p, int i, double[][] d, double[] facility, double aiPowerMw) {
        FleetSpec f = p.fleets().get(i);
        int hours = p.hours();
        double cap = f.capacityMw();
        double c = p.site().interconnectMw();
        double siteTol = BIND_TOL * Math.max(1.0, c);
        double capTol = BIND_TOL * Math.max(1.0, cap);
        int paying = 0;
        int peak = 0;
        int bestHour = 0;
        double bestMargin = Double.NEGATIVE_INFINITY;
        boolean roomWhilePaying = false;
        for (int t = 0; t < hours; t++) {
            double margin = p.miningMarginUsdPerMwh(f, t);
            if (margin > bestMargin) {
                bestMargin = margin;
                bestHour = t;
            }
            if (margin > 0) {
                paying++;
                double room = c - facility[t] + betterFleetsPowerMw(p, i, d, t, false);
                roomWhilePaying |= room > siteTol && d[i][t] < cap - capTol;
            }
            if (d[i][t] > d[i][peak]) {
                peak = t;
            }
        }
        double run = hours == 0 ? 0.0 : Math.max(0.0, d[i][peak]);
        double idle = Math.max(0.0, cap - run);
        String name = fleetName(f.name());
        String pays = String.format(Locale.ROOT, "it pays in %,d of %,d hours", paying, hours);
        if (idle <= capTol) {
            String note = cap <= 0 ? name + " has no installed MW."
                    : String.format(Locale.ROOT, "%s: all %s MW installed run in its best hours (%s).", name, fmt2(cap), pays);
            return new Idle(0.0, IdleReason.NONE, paying, note);
        }
        String head = run <= capTol
                ? String.format(Locale.ROOT, "%s: %s MW installed, none of them run", name, fmt2(cap))
                : String.format(Locale.ROOT, "%s: %s MW installed, at most %s MW run and %s MW stay idle", name, fmt2(cap), fmt2(run), fmt2(idle));
        if (paying == 0) {
            return new Idle(idle, IdleReason.NEVER_PAYS, 0, String.format(Locale.ROOT,
                    "%s: the fleet never pays; even in its best hour a running MWh earns %s USD and costs %s USD (energy × PUE and variable opex).",
                    head, fmt2(p.miningRevenueUsdPerMwh(f, bestHour)), fmt2(p.miningRevenueUsdPerMwh(f, bestHour) - bestMargin)));
        }
        if (f.fixedOpexUsdPerMwYear() > 0 && roomWhilePaying) {
            return new Idle(idle, IdleReason.FIXED_OPEX, paying, String.format(Locale.ROOT,
                    "%s: %s, too few for the idle MW to earn their fixed opex of %s USD per MW-year.",
                    head, pays, money(f.fixedOpexUsdPerMwYear())));
        }
        int at = run > capTol ? peak : bestHour;
        double better = betterFleetsPowerMw(p, i, d, at, true);
        List<String> takers = new ArrayList<>();
        if (aiPowerMw > siteTol) {
            takers.add("AI racks take " + fmt2(aiPowerMw) + " MW");
        }
        if (better > siteTol) {
            takers.add("fleets that earn as much or more per MW of site power take " + fmt2(better) + " MW");
        }
        return new Idle(idle, IdleReason.INTERCONNECT, paying, String.format(Locale.ROOT,
                "%s: the %s MW interconnect is full in every hour the fleet pays (%s)%s.",
                head, fmt(c), pays, takers.isEmpty() ? "" : "; there " + String.join(" and ", takers) + " of site power"));
    }

    /**
     * Site power in hour t of the other fleets that earn less ({@code better} false) or as much or more ({@code better}
     * true) per MW of site power than fleet i: margin / PUE.
     */
    private static double betterFleetsPowerMw(AllocationProblem p, int i, double[][] d, int t, boolean better) {
        FleetSpec f = p.fleets().get(i);
        double own = p.miningMarginUsdPerMwh(f, t) / f.pue();
        double tol = 1e-9 * Math.max(1.0, Math.abs(own));
        double power = 0.0;
        for (int k = 0; k < p.fleets().size(); k++) {
            FleetSpec g = p.fleets().get(k);
            if (k != i && (p.miningMarginUsdPerMwh(g, t) / g.pue() >= own - tol) == better) {
                power += g.pue() * d[k][t];
            }
        }
        return power;
    }

    /** "The S21 fleet" reads "S21 fleet" whether or not the name already ends in "fleet". */
    static String fleetName(String name) {
        return name.toLowerCase(Locale.ROOT).matches(".*\\bfleet$") ? name : name + " fleet";
    }

    /**
     * Hourly IT MW per fleet. In the naive model the LP's own values; in the merged model the merit-order fill of
     * each hour with the solved AI load and deployed MW, which is an optimal hourly dispatch (see HourBlocks).
     */
    static double[][] hourlyDispatch(AllocationModel m, double[] y) {
        AllocationProblem p = m.problem();
        int n = p.fleets().size();
        double[][] d = new double[n][p.hours()];
        // With ancillary services a block may hold every fleet (a floor under an ERS commitment), so its dispatch is read from
        // the LP: the merged LP's value is the sum of the hours' best values, so its D_b is optimal in each hour of b.
        boolean naive = m.ancillary() != null
                || m.blocks().size() == p.hours() && m.blocks().stream().allMatch(b -> b.label().startsWith("h"));
        if (naive) {
            for (int b = 0; b < m.blocks().size(); b++) {
                HourBlock block = m.blocks().get(b);
                for (int k = 0; k < block.activeFleets().length; k++) {
                    double v = Math.max(0.0, m.dispatch()[b][k].solutionValue());
                    for (int t : block.hours()) {
                        d[block.activeFleets()[k]][t] = v;
                    }
                }
            }
            return d;
        }
        double aiPower = 0.0;
        for (int j = 0; j < y.length; j++) {
            aiPower += p.aiOptions().get(j).pue() * y[j];
        }
        double room = Math.max(0.0, p.site().interconnectMw() - aiPower);
        // a forced curtailment hour (SB 6) leaves the fleets min(C, L̂) under BACKUP_POWER (the AI load is off the grid),
        // min(C, L̂) − AI site power under COUNTED
        var order = p.forcedCurtailment();
        double forcedRoom = Math.max(0.0, Math.min(p.site().interconnectMw(), order.limitMw())
                - (order.aiLoad() == com.gridpivot.optimization.input.ForcedCurtailment.AiLoad.COUNTED ? aiPower : 0.0));
        double[] cap = new double[n];
        for (int i = 0; i < n; i++) {
            MPVariable x = m.deployed()[i];
            cap[i] = x == null ? p.fleets().get(i).capacityMw() : Math.max(0.0, x.solutionValue());
        }
        for (HourBlock block : m.blocks()) {
            double[] fill = new double[block.activeFleets().length];
            double left = order.isForced(block.hours()[0]) ? forcedRoom : room;
            for (int k = 0; k < fill.length; k++) {
                int i = block.activeFleets()[k];
                double pue = p.fleets().get(i).pue();
                fill[k] = Math.max(0.0, Math.min(cap[i], left / pue));
                left -= fill[k] * pue;
            }
            for (int t : block.hours()) {
                for (int k = 0; k < fill.length; k++) {
                    d[block.activeFleets()[k]][t] = fill[k];
                }
            }
        }
        return d;
    }

    static ShadowPrices shadowPrices(AllocationModel m) {
        double interconnect = 0.0;
        for (var row : m.interconnect()) {
            interconnect += row.dualValue();
        }
        double ai = m.aiTotal() == null ? 0.0 : m.aiTotal().dualValue();
        double budget = m.capexBudget() == null ? 0.0 : m.capexBudget().dualValue();
        return new ShadowPrices(clean(interconnect), clean(Math.max(0.0, ai)), clean(Math.min(0.0, ai)), clean(budget));
    }

    private static double clean(double v) {
        return Math.abs(v) < 1e-9 ? 0.0 : v;
    }

    static Map<String, Breakeven> breakevens(AllocationProblem p) {
        Map<String, Breakeven> out = new LinkedHashMap<>();
        double meanPrice = 0.0;
        for (int t = 0; t < p.hours(); t++) {
            meanPrice += p.energyPriceUsdPerMwh(t) / p.hours();
        }
        double meanHashprice = p.hashpriceUsdPerPhDay().length == 0 ? 0.0 : mean(p.hashpriceUsdPerPhDay());
        // flexibility per MWh of site power: + α ŵ (the best ancillary price a running MW can sell, ERS in its periods), − c̄ (4CP)
        boolean flexible = p.fourCp().active() || p.ancillary().active();
        double flex = 0.0;
        if (flexible && p.hours() > 0) {
            double alpha = p.ancillary().active() ? p.ancillaryOfferShare() : 0.0;
            var ers = p.ancillary().ersServices();
            double sum = 0.0;
            for (int t = 0; t < p.hours(); t++) {
                double w = p.ancillary().active() ? p.ancillary().bestHourlyPriceUsdPerMwHour(t) : 0.0;
                for (var e : ers) {
                    int q = e.periodAt(t);
                    if (q >= 0) {
                        w = Math.max(w, p.ancillary().priceUsdPerMwHour(e.periods().get(q)));
                    }
                }
                sum += alpha * w - p.fourCp().usdPerMwh(t);
            }
            flex = sum / p.hours();
        }
        for (FleetSpec f : p.fleets()) {
            double energy = (f.revenueUsdPerMwhAt(meanHashprice) - f.variableOpexUsdPerMwh()) / f.pue();
            double scale = 24.0 * f.jPerTh() / (1000.0 * (1.0 - f.poolFeeFraction()));
            double hashprice = (meanPrice * f.pue() + f.variableOpexUsdPerMwh()) * scale;
            out.put(f.name(), flexible
                    ? new Breakeven(energy, hashprice, energy + flex, ((meanPrice - flex) * f.pue() + f.variableOpexUsdPerMwh()) * scale)
                    : new Breakeven(energy, hashprice));
        }
        return out;
    }

    /** Capacity-weighted mean revenue per MWh of the fleets over the horizon, for a site where no fleet runs. */
    private static double meanMiningRateUsdPerMwh(AllocationProblem p) {
        double cap = 0.0;
        double weighted = 0.0;
        double meanHashprice = p.hashpriceUsdPerPhDay().length == 0 ? 0.0 : mean(p.hashpriceUsdPerPhDay());
        for (FleetSpec f : p.fleets()) {
            cap += f.capacityMw();
            weighted += f.capacityMw() * f.revenueUsdPerMwhAt(meanHashprice);
        }
        return cap > 0 ? weighted / cap : 0.0;
    }

    private static double mean(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0.0 : s / v.length;
    }

    static List<String> bindingConstraints(AllocationModel m, double[] y, double[] facility, Map<String, Double> asicMw, ShadowPrices sp) {
        AllocationProblem p = m.problem();
        List<String> out = new ArrayList<>();
        double c = p.site().interconnectMw();
        int full = 0;
        for (double load : facility) {
            if (load >= c - BIND_TOL * Math.max(1.0, c)) {
                full++;
            }
        }
        if (full > 0) {
            out.add(String.format(Locale.ROOT, "Interconnect: the %s MW limit is fully used in %,d of %,d hours; one more MW of interconnect is worth $%s over the horizon ($%s per year).",
                    fmt(c), full, p.hours(), money(sp.interconnectUsdPerMw()), money(sp.interconnectUsdPerMw() / p.horizonYears())));
        }
        double totalAi = 0.0;
        for (double v : y) {
            totalAi += v;
        }
        if (m.aiTotal() != null) {
            if (p.site().hasMaxAiIt() && totalAi >= p.site().maxAiItMw() - BIND_TOL * Math.max(1.0, p.site().maxAiItMw()) && sp.maxAiItUsdPerMw() > 0) {
                out.add(String.format(Locale.ROOT, "AI limit: maxAiItMw %s MW is reached; one more MW of AI IT load would add $%s over the horizon.",
                        fmt(p.site().maxAiItMw()), money(sp.maxAiItUsdPerMw())));
            }
            if (p.site().minAiItMw() > 0 && totalAi <= p.site().minAiItMw() + BIND_TOL * Math.max(1.0, p.site().minAiItMw()) && sp.minAiItUsdPerMw() < 0) {
                out.add(String.format(Locale.ROOT, "Contracted AI: minAiItMw %s MW forces AI load the optimizer would not choose; each contracted MW costs $%s over the horizon.",
                        fmt(p.site().minAiItMw()), money(-sp.minAiItUsdPerMw())));
            }
        }
        if (m.capexBudget() != null && sp.capexBudgetUsdPerUsd() > 0) {
            out.add(String.format(Locale.ROOT, "Capex budget: the $%s budget is spent; each extra dollar of capex budget would add $%.4f of net value.",
                    money(p.site().capexBudgetUsd()), sp.capexBudgetUsdPerUsd()));
        }
        for (int j = 0; j < y.length; j++) {
            AiOptionSpec o = p.aiOptions().get(j);
            if (Double.isFinite(o.maxItMw()) && o.maxItMw() > 0 && y[j] >= o.maxItMw() - BIND_TOL * Math.max(1.0, o.maxItMw())) {
                double rc = m.aiIt()[j].reducedCost();
                out.add(String.format(Locale.ROOT, "%s: at its maxItMw of %s MW%s.", o.name(), fmt(o.maxItMw()),
                        rc > 1e-6 ? "; one more MW of it would add $" + money(rc) + " over the horizon" : ""));
            }
        }
        int i = 0;
        for (FleetSpec f : p.fleets()) {
            double mw = asicMw.get(f.name());
            if (f.capacityMw() > 0 && mw >= f.capacityMw() - BIND_TOL * Math.max(1.0, f.capacityMw())) {
                out.add(String.format(Locale.ROOT, "%s: the whole fleet (%s MW of IT) runs in its best hours; more machines would earn more.",
                        f.name(), fmt2(f.capacityMw())));
            }
            i++;
        }
        return out;
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
