package com.gridpivot.planning.input;

import com.gridpivot.optimization.input.AllocationRequest.AsicFleetInput;
import java.util.List;

/**
 * {@code POST /api/v1/plans/runs} (and the problem of {@code POST /api/v1/plans/compare}): a multi-year pivot plan.
 * Give a stored scenario ({@code scenarioId}) or one inline ({@code scenario}); a run stores the scenario's content,
 * not a reference.
 *
 * @param scenarioId       a stored scenario
 * @param scenario         an inline scenario (its name is optional)
 * @param site             interconnect, AI limits, conversion rate
 * @param asicFleets       fleets installed at the start (as in the allocation request)
 * @param aiOptions        AI options the site may build, with lead time and capex timing
 * @param finance          starting cash, credit line, treasury BTC
 * @param startMonth       first month, "2026-07"
 * @param months           horizon in months, 1 to 120 (default 60)
 * @param solver           GLOP (default), CLP or PDLP
 * @param hourModel        EXACT_BLOCKS (default) or HOURLY (one set of rows per hour, for checking)
 * @param timeLimitSeconds solver limit per LP, up to the server's limit
 * @param label            the caller's name for the stored run, shown in run lists and comparisons (optional; at most
 *                         200 characters, no control characters)
 * @param explain          what else a plan run explains (absent: nothing more), e.g. {"bridge": true}
 */
public record PlanRequest(Long scenarioId, ScenarioBody scenario, PlanSiteInput site, List<AsicFleetInput> asicFleets,
                          List<PlanAiOptionInput> aiOptions, PlanFinanceInput finance, String startMonth, Double months,
                          String solver, String hourModel, Double timeLimitSeconds, String label, PlanExplainInput explain) {

    /** A request with a label and nothing more to explain. */
    public PlanRequest(Long scenarioId, ScenarioBody scenario, PlanSiteInput site, List<AsicFleetInput> asicFleets,
                       List<PlanAiOptionInput> aiOptions, PlanFinanceInput finance, String startMonth, Double months,
                       String solver, String hourModel, Double timeLimitSeconds, String label) {
        this(scenarioId, scenario, site, asicFleets, aiOptions, finance, startMonth, months, solver, hourModel, timeLimitSeconds, label, null);
    }

    /**
     * What a plan run explains besides the plan (models/PLANS.md, "The What-if → plan bridge").
     *
     * @param bridge true: the result carries the What-if → plan bridge (one What-if LP and at most eleven fixed-plan LPs more;
     *               default false)
     */
    public record PlanExplainInput(Boolean bridge) {
    }

    /** Whether the run is asked for the What-if → plan bridge. */
    public boolean wantsBridge() {
        return explain != null && Boolean.TRUE.equals(explain.bridge());
    }

    /** A request without a label. */
    public PlanRequest(Long scenarioId, ScenarioBody scenario, PlanSiteInput site, List<AsicFleetInput> asicFleets,
                       List<PlanAiOptionInput> aiOptions, PlanFinanceInput finance, String startMonth, Double months,
                       String solver, String hourModel, Double timeLimitSeconds) {
        this(scenarioId, scenario, site, asicFleets, aiOptions, finance, startMonth, months, solver, hourModel, timeLimitSeconds, null);
    }

    /**
     * @param name                    shown in answers
     * @param interconnectMw          grid interconnect, MW of site power
     * @param maxAiItMw               most AI IT MW over all options (absent: no limit)
     * @param minAiItMw               contracted AI IT MW online from {@code minAiFromMonth} on (default 0)
     * @param minAiFromMonth          first month of the contract, "2027-10" (default: the first month)
     * @param maxConversionMwPerMonth most AI IT MW started in one month (absent: no limit)
     */
    public record PlanSiteInput(String name, Double interconnectMw, Double maxAiItMw, Double minAiItMw, String minAiFromMonth,
                                Double maxConversionMwPerMonth) {
    }

    /**
     * The allocation request's AI option plus the plan's timing fields.
     *
     * @param leadTimeMonths months from start to online (default: the catalog offering's, else 0)
     * @param capexTiming    AT_START (default) or SPREAD (evenly over the lead time's months)
     * @param blockMw        hall block size, IT MW: starts come in whole blocks (absent: any MW; the plan then stays an LP)
     * @param maxBlocks      most blocks started over the horizon (needs blockMw; absent: as many as maxItMw allows)
     * @param contract       contract terms the option's MW may be signed under (absent: every MW follows the market rate)
     * @param gpuLife        the GPUs' life, residual value and refresh of a cloud option (absent: GPUs earn for ever, as before)
     */
    public record PlanAiOptionInput(String name, String offering, Double kwPerGpu, Double leaseUsdPerGpuHour, Double utilization,
                                    Double colocationUsdPerKwMonth, Double revenueUsdPerMwh, Boolean tenantPaysPower, Double pue,
                                    Double maxItMw, Double capexUsdPerMw, Double variableOpexUsdPerMwh, Double fixedOpexUsdPerMwYear,
                                    Double leadTimeMonths, String capexTiming, Double blockMw, Double maxBlocks, AiContractInput contract,
                                    GpuLifeInput gpuLife) {
        /** An option without a GPU life. */
        public PlanAiOptionInput(String name, String offering, Double kwPerGpu, Double leaseUsdPerGpuHour, Double utilization,
                                 Double colocationUsdPerKwMonth, Double revenueUsdPerMwh, Boolean tenantPaysPower, Double pue,
                                 Double maxItMw, Double capexUsdPerMw, Double variableOpexUsdPerMwh, Double fixedOpexUsdPerMwYear,
                                 Double leadTimeMonths, String capexTiming, Double blockMw, Double maxBlocks, AiContractInput contract) {
            this(name, offering, kwPerGpu, leaseUsdPerGpuHour, utilization, colocationUsdPerKwMonth, revenueUsdPerMwh, tenantPaysPower, pue,
                    maxItMw, capexUsdPerMw, variableOpexUsdPerMwh, fixedOpexUsdPerMwYear, leadTimeMonths, capexTiming, blockMw, maxBlocks, contract,
                    null);
        }

        /** An option without contract terms. */
        public PlanAiOptionInput(String name, String offering, Double kwPerGpu, Double leaseUsdPerGpuHour, Double utilization,
                                 Double colocationUsdPerKwMonth, Double revenueUsdPerMwh, Boolean tenantPaysPower, Double pue,
                                 Double maxItMw, Double capexUsdPerMw, Double variableOpexUsdPerMwh, Double fixedOpexUsdPerMwYear,
                                 Double leadTimeMonths, String capexTiming, Double blockMw, Double maxBlocks) {
            this(name, offering, kwPerGpu, leaseUsdPerGpuHour, utilization, colocationUsdPerKwMonth, revenueUsdPerMwh, tenantPaysPower, pue,
                    maxItMw, capexUsdPerMw, variableOpexUsdPerMwh, fixedOpexUsdPerMwYear, leadTimeMonths, capexTiming, blockMw, maxBlocks, null);
        }

        /** An option without hall blocks. */
        public PlanAiOptionInput(String name, String offering, Double kwPerGpu, Double leaseUsdPerGpuHour, Double utilization,
                                 Double colocationUsdPerKwMonth, Double revenueUsdPerMwh, Boolean tenantPaysPower, Double pue,
                                 Double maxItMw, Double capexUsdPerMw, Double variableOpexUsdPerMwh, Double fixedOpexUsdPerMwYear,
                                 Double leadTimeMonths, String capexTiming) {
            this(name, offering, kwPerGpu, leaseUsdPerGpuHour, utilization, colocationUsdPerKwMonth, revenueUsdPerMwh, tenantPaysPower, pue,
                    maxItMw, capexUsdPerMw, variableOpexUsdPerMwh, fixedOpexUsdPerMwYear, leadTimeMonths, capexTiming, null, null);
        }
    }

    /**
     * AI contract terms of an option (issue 14, item 1; models/PLANS.md, "AI contracts"). The plan chooses how many of the
     * option's MW to sign under them (the rest follow the market rate); the term starts when a MW is completed.
     *
     * @param termMonths         T, months of the term (1 … 360)
     * @param priceUsdPerKwMonth contract price of a colocation option, USD per contracted kW-month, fixed for the term
     * @param priceUsdPerGpuHour contract price of a GPU-lease option, USD per GPU-hour, fixed for the term
     * @param escalatorPerYear   e, the price steps up by (1 + e) at each anniversary (default 0)
     * @param takeOrPayShare     ω, share of the full contracted revenue owed whatever the use or the ramp (default 0)
     * @param tenantCapexShare   κ, share of the fit-out capex the tenant pays (default 0)
     * @param prepaymentShare    φ, share of the contract's value paid up front, earned over the term (default 0)
     * @param rampMonths         months after completion until all contracted MW are online, evenly (default 0: all at once)
     * @param rampMwByMonth      or: MW online in each month after completion for a deal of the last value's size (caps the
     *                           contracted MW at that value)
     * @param maxMw              most IT MW signed under the contract (absent: up to the option's maxItMw)
     * @param afterTerm          RENEW_AT_MARKET (default: the MW earn the market rate of each month after the term) or NONE
     */
    public record AiContractInput(Double termMonths, Double priceUsdPerKwMonth, Double priceUsdPerGpuHour, Double escalatorPerYear,
                                  Double takeOrPayShare, Double tenantCapexShare, Double prepaymentShare, Double rampMonths,
                                  List<Double> rampMwByMonth, Double maxMw, String afterTerm) {
    }

    /**
     * GPU life of a cloud option (issue 14, item 2; models/PLANS.md, "GPU life and refresh").
     *
     * @param gpuLifeYears           Lg, years a GPU earns from completion or refresh to its end of life (required, &gt; 0)
     * @param gpuCapexUsdPerMw       G, the GPU part of capexUsdPerMw (the rest is the hall's), USD per MW of IT (default: the
     *                               offering's)
     * @param residualValueShare     ρ, share of its price a GPU sells for at its end of life, 0 … 1 (default 0)
     * @param endOfLife              OPTIMIZE (default: the plan chooses how many MW to refresh), REFRESH (all) or RETIRE (none)
     * @param gpuPriceDeclinePerYear d, the GPU price per MW falls by d a year (default: the option's lease-rate decline)
     * @param hallLifeYears          Lh ≥ Lg, years the hall stands from completion (absent: beyond the horizon)
     */
    public record GpuLifeInput(Double gpuLifeYears, Double gpuCapexUsdPerMw, Double residualValueShare, String endOfLife,
                               Double gpuPriceDeclinePerYear, Double hallLifeYears) {
    }

    /**
     * @param startingCashUsd  cash at the start (default 0)
     * @param creditLineUsd    a free credit line (legacy, before issue 15's sources): cumulative cash may fall to −creditLineUsd at
     *                         no interest and no fee; the answer warns and names revolvingCredit, the priced line (default 0: no
     *                         free money, see models/PLANS.md)
     * @param treasuryBtc      BTC that may be sold at the scenario's price (default 0)
     * @param revolvingCredit  a revolving credit line with interest and commitment fee
     * @param termLoans        term loans the plan may draw
     * @param convertibleNotes convertible notes the plan may issue
     * @param covenants        optional covenants on cash and leverage
     * @param sharesOutstanding shares outstanding before conversion, for the notes' dilution
     * @param terminalValue    the value at the horizon's end counted in the objective (absent: NONE, as before issue 14)
     * @param tax              corporate income tax (issue 15, item 3; absent: no tax, the numbers as before)
     */
    public record PlanFinanceInput(Double startingCashUsd, Double creditLineUsd, Double treasuryBtc, RevolvingCreditInput revolvingCredit,
                                   List<TermLoanInput> termLoans, List<ConvertibleNoteInput> convertibleNotes, CovenantsInput covenants,
                                   Double sharesOutstanding, TerminalValueInput terminalValue, TaxInput tax) {
        /** Finance without issue 15's sources. */
        public PlanFinanceInput(Double startingCashUsd, Double creditLineUsd, Double treasuryBtc) {
            this(startingCashUsd, creditLineUsd, treasuryBtc, null, null, null, null, null, null, null);
        }

        /** Finance without tax. */
        public PlanFinanceInput(Double startingCashUsd, Double creditLineUsd, Double treasuryBtc, RevolvingCreditInput revolvingCredit,
                                List<TermLoanInput> termLoans, List<ConvertibleNoteInput> convertibleNotes, CovenantsInput covenants,
                                Double sharesOutstanding, TerminalValueInput terminalValue) {
            this(startingCashUsd, creditLineUsd, treasuryBtc, revolvingCredit, termLoans, convertibleNotes, covenants, sharesOutstanding,
                    terminalValue, null);
        }
    }

    /**
     * Corporate income tax (issue 15, item 3; models/PLANS.md "Taxes").
     *
     * @param incomeTaxRateShare      the rate on taxable income, 0.21 = 21 % (required)
     * @param depreciation            schedules by asset class (default straight-line: ASICs 5, GPUs 5, buildings 39 years)
     * @param buildingsShareOfAiCapex the share of AI capex that is building/shell, depreciated as buildings (default 0)
     * @param lossCarryForward        carry losses forward against later profits (default true)
     * @param lossUseLimitShare       the most of a year's taxable profit a carried loss may offset (default 1; US since 2018: 0.8)
     * @param openingLossUsd          the loss carried into the first tax year, USD (default 0)
     * @param btcCostBasisUsdPerBtc   tax basis of the treasury BTC, USD per BTC (required when finance.treasuryBtc &gt; 0)
     */
    public record TaxInput(Double incomeTaxRateShare, DepreciationByClassInput depreciation, Double buildingsShareOfAiCapex,
                           Boolean lossCarryForward, Double lossUseLimitShare, Double openingLossUsd, Double btcCostBasisUsdPerBtc) {
    }

    /**
     * @param asics     ASIC purchases
     * @param gpus      AI capex (GPUs, fit-out) less the buildings' share
     * @param buildings the buildings' share of AI capex
     */
    public record DepreciationByClassInput(DepreciationInput asics, DepreciationInput gpus, DepreciationInput buildings) {
    }

    /**
     * @param schedule   STRAIGHT_LINE (default), MACRS_5 or MACRS_7
     * @param lifeYears  straight-line life in years (defaults: ASICs 5, GPUs 5, buildings 39); not with MACRS
     * @param bonusShare bonus depreciation: the share expensed in the year placed in service, the rest on the schedule (default 0)
     */
    public record DepreciationInput(String schedule, Double lifeYears, Double bonusShare) {
    }

    /**
     * @param limitUsd             most drawn at once (required)
     * @param interestRatePerYear  on the drawn balance, paid monthly (required; 0.08 = 8 %)
     * @param commitmentFeePerYear on the undrawn part, paid monthly (default 0)
     */
    public record RevolvingCreditInput(Double limitUsd, Double interestRatePerYear, Double commitmentFeePerYear) {
    }

    /**
     * @param name                shown in answers (default "term loan k")
     * @param amountUsd           most that may be drawn (required)
     * @param availableFromMonth  the month of the one draw, "2027-01" (default the first month)
     * @param interestRatePerYear on the outstanding balance, paid monthly (required)
     * @param tenorMonths         months from the draw to the last repayment, the draw's month included (required)
     * @param amortization        STRAIGHT (equal principal each month, default) or BULLET (all at the tenor's end)
     * @param upfrontFeeShare     fee as a share of the amount drawn, paid in the draw's month (default 0)
     */
    public record TermLoanInput(String name, Double amountUsd, String availableFromMonth, Double interestRatePerYear, Double tenorMonths,
                                String amortization, Double upfrontFeeShare) {
    }

    /**
     * @param name                       shown in answers (default "convertible note n")
     * @param principalUsd               most that may be issued (required)
     * @param couponPerYear              on the principal, paid monthly (required)
     * @param conversionPriceUsdPerShare principal per share on conversion (required)
     * @param issueMonth                 month of the issue, "2027-01" (default the first month)
     * @param maturityMonth              month of the repayment in cash, "2031-01" (required; may be past the horizon)
     */
    public record ConvertibleNoteInput(String name, Double principalUsd, Double couponPerYear, Double conversionPriceUsdPerShare,
                                       String issueMonth, String maturityMonth) {
    }

    /**
     * @param minCashUsd              cumulative cash at least this at every month's end
     * @param maxDebtToTrailingEbitda debt at a month's end at most this × EBITDA of the trailing 12 months
     */
    public record CovenantsInput(Double minCashUsd, Double maxDebtToTrailingEbitda) {
    }

    /**
     * Terminal value at the horizon's end (issue 14, item 3; models/PLANS.md, "Terminal value").
     *
     * @param method                  NONE (default), CONTRACTED, EXIT_MULTIPLE or PERPETUITY
     * @param exitMultipleOfEbitda    EXIT_MULTIPLE: the multiple of the last 12 months' AI EBITDA (0 … 50)
     * @param perpetuityGrowthPerYear PERPETUITY: g, the annual growth of the AI EBITDA after the horizon (−0.5 … below the
     *                                discount rate)
     */
    public record TerminalValueInput(String method, Double exitMultipleOfEbitda, Double perpetuityGrowthPerYear) {
    }
}
