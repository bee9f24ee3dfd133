package com.gridpivot.planning.portfolio;

import com.gridpivot.planning.portfolio.PortfolioRequest.PortfolioSharedInput;
import com.gridpivot.planning.portfolio.PortfolioRequest.RelocationInput;
import com.gridpivot.planning.portfolio.PortfolioRequest.PortfolioSiteInput;
import java.util.List;

/**
 * A stored portfolio ({@code /api/v1/portfolios}): a company's sites and what they share, without the run's assumptions
 * (scenario, months, solver), which each run gives. A run names it by {@code portfolioId} instead of sending
 * {@code sites} and {@code shared}.
 *
 * @param name        unique among the portfolios of the key that stores it
 * @param description free text (optional, at most 4,000 characters)
 * @param sites       1 to 20 sites, as a portfolio run's sites
 * @param shared      what the sites share, as a portfolio run's shared terms
 * @param relocations routes on which a fleet may move between the sites, as a portfolio run's relocations
 */
public record PortfolioBody(String name, String description, List<PortfolioSiteInput> sites, PortfolioSharedInput shared,
                            List<RelocationInput> relocations) {
}
