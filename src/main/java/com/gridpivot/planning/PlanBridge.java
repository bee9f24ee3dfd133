package com.gridpivot.planning;

import com.gridpivot.lp.RunControl;
import com.gridpivot.optimization.AllocationEngine;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.AllocationProblem.AiOptionSpec;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.optimization.input.AllocationProblemAssembler;
import com.gridpivot.optimization.input.HourAggregation;
import com.gridpivot.optimization.result.AllocationResult;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanFinancing;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.result.Evaluated;
import com.gridpivot.planning.result.PlanResult.WhatIfBridge;
import com.gridpivot.planning.result.PlanResult.WhatIfBridgeStep;
import com.gridpivot.planning.result.PlanValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The What-if → plan bridge (issue 14, item 6; models/PLANS.md, "The What-if → plan bridge"): why a plan's value differs from
 * the one-year What-if at its first month, as a waterfall whose steps sum exactly to the difference.
 *
 * <p>The What-if at the first month is the allocation LP ({@link AllocationEngine}) on the plan's own data: its first
 * min(12, M) months of hourly energy prices, the first month's mean hashprice h̄₀ in every hour, the AI rates of month 0, capex
 * charged as the What-if charges it (CRF(r, 5) a year). Its answer, x (ASIC MW run) and y (AI MW), is then entered in the plan
 * as a fixed plan — y started in the first month, capᵢ − xᵢ retired in the first month, nothing bought or sold — and valued on a
 * chain of plan problems that switch the plan's economics on one at a time, in a fixed order:
 * <pre>
 *   V_start = A · H / T_w                          A the What-if's net over its T_w hours, H the plan's hours
 *   V₀      = LP(P₀; x, y) − Σⱼ Kⱼ yⱼ CRF Σₘ dₘ Hₘ/8760   P₀: every effect off (below); the What-if's capex charge, monthly,
 *                                                   discounted with the stage's dₘ (1 while r is off, δₘ after)
 *   Vₖ      = LP(Pₖ; x, y) − [capex off] annuity    Pₖ = P₀ with effects 1 … k on
 *   V_dec   = LP(P_all; the plan's own decisions)
 *   V_end   = the plan's objective (npvUsd + terminal value)
 * </pre>
 * Effects, in order: discounting (r), AI rate decline, the hashprice path (difficulty, BTC path, fees, the halving, the ASIC
 * price index), fleet degradation, ASIC salvage, lead time, capex inside the horizon (paid in full at its start or spread,
 * instead of the annuity), GPU life and refresh, contract terms, terminal value. Every Pₖ is relaxed where a fixed plan cannot be guaranteed
 * feasible: no cash floor, no financing sources or covenants, no contracted minimum, no conversion-crew limit, no hall blocks,
 * no AI limit (the What-if's y respects its own). These matter only in the last two steps: "the optimizer's decisions" (V_dec −
 * V_terminal) and "financing costs" (V_end + T − V_dec: the interest and fees the plan's own decisions pay; 0 without priced
 * sources), then, with finance.tax, "income tax" (−T, T = Σ_y δ_pay(y) X_y the plan's discounted tax). Steps telescope, so start + Σ steps = end up to floating-point addition.
 *
 * <p>An effect the plan does not have (e.g. r = 0) changes nothing: its step is exactly 0 and costs no solve. So does an AI
 * effect when the What-if builds no AI. The bridge costs one allocation LP and at most eleven fixed-plan LPs (dispatch only); it is
 * computed only when asked ({@code explain.bridge}).
 */
public final class PlanBridge {
    /** n of the What-if's capital recovery factor: the allocation request's default. */
    static final int CAPEX_RECOVERY_YEARS = AllocationProblemAssembler.DEFAULT_CAPEX_RECOVERY_YEARS;

    private PlanBridge() {
    }

    /** The effects switched on one at a time, in this order; each keeps the ones before it on. */
    enum Effect {
        DISCOUNTING("discounting", false),
        AI_RATE_DECLINE("AI rate decline", true),
        HASHPRICE_PATH("hashprice path and halving", false),
        FLEET_DEGRADATION("fleet degradation", false),
        ASIC_SALVAGE("ASIC salvage", false),
        LEAD_TIME("lead time", true),
        CAPEX("capex inside the horizon", true),
        GPU_LIFE("GPU life and refresh", true),
        CONTRACT_TERMS("contract terms", true),
        TERMINAL_VALUE("terminal value", false);

        final String label;
        /** The effect touches AI MW only: with no AI in the What-if it cannot change the value. */
        final boolean aiOnly;

        Effect(String label, boolean aiOnly) {
            this.label = label;
            this.aiOnly = aiOnly;
        }
    }

    /**
     * The bridge of a solved plan, or an exception whose message says why there is none.
     *
     * @param p    the plan's problem
     * @param plan the optimizer's plan (with values)
     */
    public static WhatIfBridge build(PlanProblem p, PlanValues plan, RunControl control) {
        // ---- the What-if at the first month
        int whatIfMonths = Math.min(12, p.monthCount());
        AllocationProblem w = whatIfProblem(p, whatIfMonths);
        AllocationResult wr = AllocationEngine.solve(w).result();
        if (wr.allocation() == null || wr.economics() == null) {
            throw new IllegalStateException("the What-if at the first month has no answer (" + wr.status() + ")");
        }
        Map<String, Double> x = wr.allocation().asicItMw();
        Map<String, Double> y = wr.allocation().aiItMw();
        double totalAi = y.values().stream().mapToDouble(Double::doubleValue).sum();
        FixedPlan whatIfPlan = whatIfPlan(p, x, y);
        double crf = AllocationProblem.capitalRecoveryFactor(p.discountRate(), CAPEX_RECOVERY_YEARS);
        double annualCapexUsd = 0.0;
        for (PlanOption o : p.options()) {
            annualCapexUsd += o.spec().capexUsdPerMw() * crf * y.getOrDefault(o.spec().name(), 0.0);
        }
        double whatIfHours = w.hours();
        double planHours = p.totalHours();
        double startUsd = wr.economics().netUsd() * planHours / whatIfHours;

        // ---- the chain: V₀ … V_all on the What-if's decisions
        List<WhatIfBridgeStep> steps = new ArrayList<>();
        int solves = 1;
        PlanProblem stage = stage(p, 0);
        double prev = value(stage, whatIfPlan, control) - annuityUsd(stage, annualCapexUsd);
        solves++;
        steps.add(new WhatIfBridgeStep("horizon months", prev - startUsd, String.format(Locale.ROOT,
                "The What-if's allocation (%s) held over the plan's %d months, undiscounted, with their own energy prices and hours "
                        + "(escalation, the replayed calendar months) instead of its %d-month year scaled by %.4f.",
                allocationWords(x, y), p.monthCount(), whatIfMonths, planHours / whatIfHours)));
        for (Effect e : Effect.values()) {
            boolean present = present(p, e) && !(e.aiOnly && totalAi <= 0.0);
            if (!present) {
                steps.add(new WhatIfBridgeStep(e.label, 0.0, absentWords(e, p, totalAi)));
                continue;
            }
            stage = stage(p, e.ordinal() + 1);
            double v = value(stage, whatIfPlan, control) - (e.ordinal() + 1 > Effect.CAPEX.ordinal() ? 0.0 : annuityUsd(stage, annualCapexUsd));
            solves++;
            steps.add(new WhatIfBridgeStep(e.label, v - prev, words(e, p)));
            prev = v;
        }
        double decisions = value(stage(p, Effect.values().length), ownPlan(p, plan), control);
        solves++;
        steps.add(new WhatIfBridgeStep("the optimizer's decisions", decisions - prev,
                "The plan's own decisions (when and how much AI to start and sign, ASIC retirements and purchases, BTC sales) instead "
                        + "of the What-if's allocation started in the first month; they also respect the cash floor, conversion crews, "
                        + "hall blocks and contracted minimum that the What-if ignores."));
        double endUsd = plan.objectiveUsd;
        // with finance.tax the plan's objective is after tax: the tax's discounted payments are their own step (models/PLANS.md, "Taxes")
        double taxUsd = plan.tax == null ? 0.0 : plan.tax.discountedTaxUsd(p);
        steps.add(new WhatIfBridgeStep("financing costs", endUsd + taxUsd - decisions,
                "Interest and fees of the financing sources the plan draws to stay above its cash floor (0 without priced sources)."));
        if (plan.tax != null) {
            steps.add(new WhatIfBridgeStep("income tax", -taxUsd,
                    "The corporate income tax the plan pays (finance.tax), discounted: the plan's NPV after tax less its NPV before tax."));
        }
        double sum = startUsd;
        for (WhatIfBridgeStep s : steps) {
            sum += s.usd();
        }
        return new WhatIfBridge(p.startMonth() + " … " + p.startMonth().plusMonths(whatIfMonths - 1), wr.economics().netUsd(), whatIfHours,
                x, y, wr.economics().valueStack() == null ? null : wr.economics().valueStack().miningMarginUsd(),
                wr.economics().valueStack() == null ? null : wr.economics().valueStack().aiMarginUsd(), wr.economics().valueStack(), startUsd,
                List.copyOf(steps), endUsd,
                endUsd - sum, solves);
    }

    /** The allocation LP of the plan's first {@code months} months, hashprice held at the first month's mean, AI at month 0's rates. */
    static AllocationProblem whatIfProblem(PlanProblem p, int months) {
        int hours = 0;
        for (int m = 0; m < months; m++) {
            hours += p.months().get(m).hours();
        }
        double[] price = new double[hours];
        int t = 0;
        for (int m = 0; m < months; m++) {
            double[] pm = p.months().get(m).priceUsdPerMwh();
            System.arraycopy(pm, 0, price, t, pm.length);
            t += pm.length;
        }
        double[] hashprice = new double[hours];
        Arrays.fill(hashprice, p.months().get(0).meanHashpriceUsdPerPhDay());
        List<FleetSpec> fleets = p.fleets().stream().map(PlanFleet::spec).toList();
        List<AiOptionSpec> options = p.options().stream().map(PlanOption::spec).toList();
        AllocationProblem.SiteSpec site = new AllocationProblem.SiteSpec("what-if at " + p.startMonth(), p.interconnectMw(), p.maxAiItMw(),
                p.minAiItMw(), Double.POSITIVE_INFINITY);
        return new AllocationProblem(site, fleets, options, price, hashprice, p.discountRate(), CAPEX_RECOVERY_YEARS, p.solver(),
                HourAggregation.EXACT, p.timeLimitSeconds());
    }

    /** The What-if's answer as a fixed plan: y started in month 0, capᵢ − xᵢ retired in month 0, nothing bought or sold. */
    static FixedPlan whatIfPlan(PlanProblem p, Map<String, Double> x, Map<String, Double> y) {
        Map<String, Double> starts = new HashMap<>();
        y.forEach((name, mw) -> starts.put(FixedPlan.key(name, 0), mw));
        Map<String, Double> retired = new HashMap<>();
        for (PlanFleet f : p.fleets()) {
            double idle = f.spec().capacityMw() - x.getOrDefault(f.spec().name(), 0.0);
            retired.put(FixedPlan.key(f.spec().name(), 0), Math.max(0.0, idle));
        }
        return new FixedPlan("the What-if's allocation", starts, retired, Map.of(), Map.of(), null);
    }

    /** The plan's own decisions as a fixed plan (values below 10⁻⁹ are 0; contracted MW at most the MW started). */
    static FixedPlan ownPlan(PlanProblem p, PlanValues v) {
        Map<String, Double> starts = new HashMap<>();
        Map<String, Double> contracted = v.contractedMw == null ? null : new HashMap<>();
        Map<String, Double> retired = new HashMap<>();
        Map<String, Double> bought = new HashMap<>();
        Map<Integer, Double> sold = new HashMap<>();
        for (int m = 0; m < p.monthCount(); m++) {
            for (int j = 0; j < p.options().size(); j++) {
                String key = FixedPlan.key(p.options().get(j).spec().name(), m);
                double s = clean(v.startedMw[j][m]);
                starts.put(key, s);
                if (contracted != null && v.contractedMw[j] != null) {
                    contracted.put(key, Math.min(s, clean(v.contractedMw[j][m])));
                }
            }
            for (int i = 0; i < p.fleets().size(); i++) {
                String key = FixedPlan.key(p.fleets().get(i).spec().name(), m);
                retired.put(key, clean(v.retiredMw[i][m]));
                bought.put(key, clean(v.boughtMw[i][m]));
            }
            sold.put(m, clean(v.soldBtc[m]));
        }
        return new FixedPlan("the optimizer's plan", starts, retired, bought, sold, contracted);
    }

    private static double clean(double v) {
        return v < 1e-9 ? 0.0 : v;
    }

    /** The fixed plan's objective on a stage problem; an exception when it has none (the relaxed stages always have one). */
    private static double value(PlanProblem stage, FixedPlan plan, RunControl control) {
        Evaluated e = PlanEngine.evaluate(stage, plan, control);
        if (e.values() == null) {
            throw new IllegalStateException(plan.name() + " has no value on a bridge stage (" + e.outcome().status() + ")");
        }
        return e.values().objectiveUsd;
    }

    /** The What-if's capex charge over the stage's horizon: annual charge × Σₘ dₘ Hₘ/8760 (dₘ the stage's end-of-month δₘ). */
    static double annuityUsd(PlanProblem stage, double annualCapexUsd) {
        double s = 0.0;
        for (int m = 0; m < stage.monthCount(); m++) {
            s += stage.discountFactor(m) * stage.months().get(m).hours() / 8760.0;
        }
        return annualCapexUsd * s;
    }

    /** The plan problem with the first {@code on} effects switched on, relaxed where a fixed plan could be infeasible. */
    static PlanProblem stage(PlanProblem p, int on) {
        boolean discount = on > Effect.DISCOUNTING.ordinal();
        boolean decline = on > Effect.AI_RATE_DECLINE.ordinal();
        boolean hashpath = on > Effect.HASHPRICE_PATH.ordinal();
        boolean degrade = on > Effect.FLEET_DEGRADATION.ordinal();
        boolean salvage = on > Effect.ASIC_SALVAGE.ordinal();
        boolean lead = on > Effect.LEAD_TIME.ordinal();
        boolean capex = on > Effect.CAPEX.ordinal();
        boolean gpu = on > Effect.GPU_LIFE.ordinal(); // after capex: a GPU life splits the capex that is then on
        boolean contract = on > Effect.CONTRACT_TERMS.ordinal();
        boolean terminal = on > Effect.TERMINAL_VALUE.ordinal();
        double h0 = p.months().get(0).meanHashpriceUsdPerPhDay();
        List<MonthData> months = hashpath ? p.months() : p.months().stream().map(md -> {
            double[] flat = new double[md.hashpriceUsdPerPhDay().length];
            Arrays.fill(flat, h0);
            return new MonthData(md.month(), md.priceUsdPerMwh(), flat, md.btcPriceUsd(), md.feeShareOfHashprice());
        }).toList();
        List<PlanFleet> fleets = p.fleets().stream().map(f -> new PlanFleet(f.spec(), salvage ? f.salvageUsdPerMw() : 0.0,
                salvage ? f.purchaseUsdPerMw() : Double.NaN, hashpath ? f.priceIndex() : null, hashpath ? f.priceElasticity() : 0.0,
                degrade ? f.degradationPerYear() : 0.0)).toList();
        List<PlanOption> options = p.options().stream().map(o -> {
            AiOptionSpec s = o.spec();
            AiOptionSpec spec = capex ? s : new AiOptionSpec(s.name(), s.offering(), s.revenueBasis(), s.revenueUsdPerMwh(), s.tenantPaysPower(),
                    s.pue(), s.maxItMw(), 0.0, s.variableOpexUsdPerMwh(), s.fixedOpexUsdPerMwYear());
            return new PlanOption(spec, lead ? o.leadTimeMonths() : 0, o.capexTiming(), decline ? o.rateDeclinePerYear() : 0.0, 0.0,
                    Integer.MAX_VALUE, contract ? o.contract() : null, gpu ? o.gpuLife() : null);
        }).toList();
        return new PlanProblem(p.startMonth(), months, p.interconnectMw(), Double.POSITIVE_INFINITY, 0.0, 0, Double.POSITIVE_INFINITY,
                fleets, options, p.startingCashUsd(), Double.NEGATIVE_INFINITY, p.treasuryBtc(), discount ? p.discountRate() : 0.0,
                p.solver(), p.hourModel(), p.timeLimitSeconds(), p.dataNotes(), terminal ? p.terminalValue() : PlanProblem.TerminalValue.NONE,
                PlanFinancing.NONE);
    }

    /** Whether the plan has the effect at all (otherwise its step is 0 without a solve). */
    static boolean present(PlanProblem p, Effect e) {
        return switch (e) {
            case DISCOUNTING -> p.discountRate() != 0.0;
            case AI_RATE_DECLINE -> p.options().stream().anyMatch(o -> o.rateDeclinePerYear() != 0.0);
            case HASHPRICE_PATH -> hashpriceMoves(p) || p.fleets().stream().anyMatch(f -> f.priceIndex() != null
                    && Arrays.stream(f.priceIndex()).anyMatch(i -> i != 1.0));
            case FLEET_DEGRADATION -> p.fleets().stream().anyMatch(f -> f.degradationPerYear() != 0.0);
            case ASIC_SALVAGE -> p.fleets().stream().anyMatch(f -> f.salvageUsdPerMw() != 0.0 || f.canBuy());
            case LEAD_TIME -> p.options().stream().anyMatch(o -> o.leadTimeMonths() != 0);
            case CAPEX -> p.options().stream().anyMatch(o -> o.spec().capexUsdPerMw() != 0.0);
            case GPU_LIFE -> p.options().stream().anyMatch(PlanOption::hasGpuLife);
            case CONTRACT_TERMS -> p.options().stream().anyMatch(PlanOption::hasContract);
            case TERMINAL_VALUE -> p.terminalValue().method() != PlanProblem.TerminalMethod.NONE;
        };
    }

    private static boolean hashpriceMoves(PlanProblem p) {
        double h0 = p.months().get(0).meanHashpriceUsdPerPhDay();
        for (MonthData md : p.months()) {
            for (double h : md.hashpriceUsdPerPhDay()) {
                if (h != h0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String absentWords(Effect e, PlanProblem p, double totalAi) {
        if (e.aiOnly && totalAi <= 0.0 && present(p, e)) {
            return "No effect: the What-if builds no AI, so the " + e.label + " of AI MW changes nothing.";
        }
        return "No effect: the plan has no " + e.label + ".";
    }

    private static String words(Effect e, PlanProblem p) {
        return switch (e) {
            case DISCOUNTING -> String.format(Locale.ROOT, "Cash flows discounted at %.4g a year to the plan's start (end of month; "
                    + "capex from the start of its month), where the What-if adds its years undiscounted.", p.discountRate());
            case AI_RATE_DECLINE -> "AI lease and colocation rates decline by their rate a year from the first month's rate the What-if "
                    + "holds for its whole year.";
            case HASHPRICE_PATH -> "Hashprice follows the scenario's path (difficulty growth, BTC path, fees, the halving) instead of "
                    + "staying at the first month's mean; ASIC salvage and purchase prices follow it by the price index.";
            case FLEET_DEGRADATION -> "The fleets lose hashrate each year at the same power.";
            case ASIC_SALVAGE -> "The ASIC MW the What-if leaves idle are sold for salvage in the first month (the What-if gives them "
                    + "no value).";
            case LEAD_TIME -> "AI MW earn only after their lead time, while they hold site power from the start of construction; the "
                    + "What-if has them online at once.";
            case CAPEX -> "AI capex paid in full inside the horizon (at the start, or spread over construction) instead of the "
                    + "What-if's capital charge (capital recovery factor over " + CAPEX_RECOVERY_YEARS + " years) for the horizon's months.";
            case GPU_LIFE -> "GPUs reach the end of their life inside the horizon: refreshed at the then GPU price or retired (their "
                    + "revenue stops), old GPUs sold at their residual value, halls ending with their own life; the What-if's GPUs never age.";
            case CONTRACT_TERMS -> "The AI MW signed under the options' contract terms (price, escalator, take-or-pay, tenant capex, "
                    + "prepayment, ramp) where signing is worth more than the market rate.";
            case TERMINAL_VALUE -> "The terminal value at the horizon's end (" + p.terminalValue().method() + "), which the What-if "
                    + "does not count.";
        };
    }

    private static String allocationWords(Map<String, Double> x, Map<String, Double> y) {
        BiFunction<Map<String, Double>, String, String> list = (m, what) -> {
            List<String> parts = new ArrayList<>();
            m.forEach((name, mw) -> parts.add(String.format(Locale.ROOT, "%.2f MW %s", mw, name)));
            return parts.isEmpty() ? "no " + what : String.join(", ", parts);
        };
        return list.apply(new LinkedHashMap<>(x), "ASICs") + "; " + list.apply(new LinkedHashMap<>(y), "AI");
    }
}
