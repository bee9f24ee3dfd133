package com.gridpivot.planning.input;

import java.util.Map;

/**
 * A plan whose decisions are fixed by variable bounds; keys are "name|monthIndex". In a map, decisions not present are 0;
 * a null map leaves that kind of decision to the optimizer (the "stay on Bitcoin" baseline fixes only the AI starts).
 *
 * @param name            shown in answers
 * @param aiStartsMw      S[j,m]
 * @param asicRetiredMw   R[i,m]
 * @param asicBoughtMw    B[i,m]
 * @param treasurySoldBtc T[m] by month index
 * @param aiContractedMw  Sc[j,m], the started MW signed under the option's contract terms (options with terms only); null: the
 *                        split of the fixed starts into contracted and spot MW is optimised
 */
public record FixedPlan(String name, Map<String, Double> aiStartsMw, Map<String, Double> asicRetiredMw,
                        Map<String, Double> asicBoughtMw, Map<Integer, Double> treasurySoldBtc, Map<String, Double> aiContractedMw) {

    /** A fixed plan that leaves the contracted share of its AI starts to the optimizer. */
    public FixedPlan(String name, Map<String, Double> aiStartsMw, Map<String, Double> asicRetiredMw, Map<String, Double> asicBoughtMw,
                     Map<Integer, Double> treasurySoldBtc) {
        this(name, aiStartsMw, asicRetiredMw, asicBoughtMw, treasurySoldBtc, null);
    }

    public static String key(String name, int month) {
        return name + "|" + month;
    }

    public static FixedPlan stayOnBitcoin() {
        return new FixedPlan("stay on Bitcoin", Map.of(), null, null, null);
    }
}
