package com.gridpivot.planning.result;

import com.gridpivot.api.plans.FixedPlanBody.Step;
import java.util.List;
import java.util.Map;

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
 */
public record PlanResult(String name, String status, String hourModel, String explanation, Double npvUsd, Double stayOnBitcoinNpvUsd,
                         Double incrementalNpvUsd, Double incrementalIrrAnnual, String irrNote, String paybackMonth, Integer paybackMonths,
                         String paybackNote,
                         String lowestCashMonth, Double lowestCashUsd, Totals totals, Map<String, Double> revenuePerItMwhUsd,
                         Decisions decisions, List<MonthRow> monthly, SolverInfo solver, List<String> dataNotes) {

    public record Totals(double miningRevenueUsd, double miningEnergyCostUsd, double aiRevenueUsd, double aiEnergyCostUsd,
                         double opexUsd, double aiCapexUsd, double asicSalvageUsd, double asicPurchaseUsd, double treasuryProceedsUsd,
                         double treasurySoldBtc, double miningEnergyMwh, double aiEnergyMwh, double netCashFlowUsd) {
    }

    public record Decisions(List<Step> aiStartsMw, List<Step> asicRetiredMw, List<Step> asicBoughtMw, List<Step> treasurySoldBtc) {
    }

    /**
     * @param month                  "2027-06"
     * @param cashFlowUsd            CFₘ
     * @param cumulativeCashUsd      starting cash + Σ_{k≤m} CF_k
     * @param incrementalCashFlowUsd CFₘ − CFₘ(stay on Bitcoin) (the last month also carries the treasury's end value)
     * @param discountFactor         δₘ
     * @param asicKeptMw             K[i,m] by fleet
     * @param asicDispatchedMwAvg    mean dispatched IT MW over the month's hours, by fleet
     * @param aiStartedMw            S[j,m] by option
     * @param aiUnderConstructionMw  W − O by option
     * @param aiOnlineMw             O[j,m] by option
     * @param miningMw               Σᵢ mean dispatch
     * @param aiOnlineTotalMw        Σⱼ O[j,m]
     */
    public record MonthRow(String month, double cashFlowUsd, double cumulativeCashUsd, Double incrementalCashFlowUsd, double discountFactor,
                           double miningRevenueUsd, double miningEnergyCostUsd, double aiRevenueUsd, double aiEnergyCostUsd, double opexUsd,
                           double aiCapexUsd, double asicSalvageUsd, double asicPurchaseUsd, double treasurySoldBtc,
                           double treasuryProceedsUsd, double btcPriceUsd, double meanHashpriceUsdPerPhDay, double meanEnergyPriceUsdPerMwh,
                           Map<String, Double> asicKeptMw, Map<String, Double> asicDispatchedMwAvg, Map<String, Double> aiStartedMw,
                           Map<String, Double> aiUnderConstructionMw, Map<String, Double> aiOnlineMw, double miningMw, double aiOnlineTotalMw) {
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
     */
    public record SolverInfo(String name, int variables, int constraints, int hourBlocks, double buildMs, double solveMs, int lpSolves,
                             String note) {
    }
}
