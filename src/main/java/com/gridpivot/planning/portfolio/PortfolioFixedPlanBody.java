package com.gridpivot.planning.portfolio;

import com.gridpivot.planning.input.FixedPlanBody.Step;
import java.util.List;

/**
 * A portfolio plan written by a user ("convert Corsicana first", "stay"), evaluated beside the optimizer's plan in the same
 * run: its decisions are fixed and only the dispatch is optimised. Decisions not listed are zero (a site not listed stays
 * as it is: no AI start, no retirement, no purchase; no treasury sale; no move).
 *
 * @param name            e.g. "convert Corsicana first" (required, unique in the run)
 * @param sites           decisions by site
 * @param treasurySoldBtc the company's BTC sold by month (step name absent)
 * @param movedMw         IT MW moved on the run's relocation routes by month
 */
public record PortfolioFixedPlanBody(String name, List<SiteSteps> sites, List<Step> treasurySoldBtc, List<MoveStep> movedMw) {

    /**
     * One site's decisions, as a plan's fixed plan.
     *
     * @param site           the site's name
     * @param aiStartsMw     AI IT MW started per option and month
     * @param asicRetiredMw  ASIC IT MW retired per fleet and month
     * @param asicBoughtMw   ASIC IT MW bought per fleet and month
     * @param aiContractedMw of the AI starts, the MW signed under the option's contract terms (absent: optimised)
     */
    public record SiteSteps(String site, List<Step> aiStartsMw, List<Step> asicRetiredMw, List<Step> asicBoughtMw, List<Step> aiContractedMw) {
    }

    /**
     * MW moved on one relocation route in one month.
     *
     * @param route  index of the route in the run's relocations
     * @param month  the month the machines leave, "2027-06" or "2027-Q2" (its first month)
     * @param amount IT MW
     */
    public record MoveStep(Integer route, String month, Double amount) {
    }
}
