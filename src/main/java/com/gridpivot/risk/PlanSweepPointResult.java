package com.gridpivot.risk;

import com.gridpivot.lp.LpStatus;
import java.util.Map;

/**
 * One point of a plan sweep: the optimal plan at these inputs (numbers null without a solution).
 *
 * @param values             the swept inputs at this point (empty for the base)
 * @param status             the LP status
 * @param npvUsd             the optimal plan's NPV: Σₘ δₘ CFₘ − δ_end × BTC price_end × BTC sold (the plan run's npvUsd)
 * @param aiItMwEnd          Σⱼ O[j,M−1]: AI IT MW online in the horizon's last month (O never falls: also the peak)
 * @param aiItMwStartedEnd   Σⱼ W[j,M−1]: AI IT MW started by the end, online or still building
 * @param asicItMwEnd        Σᵢ K[i,M−1]: ASIC IT MW installed in the last month
 * @param asicItMwPeak       maxₘ Σᵢ K[i,m]: most ASIC IT MW installed in any month (above the start only when buying)
 * @param firstAiOnlineMonth the first month with AI online (more than 1e-6 MW), null when none
 * @param aiItMwEndByOption  O[j,M−1] per AI option
 * @param asicItMwEndByFleet K[i,M−1] per fleet
 */
public record PlanSweepPointResult(Map<String, Double> values, LpStatus status, Double npvUsd, Double aiItMwEnd, Double aiItMwStartedEnd,
                                   Double asicItMwEnd, Double asicItMwPeak, String firstAiOnlineMonth, Map<String, Double> aiItMwEndByOption,
                                   Map<String, Double> asicItMwEndByFleet) {

    /** AI MW at the end, NaN without a solution (for the frontier). */
    double aiMwOrNaN() {
        return aiItMwEnd == null ? Double.NaN : aiItMwEnd;
    }

    double npvOrNaN() {
        return npvUsd == null ? Double.NaN : npvUsd;
    }
}
