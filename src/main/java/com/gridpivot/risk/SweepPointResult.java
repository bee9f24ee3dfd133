package com.gridpivot.risk;

import com.gridpivot.lp.LpStatus;
import java.util.Map;

/**
 * One point of a sweep.
 *
 * @param values        the swept inputs at this point
 * @param status        the LP status
 * @param netUsd        the objective (NaN without a solution)
 * @param totalAiItMw   Σ AI IT MW
 * @param totalAsicItMw Σ over fleets of their largest hourly dispatch
 * @param aiItMw        per AI option
 * @param asicItMw      per fleet, largest hourly dispatch
 */
public record SweepPointResult(Map<String, Double> values, LpStatus status, double netUsd, double totalAiItMw, double totalAsicItMw,
                               Map<String, Double> aiItMw, Map<String, Double> asicItMw) {
}
