package com.gridpivot.risk.montecarlo;

import com.gridpivot.economics.Formulas;
import com.gridpivot.optimization.input.AllocationProblem.FleetSpec;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanFleet;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import java.util.List;
import java.util.Map;

/**
 * Evaluates fully fixed plans on one price path without an LP. With every decision fixed (AI starts S, retirements R,
 * purchases B, treasury sales T; unlisted = 0), the kept MW K[i,m] and the AI MW W[j,m], O[j,m] follow by recurrence
 * (models/PLANS.md), and what is left of the plan LP is, hour by hour, the fractional knapsack
 * <pre>
 *   max Σᵢ marginᵢₜ D[i,t]   s.t.  D[i,t] ≤ K[i,m],  Σᵢ pueᵢ D[i,t] ≤ C − Σⱼ pueⱼ W[j,m]
 * </pre>
 * solved exactly by filling the fleets with positive margin in decreasing order of margin/pue (the order the plan model's
 * EXACT_BLOCKS use). The cash floor cannot change this dispatch (each hour's best dispatch also maximises every
 * cumulative cash), so a path only reports how low cash goes. Immutable after construction; shared by all threads.
 * <p>
 * The terminal value at the horizon's end (models/PLANS.md, "Terminal value"; the same terms as
 * {@link com.gridpivot.lp.rows.TerminalValueRows}) is valued on each path apart from the horizon's NPV: the ASICs kept at the
 * end at their salvage value, which follows the path's ASIC price index as every salvage does; EXIT_MULTIPLE and PERPETUITY
 * on the path's own AI EBITDA of the last min(12, M) months (the spot MW earn the path's rate; contracted MW their fixed
 * price); CONTRACTED on the contracted payments beyond the horizon, whose price is fixed and the same on every path.
 */
public final class PathEvaluator {
    final PlanProblem p;
    final int months;
    final int fleets;
    final int options;
    final int plans;
    final double[] discount;
    /** δ⁰ₘ: capex (AI fit-out, ASIC purchases) is paid at the start of its month. */
    final double[] startDiscount;
    final double[] scenarioBtcUsd;
    /** φ, the fees' share of the scenario's hashprice: [m][t]. */
    final double[][] feeShare;
    /** Fleet i's revenue per MWh at the scenario's hashprice, and its cost per MWh (price × pue + var opex): [m][i][t]. */
    final double[][][] revenueBase;
    final double[][][] costPerMwh;
    final double[] pue;
    /**
     * Per plan q: kept MW [q][i][m], AI pue × reserved MW [q][m], AI online MW × billed hours [q][j][m] (8760/12 for
     * colocation, billed per month; the month's hours otherwise), path-independent cash paid at the month's end [q][m] and
     * at its start (capex) [q][m], BTC sold [q][m].
     */
    final double[][][] kept;
    final double[][] aiPowerMw;
    final double[][][] aiOnlineMwh;
    final double[][] fixedCashUsd;
    final double[][] capexCashUsd;
    /**
     * ASIC salvage (end of month) and purchases (start, negative) at the scenario's ASIC prices [q][m]: a path scales them by
     * its own index shift ((h̄ₘᵖ/h̄ₘ)/(h̄₀ᵖ/h̄₀))^ε, so salvage follows the path's hashprice as it follows the scenario's.
     */
    final double[][] asicSaleUsd;
    final double[][] asicBuyUsd;
    /** Σₜ hₜ of month m at the scenario; ε of the fleets (one scenario value). */
    final double[] hashpriceSum;
    final double asicElasticity;
    final double[][] soldBtc;
    final double[] soldTotalBtc;
    final double[] aiRevenueUsdPerMwh;
    final double[] aiDecline;
    /** The terminal-value method, its multiple of the annualised AI EBITDA (EXIT_MULTIPLE μ, PERPETUITY (1+g)/(r−g)). */
    final PlanProblem.TerminalMethod terminalMethod;
    final double terminalFactor;
    /** First month of the EBITDA window W = the last min(12, M) months, and 12/|W|. */
    final int windowFirst;
    final double annualise;
    /** σᵢ,M−1: salvage per MW of fleet i at the scenario's ASIC price, end of the last month. */
    final double[] salvageLastUsdPerMw;
    /** Per plan, AI EBITDA of month m that does not depend on the path (contracted revenue accrued, AI energy and opex) [q][m]. */
    final double[][] aiEbitdaFixedUsd;
    /** Per plan, CONTRACTED's payments beyond the horizon less their costs, discounted to the plan's start (path-independent). */
    final double[] contractedTerminalUsd;

    public PathEvaluator(PlanProblem p, List<FixedPlan> fixedPlans) {
        this.p = p;
        months = p.monthCount();
        fleets = p.fleets().size();
        options = p.options().size();
        plans = fixedPlans.size();
        discount = new double[months];
        startDiscount = new double[months];
        scenarioBtcUsd = new double[months];
        feeShare = new double[months][];
        revenueBase = new double[months][fleets][];
        costPerMwh = new double[months][fleets][];
        pue = new double[fleets];
        for (int i = 0; i < fleets; i++) {
            pue[i] = p.fleets().get(i).spec().pue();
        }
        for (int m = 0; m < months; m++) {
            MonthData md = p.months().get(m);
            discount[m] = p.discountFactor(m);
            startDiscount[m] = p.startOfMonthDiscountFactor(m);
            scenarioBtcUsd[m] = md.btcPriceUsd();
            feeShare[m] = md.feeShareOfHashprice();
            for (int i = 0; i < fleets; i++) {
                FleetSpec f = p.fleets().get(i).specIn(m); // month m's hashrate (degradation)
                double[] rev = new double[md.hours()];
                double[] cost = new double[md.hours()];
                for (int t = 0; t < md.hours(); t++) {
                    rev[t] = f.revenueUsdPerMwhAt(md.hashpriceUsdPerPhDay()[t]);
                    cost[t] = Formulas.miningEnergyCostUsdPerMwh(md.priceUsdPerMwh()[t], f.pue()) + f.variableOpexUsdPerMwh();
                }
                revenueBase[m][i] = rev;
                costPerMwh[m][i] = cost;
            }
        }
        aiRevenueUsdPerMwh = new double[options];
        aiDecline = new double[options];
        for (int j = 0; j < options; j++) {
            aiRevenueUsdPerMwh[j] = p.options().get(j).spec().revenueUsdPerMwh();
            aiDecline[j] = p.options().get(j).rateDeclinePerYear();
        }
        kept = new double[plans][fleets][months];
        aiPowerMw = new double[plans][months];
        aiOnlineMwh = new double[plans][options][months];
        fixedCashUsd = new double[plans][months];
        capexCashUsd = new double[plans][months];
        asicSaleUsd = new double[plans][months];
        asicBuyUsd = new double[plans][months];
        hashpriceSum = new double[months];
        for (int m = 0; m < months; m++) {
            for (double h : p.months().get(m).hashpriceUsdPerPhDay()) {
                hashpriceSum[m] += h;
            }
        }
        asicElasticity = p.fleets().isEmpty() ? 0.0 : p.fleets().get(0).priceElasticity();
        soldBtc = new double[plans][months];
        soldTotalBtc = new double[plans];
        terminalMethod = p.terminalValue().method();
        terminalFactor = switch (terminalMethod) {
            case EXIT_MULTIPLE -> p.terminalValue().exitMultiple();
            case PERPETUITY -> (1.0 + p.terminalValue().growthPerYear()) / (p.discountRate() - p.terminalValue().growthPerYear());
            default -> 0.0;
        };
        windowFirst = Math.max(0, months - 12);
        annualise = 12.0 / (months - windowFirst);
        salvageLastUsdPerMw = new double[fleets];
        for (int i = 0; i < fleets; i++) {
            salvageLastUsdPerMw[i] = p.fleets().get(i).salvageUsdPerMw(months - 1);
        }
        aiEbitdaFixedUsd = new double[plans][months];
        contractedTerminalUsd = new double[plans];
        for (int q = 0; q < plans; q++) {
            prepare(q, fixedPlans.get(q));
            if (terminalMethod == PlanProblem.TerminalMethod.CONTRACTED) {
                contractedTerminalUsd[q] = contractedBeyondHorizonUsd(fixedPlans.get(q));
            }
        }
    }

    /**
     * CONTRACTED (as TerminalValueRows.addContracted): Σ over contracted cohorts Sc[j,k] and months n ≥ M of their term of
     * δₙ [(1−φ) c_q(n) − ρ_q (Eₙ + Vₙ) − Fₙ] Sc[j,k], a month beyond the horizon taking the energy and hours of the same
     * position in the last min(12, M) months.
     */
    private double contractedBeyondHorizonUsd(FixedPlan f) {
        double v = 0.0;
        for (int j = 0; j < options; j++) {
            PlanOption o = p.options().get(j);
            if (!o.hasContract()) {
                continue;
            }
            for (int k = 0; k < months; k++) {
                double sc = value(f.aiContractedMw(), o.spec().name(), k);
                int end = k + o.leadTimeMonths() + o.contract().termMonths();
                for (int n = Math.max(months, k + o.leadTimeMonths()); sc != 0.0 && n < end; n++) {
                    v += p.discountFactor(n) * com.gridpivot.lp.rows.TerminalValueRows.contractedBeyondHorizonUsdPerMw(p, o, k, n) * sc;
                }
            }
        }
        return v;
    }

    private static double value(Map<String, Double> map, String name, int m) {
        if (map == null) {
            return 0.0;
        }
        Double v = map.get(FixedPlan.key(name, m));
        return v == null ? 0.0 : v;
    }

    private void prepare(int q, FixedPlan f) {
        for (int i = 0; i < fleets; i++) {
            PlanFleet fl = p.fleets().get(i);
            double k = fl.spec().capacityMw();
            for (int m = 0; m < months; m++) {
                double r = value(f.asicRetiredMw(), fl.spec().name(), m);
                double b = fl.canBuy() ? value(f.asicBoughtMw(), fl.spec().name(), m) : 0.0;
                k += b - r;
                kept[q][i][m] = k;
                double h = p.months().get(m).hours();
                fixedCashUsd[q][m] -= Formulas.fixedOpexUsdPerMw(fl.spec().fixedOpexUsdPerMwYear(), h) * k;
                asicSaleUsd[q][m] += fl.salvageUsdPerMw(m) * r;
                asicBuyUsd[q][m] -= fl.canBuy() ? fl.purchaseUsdPerMw(m) * b : 0.0;
            }
        }
        for (int j = 0; j < options; j++) {
            PlanOption o = p.options().get(j);
            String name = o.spec().name();
            double reserved = 0.0;
            for (int m = 0; m < months; m++) {
                MonthData md = p.months().get(m);
                double h = md.hours();
                reserved += value(f.aiStartsMw(), name, m);
                double online = 0.0;
                for (int k = 0; k <= m - o.leadTimeMonths(); k++) {
                    online += value(f.aiStartsMw(), name, k);
                }
                aiPowerMw[q][m] += o.spec().pue() * reserved;
                double fixedOpex = Formulas.fixedOpexUsdPerMw(o.spec().fixedOpexUsdPerMwYear(), h);
                double running = h * o.spec().variableOpexUsdPerMwh() + md.aiEnergyCostUsdPerMw(o.spec());
                double perMw = -running - fixedOpex;
                double[] cash = capexCashUsd[q];
                int month = m;
                o.capexPaidIn(m, (k, share) -> cash[month] -= o.spec().capexUsdPerMw() * share * value(f.aiStartsMw(), name, k));
                if (o.hasContract()) {
                    // contracted cohorts (models/PLANS.md, "AI contracts"): their price is fixed, so their cash is the same on
                    // every path; only MW at the market rate (spot, and renewals after the term) follow the path's rate decline
                    PlanProblem.AiContract c = o.contract();
                    double market = online;
                    for (int k = 0; k <= m - o.leadTimeMonths(); k++) {
                        double sc = value(f.aiContractedMw(), name, k);
                        int t = m - k - o.leadTimeMonths();
                        if (t < c.termMonths()) {
                            market -= sc;
                            fixedCashUsd[q][m] += sc * ((1.0 - c.prepaymentShare()) * c.revenueUsdPerMw(t, o.billedHours(h))
                                    - c.rampShare(t) * running - fixedOpex);
                            // EBITDA counts the contracted revenue as earned (the prepaid share included)
                            aiEbitdaFixedUsd[q][m] += sc * (c.revenueUsdPerMw(t, o.billedHours(h)) - c.rampShare(t) * running - fixedOpex);
                        } else if (!c.renewAtMarket()) {
                            market -= sc;
                            fixedCashUsd[q][m] -= sc * fixedOpex;
                            aiEbitdaFixedUsd[q][m] -= sc * fixedOpex;
                        }
                    }
                    fixedCashUsd[q][m] += c.prepaymentShare() * p.contractValueUsdPerMw(o, m) * value(f.aiContractedMw(), name, m);
                    o.capexPaidIn(m, (k, share) -> cash[month] += c.tenantCapexShare() * o.spec().capexUsdPerMw() * share
                            * value(f.aiContractedMw(), name, k));
                    online = market;
                }
                aiOnlineMwh[q][j][m] = online * o.billedHours(h);
                fixedCashUsd[q][m] += perMw * online;
                aiEbitdaFixedUsd[q][m] += perMw * online;
            }
        }
        for (int m = 0; m < months; m++) {
            Double v = f.treasurySoldBtc() == null ? null : f.treasurySoldBtc().get(m);
            soldBtc[q][m] = v == null ? 0.0 : v;
            soldTotalBtc[q] += soldBtc[q][m];
        }
    }

    /**
     * What one path gives per plan.
     *
     * @param npvUsd        the horizon's NPV
     * @param terminalUsd   the terminal value at the horizon's end, discounted to the plan's start (0 with method NONE); the
     *                      plan LP's objective is npvUsd + terminalUsd
     */
    public record PathOutcome(double[] npvUsd, double[] lowestCashUsd, int[] lowestCashMonth, double[] terminalUsd) {
        /** The plan LP's objective on this path: the horizon's NPV plus the terminal value. */
        public double objectiveUsd(int q) {
            return npvUsd[q] + terminalUsd[q];
        }
    }

    public PathOutcome evaluate(PathSampler.PathDraw d) {
        double[] npv = new double[plans];
        double[] cash = new double[plans];
        double[] low = new double[plans];
        int[] lowMonth = new int[plans];
        double[] mining = new double[plans];
        double[] margin = new double[fleets];
        double[] ratio = new double[fleets];
        int[] order = new int[fleets];
        java.util.Arrays.fill(cash, p.startingCashUsd());
        java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
        double c = p.interconnectMw();
        double startShift = 1.0;
        double lastAsicIndex = 1.0;
        double[] aiEbitdaWindow = new double[plans];
        for (int m = 0; m < months; m++) {
            java.util.Arrays.fill(mining, 0.0);
            int hours = p.months().get(m).hours();
            double[] hash = p.months().get(m).hashpriceUsdPerPhDay();
            double pathHashSum = 0.0;
            for (int t = 0; t < hours; t++) {
                double s = PathSampler.hashpriceMultiplier(d, m, feeShare[m][t]);
                pathHashSum += s * hash[t];
                int n = 0;
                for (int i = 0; i < fleets; i++) {
                    margin[i] = s * revenueBase[m][i][t] - costPerMwh[m][i][t];
                    if (margin[i] > 0.0) {
                        ratio[i] = margin[i] / pue[i];
                        // insertion by ratio, descending; ties keep the lower index first
                        int k = n++;
                        while (k > 0 && ratio[order[k - 1]] < ratio[i]) {
                            order[k] = order[k - 1];
                            k--;
                        }
                        order[k] = i;
                    }
                }
                if (n == 0) {
                    continue;
                }
                for (int q = 0; q < plans; q++) {
                    double room = c - aiPowerMw[q][m];
                    for (int k = 0; k < n && room > 0.0; k++) {
                        int i = order[k];
                        double mw = Math.min(kept[q][i][m], room / pue[i]);
                        if (mw > 0.0) {
                            mining[q] += margin[i] * mw;
                            room -= mw * pue[i];
                        }
                    }
                }
            }
            double btc = scenarioBtcUsd[m] * d.priceMultiplier()[m];
            // the path's ASIC price index relative to the scenario's: ((h̄ₘᵖ/h̄ₘ)/(h̄₀ᵖ/h̄₀))^ε (1 at σ = 0)
            double shift = hashpriceSum[m] > 0.0 ? pathHashSum / hashpriceSum[m] : 1.0;
            if (m == 0) {
                startShift = shift;
            }
            double asicIndex = Formulas.asicPriceIndex(shift, startShift, asicElasticity);
            lastAsicIndex = asicIndex;
            boolean inWindow = m >= windowFirst;
            for (int q = 0; q < plans; q++) {
                double capex = capexCashUsd[q][m] + asicIndex * asicBuyUsd[q][m];
                double cf = mining[q] + fixedCashUsd[q][m] + asicIndex * asicSaleUsd[q][m] + capex + btc * soldBtc[q][m];
                if (inWindow) {
                    aiEbitdaWindow[q] += aiEbitdaFixedUsd[q][m];
                }
                for (int j = 0; j < options; j++) {
                    if (aiOnlineMwh[q][j][m] != 0.0) {
                        double keep = Math.max(0.0, 1.0 - aiDecline[j] - d.aiDeclineShift());
                        double revenue = aiOnlineMwh[q][j][m] * aiRevenueUsdPerMwh[j] * Math.pow(keep, m / 12.0);
                        cf += revenue;
                        if (inWindow) {
                            aiEbitdaWindow[q] += revenue;
                        }
                    }
                }
                npv[q] += discount[m] * (cf - capex) + startDiscount[m] * capex;
                cash[q] += cf;
                if (cash[q] < low[q]) {
                    low[q] = cash[q];
                    lowMonth[q] = m;
                }
            }
        }
        double endBtc = discount[months - 1] * scenarioBtcUsd[months - 1] * d.priceMultiplier()[months - 1];
        double[] terminal = new double[plans];
        for (int q = 0; q < plans; q++) {
            npv[q] -= endBtc * soldTotalBtc[q];
            if (terminalMethod != PlanProblem.TerminalMethod.NONE) {
                double salvage = 0.0;
                for (int i = 0; i < fleets; i++) {
                    salvage += salvageLastUsdPerMw[i] * kept[q][i][months - 1];
                }
                terminal[q] = discount[months - 1] * (lastAsicIndex * salvage + terminalFactor * annualise * aiEbitdaWindow[q])
                        + contractedTerminalUsd[q];
            }
        }
        return new PathOutcome(npv, low, lowMonth, terminal);
    }
}
