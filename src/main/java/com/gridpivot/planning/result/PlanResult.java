package com.gridpivot.planning.result;

import com.gridpivot.planning.input.FixedPlanBody.Step;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer for one plan (the optimizer's, or a fixed plan evaluated). Money in USD (nominal unless named
 * "npv"), power in MW of IT load, energy in MWh.
 *
 * @param name                 "optimized", "stay on Bitcoin" or the fixed plan's name
 * @param status               OPTIMAL, FEASIBLE, INFEASIBLE, TIMED_OUT, FAILED
 * @param hourModel            EXACT_BLOCKS (hours merged exactly per month) or HOURLY
 * @param explanation          why there is no plan, with numbers (not OPTIMAL); or, with a plan, which backend solved it when
 *                             the requested one failed (e.g. "solved with CLP instead of GLOP: GLOP ended in ABNORMAL …")
 * @param npvUsd               Σₘ δₘ CFₘ − δ_end × BTC price_end × BTC sold (the objective)
 * @param stayOnBitcoinNpvUsd  the same for the best plan without AI starts, on the same scenario
 * @param incrementalNpvUsd    npvUsd − stayOnBitcoinNpvUsd
 * @param incrementalIrrAnnual IRR of the incremental monthly cash flows, annualised; null when it does not exist
 * @param irrNote              why the IRR is null, or how it was found
 * @param paybackMonth         the month from which the cumulative incremental cash stays ≥ 0; null when nothing is invested
 *                             (the cumulative incremental cash is never below zero, e.g. a plan identical to staying on
 *                             Bitcoin) or when it does not pay back within the horizon
 * @param paybackMonths        months from the start to the end of paybackMonth
 * @param paybackNote          how paybackMonth was found, or why it is null
 * @param lowestCashMonth      the month of lowest cumulative cash
 * @param lowestCashUsd        that cumulative cash
 * @param totals               sums over the horizon
 * @param revenuePerItMwhUsd   revenue per MWh of IT energy: "mining" and one entry per AI option with energy
 * @param decisions            the plan's decisions, in the form a fixed plan takes (re-send them to compare)
 * @param monthly              one row per month
 * @param solver               model size and times
 * @param dataNotes            what was done to the stored data the plan uses (e.g. the first hours of a replayed year filled
 *                             from the next day); empty when nothing was
 * @param warnings             inputs outside their plausible ranges ("field: why, and the likely unit slip"); the plan is
 *                             computed with the values as given
 */
public record PlanResult(String name, String status, String hourModel, String explanation, Double npvUsd, Double stayOnBitcoinNpvUsd,
                         Double incrementalNpvUsd, Double incrementalIrrAnnual, String irrNote, String paybackMonth, Integer paybackMonths,
                         String paybackNote,
                         String lowestCashMonth, Double lowestCashUsd, Totals totals, Map<String, Double> revenuePerItMwhUsd,
                         Decisions decisions, List<MonthRow> monthly, SolverInfo solver, List<String> dataNotes,
                         @Schema(description = "Inputs outside their plausible ranges (energy price, hashprice, BTC price, difficulty, J/TH, "
                                 + "PUE, GPU lease, colocation rate), each as \"JSON path: why, and the likely unit slip\"; the plan is "
                                 + "computed with the values as given; then the plan's own warnings on its financing (e.g. cash held at the "
                                 + "floor of 0 USD because no financing was given)")
                         List<String> warnings, TerminalValueResult terminalValue,
                         @Schema(description = "The sentences an executive reads first: the NPV, the lowest cash month, the peak debt (month, "
                                 + "USD) and the tightest covenant with its headroom; null without a plan")
                         String summary,
                         @Schema(description = "The financing sources (credit line, term loans, convertible notes) by month, the debt, the "
                                 + "covenants' tightest months and headroom; null without financing sources or covenants")
                         PlanFinancingResult financing,
                         @Schema(description = "Corporate income tax (finance.tax): NPV after and before tax, tax by month, and by tax "
                                 + "year the taxable income, depreciation by asset class, losses used and carried; null without finance.tax")
                         PlanTaxResult tax,
                         @Schema(description = "The What-if → plan bridge (with explain.bridge true): why the plan's value differs from the "
                                 + "one-year What-if at its first month, as steps that sum to the difference (models/PLANS.md, \"The "
                                 + "What-if → plan bridge\"); null unless asked for")
                         WhatIfBridge bridge) {

    /**
     * The What-if → plan bridge (issue 14, item 6; models/PLANS.md, "The What-if → plan bridge"). startUsd + Σ steps.usd =
     * endUsd (residualUsd is what floating-point addition leaves, below 10⁻⁶ USD).
     *
     * @param whatIfMonths          the What-if's year: the plan's first min(12, M) months, "2026-07 … 2027-06"
     * @param whatIfNetUsd          the What-if's objective over its hours: revenue − energy − opex − capex charge, USD
     * @param whatIfHours           the What-if's hours T_w
     * @param whatIfAsicItMw        the ASIC MW the What-if runs, by fleet
     * @param whatIfAiItMw          the AI MW the What-if builds, by option
     * @param whatIfMiningMarginUsd the What-if's value stack: the fleets' margin, USD over its hours
     * @param whatIfAiMarginUsd     the What-if's value stack: the AI options' margin after the capex charge, USD over its hours
     * @param whatIfValueStack      the What-if's whole value stack (issue 16, item 4): the mining terms per MW against each AI
     *                              option's margin per MW, over its hours (the plan has no power contract, 4CP or ancillary
     *                              services, so their terms are 0)
     * @param startUsd              whatIfNetUsd × the plan's hours / T_w: the What-if annualised over the horizon, undiscounted
     * @param steps                 each effect switched on in turn, in a fixed order, its change of value in USD and why
     * @param endUsd                the plan's objective: npvUsd + terminalValue.totalUsd (npvUsd without a terminal value)
     * @param residualUsd           endUsd − startUsd − Σ steps.usd
     * @param extraSolves           the LPs the bridge solved besides the plan's (the What-if and the fixed-plan stages)
     */
    public record WhatIfBridge(String whatIfMonths, double whatIfNetUsd, double whatIfHours, Map<String, Double> whatIfAsicItMw,
                         Map<String, Double> whatIfAiItMw, Double whatIfMiningMarginUsd, Double whatIfAiMarginUsd,
                               com.gridpivot.optimization.result.AllocationResult.ValueStack whatIfValueStack, double startUsd,
                         List<WhatIfBridgeStep> steps, double endUsd, double residualUsd, int extraSolves) {
    }

    /**
     * One step of the bridge.
     *
     * @param name        the effect: "horizon months", "discounting", "AI rate decline", "hashprice path and halving", "fleet
     *                    degradation", "ASIC salvage", "lead time", "capex inside the horizon", "GPU life and refresh", "contract
     *                    terms", "terminal value", "the optimizer's decisions", "financing costs", "income tax" (only with finance.tax)
     * @param usd         the change of value when the effect is switched on, USD (0 when the plan does not have it)
     * @param explanation one sentence saying what the effect is
     */
    public record WhatIfBridgeStep(String name, double usd, String explanation) {
    }

    /** The same result with its What-if → plan bridge. */
    public PlanResult withBridge(WhatIfBridge b) {
        return new PlanResult(name, status, hourModel, explanation, npvUsd, stayOnBitcoinNpvUsd, incrementalNpvUsd, incrementalIrrAnnual, irrNote,
                paybackMonth, paybackMonths, paybackNote, lowestCashMonth, lowestCashUsd, totals, revenuePerItMwhUsd, decisions, monthly, solver,
                dataNotes, warnings, terminalValue, summary, financing, tax, b);
    }

    /**
     * The terminal value at the horizon's end (models/PLANS.md, "Terminal value"), apart from npvUsd, which is the horizon's
     * alone; the plan maximises npvUsd + totalUsd.
     *
     * @param method                  NONE, CONTRACTED, EXIT_MULTIPLE or PERPETUITY
     * @param byUseUsd                discounted to the plan's start, by use: "mining" (the ASICs kept at the end, at salvage) and "ai"
     * @param totalUsd                Σ of byUseUsd
     * @param npvWithTerminalValueUsd npvUsd + totalUsd: the objective
     * @param stayOnBitcoinTotalUsd   the same method's terminal value of the stay-on-Bitcoin plan (null without one)
     */
    public record TerminalValueResult(String method, Map<String, Double> byUseUsd, double totalUsd, double npvWithTerminalValueUsd,
                                      Double stayOnBitcoinTotalUsd) {
    }

    /** The same result with these input warnings. */
    public PlanResult withWarnings(List<String> inputWarnings) {
        // the input warnings first, then the plan's own (financing: e.g. cash held at the zero floor without financing)
        List<String> all = new java.util.ArrayList<>(inputWarnings == null ? List.of() : inputWarnings);
        all.addAll(warnings == null ? List.of() : warnings);
        return new PlanResult(name, status, hourModel, explanation, npvUsd, stayOnBitcoinNpvUsd, incrementalNpvUsd, incrementalIrrAnnual, irrNote,
                paybackMonth, paybackMonths, paybackNote, lowestCashMonth, lowestCashUsd, totals, revenuePerItMwhUsd, decisions, monthly, solver,
                dataNotes, List.copyOf(all), terminalValue, summary, financing, tax, bridge);
    }

    /** The answer without a plan (no solution): its status, why, and the solver's figures. */
    public static PlanResult without(String name, String status, String hourModel, String explanation, SolverInfo solver,
                                     List<String> dataNotes) {
        return new Builder(name, status, hourModel, solver).explanation(explanation).dataNotes(dataNotes).build();
    }

    /** Fills a result by topic instead of by position; what is not set stays null (monthly: empty). */
    public static final class Builder {
        private final String name;
        private final String status;
        private final String hourModel;
        private final SolverInfo solver;
        private String explanation;
        private Double npvUsd;
        private Double stayOnBitcoinNpvUsd;
        private Double incrementalNpvUsd;
        private Double incrementalIrrAnnual;
        private String irrNote;
        private String paybackMonth;
        private Integer paybackMonths;
        private String paybackNote;
        private String lowestCashMonth;
        private Double lowestCashUsd;
        private Totals totals;
        private Map<String, Double> revenuePerItMwhUsd;
        private Decisions decisions;
        private List<MonthRow> monthly = List.of();
        private List<String> dataNotes = List.of();
        private List<String> warnings = List.of();
        private TerminalValueResult terminalValue;
        private String summary;
        private PlanFinancingResult financing;
        private PlanTaxResult tax;

        public Builder(String name, String status, String hourModel, SolverInfo solver) {
            this.name = name;
            this.status = status;
            this.hourModel = hourModel;
            this.solver = solver;
        }

        public Builder explanation(String explanation) {
            this.explanation = explanation;
            return this;
        }

        public Builder npv(Double npvUsd, Double stayOnBitcoinNpvUsd, Double incrementalNpvUsd) {
            this.npvUsd = npvUsd;
            this.stayOnBitcoinNpvUsd = stayOnBitcoinNpvUsd;
            this.incrementalNpvUsd = incrementalNpvUsd;
            return this;
        }

        public Builder irr(Double incrementalIrrAnnual, String irrNote) {
            this.incrementalIrrAnnual = incrementalIrrAnnual;
            this.irrNote = irrNote;
            return this;
        }

        public Builder payback(String paybackMonth, Integer paybackMonths, String paybackNote) {
            this.paybackMonth = paybackMonth;
            this.paybackMonths = paybackMonths;
            this.paybackNote = paybackNote;
            return this;
        }

        public Builder dataNotes(List<String> dataNotes) {
            this.dataNotes = dataNotes == null ? List.of() : dataNotes;
            return this;
        }

        /** The plan's own warnings (financing), kept after the input warnings {@link PlanResult#withWarnings} adds. */
        public Builder terminalValue(TerminalValueResult terminalValue) {
            this.terminalValue = terminalValue;
            return this;
        }

        public Builder warnings(List<String> warnings) {
            this.warnings = warnings == null ? List.of() : List.copyOf(warnings);
            return this;
        }

        public Builder lowestCash(String lowestCashMonth, Double lowestCashUsd) {
            this.lowestCashMonth = lowestCashMonth;
            this.lowestCashUsd = lowestCashUsd;
            return this;
        }

        public Builder totals(Totals totals, Map<String, Double> revenuePerItMwhUsd) {
            this.totals = totals;
            this.revenuePerItMwhUsd = revenuePerItMwhUsd;
            return this;
        }

        public Builder plan(Decisions decisions, List<MonthRow> monthly) {
            this.decisions = decisions;
            this.monthly = monthly;
            return this;
        }

        public PlanResult build() {
            return new PlanResult(name, status, hourModel, explanation, npvUsd, stayOnBitcoinNpvUsd, incrementalNpvUsd, incrementalIrrAnnual,
                    irrNote, paybackMonth, paybackMonths, paybackNote, lowestCashMonth, lowestCashUsd, totals, revenuePerItMwhUsd, decisions,
                    monthly, solver, dataNotes, warnings, terminalValue, summary, financing, tax, null);
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder financing(PlanFinancingResult financing) {
            this.financing = financing;
            return this;
        }

        public Builder tax(PlanTaxResult tax) {
            this.tax = tax;
            return this;
        }
    }

    /**
     * The plan's income tax (issue 15, item 3; models/PLANS.md "Taxes"). The NPVs are the horizon's (without a terminal value,
     * as npvUsd).
     *
     * @param incomeTaxRateShare the rate
     * @param npvAfterTaxUsd     npvUsd: the plan's NPV with the tax paid (what the plan maximises)
     * @param npvBeforeTaxUsd    the same plan's NPV with its tax payments added back: npvUsd + Σ_y δ_pay(y) taxUsd_y
     * @param taxPaidUsd         tax paid over the horizon, nominal
     * @param taxByMonthUsd      tax paid in each month (aligned with {@code monthly}; paid at the end of each tax year's last month)
     * @param years              each tax year (calendar year) of the horizon
     */
    public record PlanTaxResult(double incomeTaxRateShare, double npvAfterTaxUsd, double npvBeforeTaxUsd, double taxPaidUsd,
                                List<Double> taxByMonthUsd, List<TaxYear> years) {
    }

    /**
     * One tax year.
     *
     * @param year                   the calendar year
     * @param paidMonth              the month its tax is paid (its last month in the horizon)
     * @param taxableIncomeUsd       EBITDA + prepayments + ASIC salvage + BTC gains − depreciation − interest and fees (negative: a loss)
     * @param depreciationUsd        deducted in the year, all classes
     * @param depreciationByClassUsd by class: asics, gpus, buildings
     * @param lossUsedUsd            carried loss offset against the year's profit
     * @param lossStockEndUsd        loss carried out of the year (null without loss carry-forward)
     * @param taxUsd                 the year's tax, paid in paidMonth
     */
    public record TaxYear(int year, String paidMonth, double taxableIncomeUsd, double depreciationUsd, Map<String, Double> depreciationByClassUsd,
                          double lossUsedUsd, Double lossStockEndUsd, double taxUsd) {
    }

    /**
     * The plan's financing (issue 15): every source month by month, the debt and the covenants.
     *
     * @param sources            credit line, term loans, convertible notes, in that order
     * @param debtUsd            owed at each month's end over all sources (aligned with {@code monthly})
     * @param peakDebtMonth      the month of the highest debt (the first such month), null when nothing is owed
     * @param peakDebtUsd        that debt
     * @param debtAtEndUsd       owed at the horizon's end (not repaid within the plan)
     * @param interestUsd        interest and coupons over the horizon
     * @param feesUsd            commitment and upfront fees over the horizon
     * @param covenants          each covenant given, with its tightest month and headroom
     * @param conversionNote     how conversion of the notes is treated, with the dilution if they converted; null without notes
     */
    public record PlanFinancingResult(List<FinancingSource> sources, List<Double> debtUsd, String peakDebtMonth, double peakDebtUsd, double debtAtEndUsd,
                            double interestUsd, double feesUsd, List<CovenantCheck> covenants, String conversionNote) {
    }

    /**
     * One financing source; the lists have one value per month of {@code monthly}.
     *
     * @param name                       "credit line", or the loan's or note's name
     * @param kind                       REVOLVING_CREDIT, TERM_LOAN or CONVERTIBLE_NOTE
     * @param limitUsd                   the line's limit, the loan's amount, the note's principal
     * @param drawnUsd                   drawn (issued) over the horizon
     * @param repaidUsd                  repaid over the horizon
     * @param interestUsd                interest (coupon) over the horizon
     * @param feesUsd                    commitment or upfront fees over the horizon
     * @param balanceAtEndUsd            owed at the horizon's end
     * @param balanceUsd                 owed at each month's end
     * @param drawsUsd                   drawn in each month
     * @param repaymentsUsd              repaid in each month
     * @param interestByMonthUsd         interest paid in each month
     * @param feesByMonthUsd             fees paid in each month
     * @param conversionShares           a note: shares issued if its principal converted (principal / conversion price); else null
     * @param conversionEquityShare      a note: those shares' share of the equity after conversion, given sharesOutstanding; else null
     */
    public record FinancingSource(String name, String kind, double limitUsd, double drawnUsd, double repaidUsd, double interestUsd, double feesUsd,
                         double balanceAtEndUsd, List<Double> balanceUsd, List<Double> drawsUsd, List<Double> repaymentsUsd,
                         List<Double> interestByMonthUsd, List<Double> feesByMonthUsd, Double conversionShares, Double conversionEquityShare) {
    }

    /**
     * A covenant's tightest month.
     *
     * @param name          MIN_CASH or MAX_DEBT_TO_TRAILING_EBITDA
     * @param limit         the covenant's number: USD of cash, or the most debt per USD of trailing EBITDA
     * @param tightestMonth the month of least headroom among the months tested (null when no month is tested)
     * @param headroomUsd   that month's headroom: cash − minCash, or ratio × trailing EBITDA − debt (USD)
     * @param valueThen     that month's cash (MIN_CASH) or debt / trailing EBITDA (null when EBITDA ≤ 0)
     * @param monthsTested  months in which the covenant is a row (the debt covenant only where debt may be owed)
     */
    public record CovenantCheck(String name, double limit, String tightestMonth, Double headroomUsd, Double valueThen, int monthsTested) {
    }

    public record Totals(double miningRevenueUsd, double miningEnergyCostUsd, double aiRevenueUsd, double aiEnergyCostUsd,
                         double opexUsd, double aiCapexUsd, double asicSalvageUsd, double asicPurchaseUsd, double treasuryProceedsUsd,
                         double treasurySoldBtc, double miningEnergyMwh, double aiEnergyMwh, double netCashFlowUsd,
                         double aiContractCashUsd, double aiTenantCapexUsd) {
    }

    /**
     * @param aiContractedMw of the AI starts, the MW signed under their option's contract terms (null when no option has terms)
     */
    public record Decisions(List<Step> aiStartsMw, List<Step> asicRetiredMw, List<Step> asicBoughtMw, List<Step> treasurySoldBtc,
                            List<Step> aiContractedMw) {
        /** Decisions of a plan without contract terms. */
        public Decisions(List<Step> aiStartsMw, List<Step> asicRetiredMw, List<Step> asicBoughtMw, List<Step> treasurySoldBtc) {
            this(aiStartsMw, asicRetiredMw, asicBoughtMw, treasurySoldBtc, null);
        }
    }

    /**
     * The month's AI contract figures, summed over the options with contract terms (models/PLANS.md, "AI contracts").
     *
     * @param contractedRevenueUsd   what the contracts bill for the month, Σ cᵩ Sc (accrued: the prepaid share included)
     * @param contractedCashUsd      of it, the cash received in the month, (1 − φ) Σ cᵩ Sc
     * @param prepaymentReceivedUsd  prepayments received in the month, φ V Sc of the MW started in it
     * @param prepaymentEarnedUsd    the prepaid share of the month's contracted revenue, φ Σ cᵩ Sc
     * @param tenantCapexUsd         fit-out capex the tenants pay in the month, κ K Σ share Sc (the plan's aiCapexUsd is gross)
     * @param contractedOnlineMw     contracted IT MW online in their term (ramped), Σ ρ_q Sc
     * @param contractedStartedMw    Sc by option: the month's starts signed under contract
     */
    public record ContractMonth(double contractedRevenueUsd, double contractedCashUsd, double prepaymentReceivedUsd,
                                double prepaymentEarnedUsd, double tenantCapexUsd, double contractedOnlineMw,
                                Map<String, Double> contractedStartedMw) {
    }

    /**
     * The month's GPU life figures (models/PLANS.md, "GPU life and refresh").
     *
     * @param refreshedMw      IT MW whose GPUs reached their end of life and were replaced in the month, by option
     * @param retiredMw        IT MW whose GPUs left in the month without replacement (end of life, or the hall's end), by option
     * @param refreshCapexUsd  the refreshes' GPU capex at the month's GPU price (in aiCapexUsd)
     * @param residualValueUsd GPUs sold in the month at their book value (in cashFlowUsd)
     */
    public record GpuLifeMonth(Map<String, Double> refreshedMw, Map<String, Double> retiredMw, double refreshCapexUsd,
                               double residualValueUsd) {
    }

    /**
     * @param month                  "2027-06"
     * @param cashFlowUsd            CFₘ
     * @param cumulativeCashUsd      starting cash + Σ_{k≤m} (CF_k + debt principal_k)
     * @param incrementalCashFlowUsd CFₘ − CFₘ(stay on Bitcoin) (the last month also carries the treasury's end value)
     * @param discountFactor         δₘ
     * @param asicKeptMw             K[i,m] by fleet
     * @param asicDispatchedMwAvg    mean dispatched IT MW over the month's hours, by fleet
     * @param aiStartedMw            S[j,m] by option
     * @param aiUnderConstructionMw  W − O by option
     * @param aiOnlineMw             O[j,m] by option
     * @param miningMw               Σᵢ mean dispatch
     * @param aiOnlineTotalMw        Σⱼ O[j,m]
     * @param aiContract             the month's contract figures; null when no option has contract terms
     * @param financingCostUsd       interest, coupons and fees paid in the month (in cashFlowUsd)
     * @param debtPrincipalUsd       debt drawn or issued less repaid in the month (in cumulativeCashUsd, not in cashFlowUsd)
     * @param debtUsd                owed at the month's end over all sources
     * @param gpuLife                the month's GPU refreshes, retirements and residual value; null when no option has a GPU life
     */
    public record MonthRow(String month, double cashFlowUsd, double cumulativeCashUsd, Double incrementalCashFlowUsd, double discountFactor,
                           double miningRevenueUsd, double miningEnergyCostUsd, double aiRevenueUsd, double aiEnergyCostUsd, double opexUsd,
                           double aiCapexUsd, double asicSalvageUsd, double asicPurchaseUsd, double treasurySoldBtc,
                           double treasuryProceedsUsd, double btcPriceUsd, double meanHashpriceUsdPerPhDay, double meanEnergyPriceUsdPerMwh,
                           Map<String, Double> asicKeptMw, Map<String, Double> asicDispatchedMwAvg, Map<String, Double> aiStartedMw,
                           Map<String, Double> aiUnderConstructionMw, Map<String, Double> aiOnlineMw, double miningMw, double aiOnlineTotalMw,
                           double asicPriceIndex, double asicHashrateFactor, ContractMonth aiContract, double financingCostUsd,
                           double debtPrincipalUsd, double debtUsd, GpuLifeMonth gpuLife) {

        /** Fills a month's row by topic instead of by position; amounts not set are 0, maps not set are null. */
        public static final class Builder {
            private final String month;
            private double cashFlowUsd;
            private double cumulativeCashUsd;
            private Double incrementalCashFlowUsd;
            private double discountFactor;
            private double miningRevenueUsd;
            private double miningEnergyCostUsd;
            private double aiRevenueUsd;
            private double aiEnergyCostUsd;
            private double opexUsd;
            private double aiCapexUsd;
            private double asicSalvageUsd;
            private double asicPurchaseUsd;
            private double treasurySoldBtc;
            private double treasuryProceedsUsd;
            private double btcPriceUsd;
            private double meanHashpriceUsdPerPhDay;
            private double meanEnergyPriceUsdPerMwh;
            private Map<String, Double> asicKeptMw;
            private Map<String, Double> asicDispatchedMwAvg;
            private Map<String, Double> aiStartedMw;
            private Map<String, Double> aiUnderConstructionMw;
            private Map<String, Double> aiOnlineMw;
            private double miningMw;
            private double aiOnlineTotalMw;
            private double asicPriceIndex = 1.0;
            private double asicHashrateFactor = 1.0;
            private ContractMonth aiContract;
            private GpuLifeMonth gpuLife;
            private double financingCostUsd;
            private double debtPrincipalUsd;
            private double debtUsd;

            public Builder(String month) {
                this.month = month;
            }

            public Builder cash(double cashFlowUsd, double cumulativeCashUsd, Double incrementalCashFlowUsd, double discountFactor) {
                this.cashFlowUsd = cashFlowUsd;
                this.cumulativeCashUsd = cumulativeCashUsd;
                this.incrementalCashFlowUsd = incrementalCashFlowUsd;
                this.discountFactor = discountFactor;
                return this;
            }

            public Builder mining(double revenueUsd, double energyCostUsd) {
                this.miningRevenueUsd = revenueUsd;
                this.miningEnergyCostUsd = energyCostUsd;
                return this;
            }

            public Builder ai(double revenueUsd, double energyCostUsd, double capexUsd) {
                this.aiRevenueUsd = revenueUsd;
                this.aiEnergyCostUsd = energyCostUsd;
                this.aiCapexUsd = capexUsd;
                return this;
            }

            public Builder opex(double opexUsd) {
                this.opexUsd = opexUsd;
                return this;
            }

            public Builder asicTrades(double salvageUsd, double purchaseUsd) {
                this.asicSalvageUsd = salvageUsd;
                this.asicPurchaseUsd = purchaseUsd;
                return this;
            }

            public Builder treasury(double soldBtc, double proceedsUsd) {
                this.treasurySoldBtc = soldBtc;
                this.treasuryProceedsUsd = proceedsUsd;
                return this;
            }

            public Builder market(double btcPriceUsd, double meanHashpriceUsdPerPhDay, double meanEnergyPriceUsdPerMwh) {
                this.btcPriceUsd = btcPriceUsd;
                this.meanHashpriceUsdPerPhDay = meanHashpriceUsdPerPhDay;
                this.meanEnergyPriceUsdPerMwh = meanEnergyPriceUsdPerMwh;
                return this;
            }

            public Builder asic(Map<String, Double> keptMw, Map<String, Double> dispatchedMwAvg, double miningMw) {
                this.asicKeptMw = keptMw;
                this.asicDispatchedMwAvg = dispatchedMwAvg;
                this.miningMw = miningMw;
                return this;
            }

            public Builder aiMw(Map<String, Double> startedMw, Map<String, Double> underConstructionMw, Map<String, Double> onlineMw,
                                double onlineTotalMw) {
                this.aiStartedMw = startedMw;
                this.aiUnderConstructionMw = underConstructionMw;
                this.aiOnlineMw = onlineMw;
                this.aiOnlineTotalMw = onlineTotalMw;
                return this;
            }

            /** The month's ASIC price index (h̄ₘ/h̄₀)^ε and the fleets' share of nameplate hashrate (1 − d)^(m/12). */
            public Builder asicMarket(double priceIndex, double hashrateFactor) {
                this.asicPriceIndex = priceIndex;
                this.asicHashrateFactor = hashrateFactor;
                return this;
            }

            /** The month's contract figures (null: no option has contract terms). */
            public Builder contract(ContractMonth contract) {
                this.aiContract = contract;
                return this;
            }

            /** The month's GPU life figures (null: no option has a GPU life). */
            public Builder gpuLife(GpuLifeMonth gpuLife) {
                this.gpuLife = gpuLife;
                return this;
            }

            /** Interest and fees paid (positive), principal drawn less repaid, debt owed at the month's end. */
            public Builder financing(double costUsd, double principalUsd, double debtUsd) {
                this.financingCostUsd = costUsd;
                this.debtPrincipalUsd = principalUsd;
                this.debtUsd = debtUsd;
                return this;
            }

            public MonthRow build() {
                return new MonthRow(month, cashFlowUsd, cumulativeCashUsd, incrementalCashFlowUsd, discountFactor, miningRevenueUsd,
                        miningEnergyCostUsd, aiRevenueUsd, aiEnergyCostUsd, opexUsd, aiCapexUsd, asicSalvageUsd, asicPurchaseUsd,
                        treasurySoldBtc, treasuryProceedsUsd, btcPriceUsd, meanHashpriceUsdPerPhDay, meanEnergyPriceUsdPerMwh, asicKeptMw,
                        asicDispatchedMwAvg, aiStartedMw, aiUnderConstructionMw, aiOnlineMw, miningMw, aiOnlineTotalMw, asicPriceIndex,
                        asicHashrateFactor, aiContract, financingCostUsd, debtPrincipalUsd, debtUsd, gpuLife);
            }
        }
    }

    /**
     * @param name        the backend that answered: GLOP, CLP, PDLP (another than the request's solver when that one failed
 *                    numerically and the answer came from the next backend; the note says which failed and how)
     * @param variables   of the plan's LP
     * @param constraints of the plan's LP
     * @param hourBlocks  Σ over months of the blocks (hours when HOURLY)
     * @param buildMs     building the plan's LP
     * @param solveMs     solving it
     * @param lpSolves    LPs solved for this answer (the plan and the stay-on-Bitcoin baseline)
     * @param note        what the solver reported beyond the status
     * @param mipGap      a plan with hall blocks (a MILP, solved by SCIP): |bestBoundUsd − npvUsd| / max(|npvUsd|, 1); null for
     *                    an LP or without a plan
     * @param bestBoundUsd a proven bound on the optimal NPV: the MILP's (the tighter of SCIP's bound and the LP relaxation's),
     *                     or for an LP that a time limit stopped (FEASIBLE) the bound from the duals the solver held
     *                     (Lagrangian duality); null for an LP proven optimal
     * @param lpRelaxationNpvUsd the NPV of the same plan with fractions of blocks allowed (the LP relaxation); null for an LP
     * @param relativeGap  |bestBoundUsd − npvUsd| / max(|npvUsd|, 1) whenever a bound is known (a MILP, or an LP stopped by
     *                     the time limit): how far from optimal the plan may be; null for an LP proven optimal
     */
    public record SolverInfo(String name, int variables, int constraints, int hourBlocks, double buildMs, double solveMs, int lpSolves,
                             String note, Double mipGap, Double bestBoundUsd, Double lpRelaxationNpvUsd, Double relativeGap) {
        /** An LP's figures: no MIP gap, bound or relaxation. */
        public SolverInfo(String name, int variables, int constraints, int hourBlocks, double buildMs, double solveMs, int lpSolves,
                          String note) {
            this(name, variables, constraints, hourBlocks, buildMs, solveMs, lpSolves, note, null, null, null, null);
        }
    }
}
