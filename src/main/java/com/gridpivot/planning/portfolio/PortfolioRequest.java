package com.gridpivot.planning.portfolio;

import com.gridpivot.optimization.input.AllocationRequest.AsicFleetInput;
import com.gridpivot.planning.input.PlanRequest.PlanAiOptionInput;
import com.gridpivot.planning.input.ScenarioBody;
import com.gridpivot.planning.input.ScenarioBody.EnergyAssumptions;
import java.util.List;

/**
 * A portfolio plan run (models/PLANS.md, Portfolios): the sites inline, each in the plan request's shape, and what they share.
 *
 * @param portfolioId      a stored portfolio (/api/v1/portfolios) whose sites and shared terms the run uses, instead of
 *                         {@code sites} and {@code shared}; the run stores a copy, so later changes to it do not touch the run
 * @param scenario         BTC, ASIC prices, discount rate and a default energy basis, shared by every site (as a plan's scenario)
 * @param sites            1 to 20 sites (not with portfolioId)
 * @param shared           the company's cash, credit line, treasury, capex budget and crews (not with portfolioId)
 * @param relocations      routes on which a site's fleet may move to another site (absent: none; not with portfolioId)
 * @param fixedPlans       0 to 10 plans written by users, evaluated and compared with the optimizer's plan in the same run
 * @param startMonth       first month, "2026-01" (as a plan's)
 * @param months           number of months (as a plan's)
 * @param solver           the LP backend (as a plan's)
 * @param hourModel        EXACT_BLOCKS (default) or HOURLY
 * @param timeLimitSeconds solver limit of the one LP
 * @param label            a label for the run (optional)
 */
public record PortfolioRequest(Long portfolioId, ScenarioBody scenario, List<PortfolioSiteInput> sites, PortfolioSharedInput shared,
                               List<RelocationInput> relocations, List<PortfolioFixedPlanBody> fixedPlans, String startMonth, Double months,
                               String solver, String hourModel, Double timeLimitSeconds, String label) {

    /** A request with the sites inline and no relocations. */
    public PortfolioRequest(ScenarioBody scenario, List<PortfolioSiteInput> sites, PortfolioSharedInput shared, String startMonth, Double months,
                            String solver, String hourModel, Double timeLimitSeconds, String label) {
        this(null, scenario, sites, shared, null, null, startMonth, months, solver, hourModel, timeLimitSeconds, label);
    }

    /** This request with a stored portfolio's sites, shared terms and relocations in place of its portfolioId. */
    public PortfolioRequest withPortfolio(PortfolioBody stored) {
        return new PortfolioRequest(null, scenario, stored.sites(), stored.shared(), stored.relocations(), fixedPlans, startMonth, months, solver, hourModel,
                timeLimitSeconds, label);
    }

    /**
     * A route on which a fleet may move between sites (models/PLANS.md, "ASIC relocation"): the plan decides how many MW move
     * in which month, alongside retirements and purchases.
     *
     * @param fromSite       the origin site's name
     * @param fleet          the moving fleet's name at the origin
     * @param toSite         the destination site's name (another site)
     * @param toFleet        the fleet the machines join at the destination: the same machine (model, TH/s and W per unit),
     *                       its own pue; declare it there with 0 units when the site has none yet (default: the fleet's name)
     * @param costUsdPerTh   cost of moving one TH/s (nameplate), USD, paid by the destination in the month it leaves
     * @param downtimeMonths whole months the machines neither run nor draw power between leaving and running again (default 0)
     */
    public record RelocationInput(String fromSite, String fleet, String toSite, String toFleet, Double costUsdPerTh, Double downtimeMonths) {
    }

    /**
     * One site: the plan request's site fields, fleets and AI options, and the site's own energy basis.
     *
     * @param name                    the site's name, unique in the portfolio
     * @param interconnectMw          grid interconnect, MW of site power
     * @param maxAiItMw               most AI IT MW over all options: the site's convertible MW (absent: no limit)
     * @param minAiItMw               contracted AI IT MW online from minAiFromMonth (default 0)
     * @param minAiFromMonth          first month of that contract (default: the first month)
     * @param maxConversionMwPerMonth most AI IT MW started in one month at this site (absent: no limit)
     * @param energy                  the site's energy basis: its node and replayed year, or a flat price (absent: the scenario's)
     * @param asicFleets              the site's fleets
     * @param aiOptions               the site's AI options
     */
    public record PortfolioSiteInput(String name, Double interconnectMw, Double maxAiItMw, Double minAiItMw, String minAiFromMonth,
                                     Double maxConversionMwPerMonth, EnergyAssumptions energy, List<AsicFleetInput> asicFleets,
                                     List<PlanAiOptionInput> aiOptions) {
    }

    /**
     * What the sites share.
     *
     * @param startingCashUsd      the company's cash at the start (default 0)
     * @param creditLineUsd        consolidated cash may fall to −creditLineUsd (default 0)
     * @param treasuryBtc          the company's BTC that may be sold (default 0)
     * @param capexBudgetUsdByYear most capex (AI fit-out and ASIC purchases) paid over all sites in each plan year (12 months from
     *                             the start month); years beyond the list have no budget (absent: none)
     * @param crewMwPerMonth       most AI IT MW whose construction starts in one month over all sites (absent: no limit)
     */
    public record PortfolioSharedInput(Double startingCashUsd, Double creditLineUsd, Double treasuryBtc, List<Double> capexBudgetUsdByYear,
                              Double crewMwPerMonth) {
    }
}
