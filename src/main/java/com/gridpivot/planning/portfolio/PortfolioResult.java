package com.gridpivot.planning.portfolio;

import java.util.List;
import java.util.Map;

/**
 * The portfolio plan's answer (models/PLANS.md, Portfolios). Σ sites' npvContributionUsd + treasuryNpvUsd = npvUsd.
 *
 * @param status          OPTIMAL, FEASIBLE, INFEASIBLE, … (no figures below without a solution)
 * @param npvUsd          the consolidated NPV, USD
 * @param treasuryNpvUsd  the shared treasury's part: its sales discounted less the sold BTC's discounted end value, USD
 * @param solverName      the backend that answered
 * @param variables       columns of the LP
 * @param constraints     rows of the LP
 * @param monthly         the company by month: consolidated cash, capex paid, AI MW started over all sites
 * @param sites           each site's contribution and MW by use by month
 * @param relocations     the fleets' moves between sites, by month (only moves of more than 10⁻⁹ MW)
 * @param fixedPlans      the run's fixed plans, each evaluated on the same portfolio, side by side with this (the optimizer's) plan
 * @param warnings        inputs outside their plausible ranges, by site
 */
public record PortfolioResult(String status, Double npvUsd, Double treasuryNpvUsd, String solverName, int variables, int constraints,
                              List<PortfolioMonth> monthly, List<PortfolioSiteResult> sites, List<PortfolioMove> relocations,
                              List<PortfolioFixedResult> fixedPlans, List<String> warnings) {

    public PortfolioResult withWarnings(List<String> w) {
        return new PortfolioResult(status, npvUsd, treasuryNpvUsd, solverName, variables, constraints, monthly, sites, relocations, fixedPlans,
                List.copyOf(w));
    }

    public PortfolioResult withFixedPlans(List<PortfolioFixedResult> f) {
        return new PortfolioResult(status, npvUsd, treasuryNpvUsd, solverName, variables, constraints, monthly, sites, relocations, List.copyOf(f),
                warnings);
    }

    /**
     * A fixed portfolio plan evaluated (its decisions fixed, the dispatch optimised), in the same shape as the optimizer's.
     *
     * @param name              the fixed plan's name
     * @param status            OPTIMAL, or INFEASIBLE when its decisions break a limit (cash floor, budget, crews, interconnect)
     * @param npvUsd            its consolidated NPV, USD (absent without a solution)
     * @param npvVsOptimizerUsd its NPV less the optimizer's plan's, USD (≤ 0 up to the solver's tolerance; absent without both)
     * @param treasuryNpvUsd    the treasury's part of its NPV, USD
     * @param monthly           the company by month: consolidated cash and debt, capex, AI MW started, treasury sold
     * @param sites             each site's NPV contribution and MW by use by month
     * @param relocations       its moves between sites
     */
    public record PortfolioFixedResult(String name, String status, Double npvUsd, Double npvVsOptimizerUsd, Double treasuryNpvUsd,
                                       List<PortfolioMonth> monthly, List<PortfolioSiteResult> sites, List<PortfolioMove> relocations) {
    }

    /**
     * ASICs moved from one site to another (models/PLANS.md, "ASIC relocation").
     *
     * @param month         the month they leave the origin (at its start)
     * @param fromSite      the origin site
     * @param fleet         the origin's fleet
     * @param toSite        the destination site
     * @param toFleet       the destination's fleet they join
     * @param movedMw       IT MW moved
     * @param movedTh       TH/s moved (nameplate: movedMw × 10⁶ / (J/TH))
     * @param arrivalMonth  the first month they run at the destination (month + downtime)
     * @param costUsd       the move's cost, paid by the destination in the month, USD
     */
    public record PortfolioMove(String month, String fromSite, String fleet, String toSite, String toFleet, double movedMw, double movedTh,
                                String arrivalMonth, double costUsd) {
    }

    /**
     * @param cashUsd        consolidated cumulative cash at the month's end, USD
     * @param debtUsd        the credit line drawn at the month's end: max(0, −cashUsd), USD
     * @param capexPaidUsd   AI fit-out and ASIC purchases paid in the month over all sites, USD
     * @param aiStartedMw    AI IT MW whose construction starts in the month over all sites (the crews' load)
     * @param treasurySoldBtc BTC sold in the month
     */
    public record PortfolioMonth(String month, double cashUsd, double debtUsd, double capexPaidUsd, double aiStartedMw, double treasurySoldBtc) {
    }

    /**
     * @param name               the site
     * @param npvContributionUsd Σₘ δ CFₘˢ: the site's discounted cash flows, USD
     * @param monthly            the site's MW by use by month
     */
    public record PortfolioSiteResult(String name, double npvContributionUsd, List<PortfolioSiteMonth> monthly) {
    }

    /**
     * @param miningMw              ASIC IT MW installed (Σ fleets' kept MW)
     * @param aiOnlineMw            AI IT MW online by option
     * @param aiUnderConstructionMw AI IT MW started and not yet online by option
     * @param aiStartedMw           AI IT MW whose construction starts in the month by option
     * @param asicRetiredMw         ASIC IT MW retired at the month's start
     * @param asicBoughtMw          ASIC IT MW bought at the month's start
     * @param cashFlowUsd           the site's cash flow of the month, USD
     */
    public record PortfolioSiteMonth(String month, double miningMw, Map<String, Double> aiOnlineMw, Map<String, Double> aiUnderConstructionMw,
                            Map<String, Double> aiStartedMw, double asicRetiredMw, double asicBoughtMw, double cashFlowUsd) {
    }
}
