package com.gridpivot.planning.input;

import java.util.List;

/**
 * A plan written by a user: its decisions are fixed (variable bounds) and only the dispatch is optimised. Decisions
 * not listed are zero: no AI start, no retirement, no purchase, no treasury sale.
 *
 * @param name            e.g. "stay on Bitcoin"
 * @param aiStartsMw      AI IT MW started per option and month
 * @param asicRetiredMw   ASIC IT MW retired per fleet and month
 * @param asicBoughtMw    ASIC IT MW bought per fleet and month
 * @param treasurySoldBtc BTC sold per month
 * @param aiContractedMw  of the AI starts, the MW signed under their option's contract terms, per option and month (absent:
 *                        the split into contracted and spot MW is optimised; given: starts not listed are spot MW)
 */
public record FixedPlanBody(String name, List<Step> aiStartsMw, List<Step> asicRetiredMw, List<Step> asicBoughtMw,
                            List<Step> treasurySoldBtc, List<Step> aiContractedMw) {

    /** A fixed plan whose contracted share of the AI starts is left to the optimizer. */
    public FixedPlanBody(String name, List<Step> aiStartsMw, List<Step> asicRetiredMw, List<Step> asicBoughtMw, List<Step> treasurySoldBtc) {
        this(name, aiStartsMw, asicRetiredMw, asicBoughtMw, treasurySoldBtc, null);
    }

    /**
     * @param name   option or fleet name (absent for treasury sales)
     * @param month  "2027-06", or a quarter "2027-Q2" (its first month)
     * @param amount MW or BTC
     */
    public record Step(String name, String month, Double amount) {
    }
}
