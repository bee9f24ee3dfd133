package com.gridpivot.planning.result;

import com.gridpivot.lp.LpStatus;
import com.gridpivot.lp.SolveOutcome;
import com.gridpivot.lp.rows.AiContractRows;
import com.gridpivot.lp.rows.TerminalValueRows;
import com.gridpivot.lp.rows.CashCategory;
import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.result.PlanResult.MonthRow;
import com.gridpivot.planning.result.PlanResult.SolverInfo;
import com.gridpivot.planning.result.PlanResult.Totals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an evaluated plan LP into the answer: cash by category per month (the cash terms of {@code lp.rows.CashRows} read
 * back), totals, the incremental NPV, IRR and payback against the stay-on-Bitcoin baseline, the lowest cash.
 */
public final class PlanResultBuilder {
    private PlanResultBuilder() {
    }

    /**
     * @param e        the plan's LP, solved
     * @param base     the stay-on-Bitcoin baseline on the same scenario (IRR, payback and incremental NPV against it)
     * @param lpSolves LPs solved for this answer
     */
    public static PlanResult build(PlanProblem p, String name, Evaluated e, Evaluated base, int lpSolves) {
        SolveOutcome o = e.outcome();
        String status = switch (o.status()) {
            case OPTIMAL -> "OPTIMAL";
            case FEASIBLE -> "FEASIBLE";
            case INFEASIBLE -> "INFEASIBLE";
            case TIMED_OUT -> "TIMED_OUT";
            case UNBOUNDED, ERROR -> "FAILED";
        };
        SolverInfo solver = new SolverInfo(o.solverName(), e.variables(), e.constraints(), e.blocks(), e.buildMs(), o.solveMs(), lpSolves,
                o.note(), o.mip() == null ? null : finite(o.relativeGap()), finite(o.bestBound()),
                o.mip() == null ? null : finite(o.mip().relaxationObjective()), finite(o.relativeGap()));
        String explanation = e.explanation();
        if (explanation == null && o.status() == LpStatus.TIMED_OUT) {
            explanation = "the solver's time limit of " + FieldChecks.fmt(p.timeLimitSeconds()) + " s ran out before a feasible plan was found";
        } else if (explanation == null && !o.hasSolution()) {
            explanation = "the solver failed (" + o.status() + "): " + (o.note() != null ? o.note() : "it gave no reason");
        } else if (explanation == null && o.mip() != null && o.status() == LpStatus.FEASIBLE) {
            // hall blocks: the time limit ended SCIP's search with this plan; say how far from proven it may be
            explanation = "the time limit of " + FieldChecks.fmt(p.timeLimitSeconds()) + " s ended the search for whole blocks: this is the"
                    + " best plan found, its NPV within " + FieldChecks.fmt(100.0 * o.relativeGap()) + " % of the best bound "
                    + FieldChecks.fmt(o.bestBound()) + " USD (not proven optimal)";
        } else if (explanation == null && o.mip() == null && o.status() == LpStatus.FEASIBLE) {
            // an LP stopped by the time limit: the duals it held bound the optimum (LpSolver, DualBound)
            explanation = Double.isFinite(o.relativeGap())
                    ? "the time limit of " + FieldChecks.fmt(p.timeLimitSeconds()) + " s stopped " + o.solverName() + " before it proved"
                    + " this plan optimal: its NPV is within " + FieldChecks.fmt(100.0 * o.relativeGap()) + " % of the proven bound "
                    + FieldChecks.fmt(o.bestBound()) + " USD; raise timeLimitSeconds, use EXACT_BLOCKS or another solver for the optimum"
                    : "the time limit of " + FieldChecks.fmt(p.timeLimitSeconds()) + " s stopped " + o.solverName() + " before it proved"
                    + " this plan optimal, and no bound on how far from optimal it is could be computed; raise timeLimitSeconds";
        } else if (explanation == null && o.mip() == null && !o.solverName().equals(p.solver().name())) {
            // the requested backend failed and another one answered (LpSolver's fallback): say so beside the numbers
            explanation = "solved with " + o.solverName() + " instead of " + p.solver() + ": " + o.note();
        }
        PlanValues v = e.values();
        if (v == null) {
            return PlanResult.without(name, status, p.hourModel().name(), explanation, solver, p.dataNotes());
        }
        PlanValues b = base.values();
        int months = p.monthCount();
        double[] delta = null;
        // the part of Δₘ paid at the month's start (capex), for the IRR; the rest is paid at its end
        double[] deltaAtStart = new double[months];
        if (b != null) {
            delta = new double[months];
            for (int m = 0; m < months; m++) {
                delta[m] = v.cashFlowUsd[m] - b.cashFlowUsd[m];
                for (CashCategory c : CashCategory.values()) {
                    if (c.paidAtStartOfMonth()) {
                        deltaAtStart[m] += v.category(m, c) - b.category(m, c);
                    }
                }
            }
            // The BTC sold by one plan and kept by the other is worth its end price in the last month.
            delta[months - 1] -= p.months().get(months - 1).btcPriceUsd() * (v.totalSoldBtc() - b.totalSoldBtc());
        }
        Double irr = null;
        String irrNote;
        String paybackMonth = null;
        Integer paybackMonths = null;
        String paybackNote;
        if (delta == null) {
            String why = base.explanation() != null ? base.explanation()
                    : base.outcome().status() == LpStatus.TIMED_OUT
                            ? "the solver's time limit of " + FieldChecks.fmt(p.timeLimitSeconds()) + " s ran out"
                            : base.outcome().note() != null ? base.outcome().note() : "the solver gave no reason";
            irrNote = "no stay-on-Bitcoin baseline (" + base.outcome().status() + "): " + why;
            paybackNote = "no payback without a stay-on-Bitcoin baseline to compare with";
        } else {
            // Two LPs that reach the same cash flows differ by rounding only: a dollar per 1e9 of cash moved is no difference.
            double toleranceUsd = 1e-6;
            for (int m = 0; m < months; m++) {
                toleranceUsd += 1e-9 * (Math.abs(v.cashFlowUsd[m]) + Math.abs(b.cashFlowUsd[m]));
            }
            if (CashFlowMetrics.sameFlows(delta, toleranceUsd)) {
                irrNote = "the plan's cash flows are those of staying on Bitcoin in every month: no IRR";
                paybackNote = "the plan's cash flows are those of staying on Bitcoin in every month: nothing is invested, so there is "
                        + "no payback";
            } else {
                double[] deltaAtEnd = new double[months];
                for (int m = 0; m < months; m++) {
                    deltaAtEnd[m] = delta[m] - deltaAtStart[m];
                }
                irr = CashFlowMetrics.irrAnnual(deltaAtEnd, deltaAtStart);
                irrNote = irr != null ? "annualised from the monthly rate that zeroes the incremental cash flows (capex at the start of "
                        + "its month, every other flow at the month's end, as in the NPV)"
                        : "the incremental cash flows never change sign (or have no root in −99 %…+1000 %/month): no IRR";
                if (!CashFlowMetrics.invests(delta, toleranceUsd)) {
                    paybackNote = "the cumulative incremental cash flow is never below zero: nothing is invested beyond staying on "
                            + "Bitcoin, so there is no payback";
                } else {
                    int pb = CashFlowMetrics.paybackIndex(delta);
                    if (pb >= 0) {
                        paybackMonth = p.months().get(pb).month().toString();
                        paybackMonths = pb + 1;
                        paybackNote = "the month from which the cumulative incremental cash flow stays ≥ 0 (end-of-month timing)";
                    } else {
                        paybackNote = "the cumulative incremental cash flow is still below zero at the end of the " + months
                                + " months: no payback within the horizon";
                    }
                }
            }
        }
        int low = 0;
        for (int m = 1; m < months; m++) {
            if (v.cumulativeCashUsd[m] < v.cumulativeCashUsd[low]) {
                low = m;
            }
        }
        List<MonthRow> rows = new ArrayList<>(months);
        double miningMwh = 0.0;
        double aiMwh = 0.0;
        Map<String, Double> aiRev = new LinkedHashMap<>();
        Map<String, Double> aiEnergy = new LinkedHashMap<>();
        AiContractRows.Figures contracts = v.contractedMw == null ? null : AiContractRows.figures(p, v.contractedMw);
        double[] retiredSoFar = new double[p.options().size()]; // MW whose GPUs left: their halls stay reserved but are not building
        for (int m = 0; m < months; m++) {
            PlanProblem.MonthData md = p.months().get(m);
            Map<String, Double> kept = new LinkedHashMap<>();
            Map<String, Double> disp = new LinkedHashMap<>();
            double miningMw = 0.0;
            for (int i = 0; i < p.fleets().size(); i++) {
                String fn = p.fleets().get(i).spec().name();
                kept.put(fn, v.keptMw[i][m]);
                disp.put(fn, v.dispatchedMwAvg[i][m]);
                miningMw += v.dispatchedMwAvg[i][m];
            }
            Map<String, Double> started = new LinkedHashMap<>();
            Map<String, Double> building = new LinkedHashMap<>();
            Map<String, Double> online = new LinkedHashMap<>();
            double aiTotal = 0.0;
            for (int j = 0; j < p.options().size(); j++) {
                PlanOption opt = p.options().get(j);
                String on = opt.spec().name();
                started.put(on, v.startedMw[j][m]);
                if (v.gpuLife != null) {
                    retiredSoFar[j] += v.gpuLife.retiredMw()[j][m];
                }
                building.put(on, Math.max(0.0, v.reservedMw[j][m] - v.onlineMw[j][m] - retiredSoFar[j]));
                online.put(on, v.onlineMw[j][m]);
                aiTotal += v.onlineMw[j][m];
                // MW in a contract's term earn its price and draw power as ramped; every other online MW earns the market rate
                double inTerm = contracts == null ? 0.0 : contracts.inTermMw()[j][m];
                double ramped = contracts == null ? 0.0 : contracts.contractedOnlineMw()[j][m];
                double contracted = contracts == null ? 0.0 : contracts.contractedRevenueUsd()[j][m];
                aiEnergy.merge(on, (v.onlineMw[j][m] - inTerm + ramped) * md.hours(), Double::sum);
                aiRev.merge(on, (v.onlineMw[j][m] - inTerm) * opt.revenueUsdPerMw(m, md.hours()) + contracted, Double::sum);
            }
            PlanResult.ContractMonth contractMonth = null;
            if (contracts != null) {
                Map<String, Double> signed = new LinkedHashMap<>();
                double rev = 0.0, received = 0.0, earned = 0.0, tenant = 0.0, mw = 0.0;
                for (int j = 0; j < p.options().size(); j++) {
                    if (v.contractedMw[j] != null) {
                        signed.put(p.options().get(j).spec().name(), v.contractedMw[j][m]);
                        rev += contracts.contractedRevenueUsd()[j][m];
                        received += contracts.prepaymentReceivedUsd()[j][m];
                        earned += contracts.prepaymentEarnedUsd()[j][m];
                        tenant += contracts.tenantCapexUsd()[j][m];
                        mw += contracts.contractedOnlineMw()[j][m];
                    }
                }
                contractMonth = new PlanResult.ContractMonth(rev, v.category(m, CashCategory.AI_CONTRACT_REVENUE), received, earned, tenant,
                        mw, signed);
            }
            PlanResult.GpuLifeMonth gpuMonth = null;
            if (v.gpuLife != null) {
                Map<String, Double> refreshed = new LinkedHashMap<>();
                Map<String, Double> retired = new LinkedHashMap<>();
                double capex = 0.0, residual = 0.0;
                for (int j = 0; j < p.options().size(); j++) {
                    if (p.options().get(j).hasGpuLife()) {
                        String on = p.options().get(j).spec().name();
                        refreshed.put(on, v.gpuLife.refreshedMw()[j][m]);
                        retired.put(on, v.gpuLife.retiredMw()[j][m]);
                        capex += v.gpuLife.refreshCapexUsd()[j][m];
                        residual += v.gpuLife.residualUsd()[j][m];
                    }
                }
                gpuMonth = new PlanResult.GpuLifeMonth(refreshed, retired, capex, residual);
            }
            miningMwh += v.miningEnergyMwh[m];
            aiMwh += aiTotal * md.hours();
            double meanHash = 0.0;
            for (double h : md.hashpriceUsdPerPhDay()) {
                meanHash += h;
            }
            rows.add(new MonthRow.Builder(md.month().toString())
                    .cash(v.cashFlowUsd[m], v.cumulativeCashUsd[m], delta == null ? null : delta[m], p.discountFactor(m))
                    .mining(v.category(m, CashCategory.MINING_REVENUE), -v.category(m, CashCategory.MINING_ENERGY))
                    .ai(v.category(m, CashCategory.AI_REVENUE), -v.category(m, CashCategory.AI_ENERGY), -v.category(m, CashCategory.AI_CAPEX))
                    .opex(-v.category(m, CashCategory.MINING_OPEX) - v.category(m, CashCategory.AI_OPEX))
                    .asicTrades(v.category(m, CashCategory.ASIC_SALVAGE), -v.category(m, CashCategory.ASIC_PURCHASE))
                    .treasury(v.soldBtc[m], v.category(m, CashCategory.TREASURY_SALE))
                    .market(md.btcPriceUsd(), meanHash / md.hours(), md.priceSumUsdPerMw() / md.hours())
                    .asic(kept, disp, miningMw)
                    .aiMw(started, building, online, aiTotal)
                    .asicMarket(p.fleets().isEmpty() ? 1.0 : p.fleets().get(0).priceIndex(m),
                            p.fleets().isEmpty() ? 1.0 : p.fleets().get(0).hashrateFactor(m))
                    .financing(-v.category(m, CashCategory.FINANCING_INTEREST) - v.category(m, CashCategory.FINANCING_FEE),
                            v.debtPrincipalUsd[m], v.financing.debtUsd()[m])
                    .contract(contractMonth)
                    .gpuLife(gpuMonth)
                    .build());
        }
        double miningRevenue = v.total(CashCategory.MINING_REVENUE);
        Map<String, Double> perMwh = new LinkedHashMap<>();
        if (miningMwh > 0) {
            perMwh.put("mining", miningRevenue / miningMwh);
        }
        aiRev.forEach((k, rev) -> {
            if (aiEnergy.get(k) > 0) {
                perMwh.put(k, rev / aiEnergy.get(k));
            }
        });
        double net = 0.0;
        for (double c : v.cashFlowUsd) {
            net += c;
        }
        Totals totals = new Totals(miningRevenue, -v.total(CashCategory.MINING_ENERGY), v.total(CashCategory.AI_REVENUE),
                -v.total(CashCategory.AI_ENERGY), -v.total(CashCategory.MINING_OPEX) - v.total(CashCategory.AI_OPEX),
                -v.total(CashCategory.AI_CAPEX), v.total(CashCategory.ASIC_SALVAGE), -v.total(CashCategory.ASIC_PURCHASE),
                v.total(CashCategory.TREASURY_SALE), v.totalSoldBtc(), miningMwh, aiMwh, net,
                v.total(CashCategory.AI_CONTRACT_REVENUE) + v.total(CashCategory.AI_PREPAYMENT), v.total(CashCategory.AI_TENANT_CAPEX));
        Double baseNpv = b == null ? null : b.horizonNpvUsd();
        double horizonNpv = v.horizonNpvUsd();
        PlanResult.TerminalValueResult terminal = null;
        if (p.terminalValue().method() != PlanProblem.TerminalMethod.NONE) {
            Map<String, Double> byUse = new LinkedHashMap<>();
            byUse.put(TerminalValueRows.MINING, v.terminalMiningUsd);
            byUse.put(TerminalValueRows.AI, v.terminalAiUsd);
            terminal = new PlanResult.TerminalValueResult(p.terminalValue().method().name(), byUse, v.terminalMiningUsd + v.terminalAiUsd,
                    v.objectiveUsd, b == null ? null : b.terminalMiningUsd + b.terminalAiUsd);
        }
        PlanResult.PlanFinancingResult financing = FinancingResults.build(p, v);
        List<String> warnings = financeWarnings(p, p.months().get(low).month().toString(), v.cumulativeCashUsd[low]);
        warnings.addAll(FinancingResults.warnings(financing));
        return new PlanResult.Builder(name, status, p.hourModel().name(), solver)
                .explanation(explanation)
                .terminalValue(terminal)
                .npv(horizonNpv, baseNpv, baseNpv == null ? null : horizonNpv - baseNpv)
                .irr(irr, irrNote)
                .payback(paybackMonth, paybackMonths, paybackNote)
                .lowestCash(p.months().get(low).month().toString(), v.cumulativeCashUsd[low])
                .totals(totals, perMwh)
                .plan(v.decisions(), rows)
                .dataNotes(p.dataNotes())
                .warnings(warnings)
                .summary(FinancingResults.summary(p, v, horizonNpv, baseNpv == null ? null : horizonNpv - baseNpv, financing))
                .financing(financing)
                .tax(v.tax == null ? null : v.tax.result(p, horizonNpv))
                .build();
    }

    /**
     * No free money (issue 15): without financing (cash floor 0) the cumulative cash may not fall below 0; when the plan's
     * lowest cash sits at that floor (within 1 USD) the answer says so, since before issue 15 the same request had unlimited
     * credit at no cost and may have answered another plan.
     */
    static List<String> financeWarnings(PlanProblem p, String lowestMonth, double lowestCashUsd) {
        List<String> out = new ArrayList<>();
        if (p.cashFloorUsd() == 0.0 && lowestCashUsd <= 1.0 && !p.financing().hasSources()) {
            out.add("finance: the cumulative cash reaches the floor of 0 USD in " + lowestMonth + ": without financing (finance.revolvingCredit, termLoans, convertibleNotes) "
                    + "cash may not fall below 0 (before issue 15 an absent credit line meant unlimited credit at no cost); "
                    + "financing may allow a better plan");
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
