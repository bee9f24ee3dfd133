package com.gridpivot.planning.input;

import java.util.List;
import java.util.Map;

/**
 * A portfolio plan written by a user ("convert Corsicana first", "stay"), resolved against a {@link PortfolioProblem}: every
 * decision is fixed by bounds and only the dispatch is optimised (models/PLANS.md, "Fixed portfolio plans"). Decisions not
 * listed are zero.
 *
 * @param name            e.g. "stay"
 * @param sites           each site's fixed AI starts, retirements and purchases, in the portfolio's site order (its treasury
 *                        sales unused)
 * @param treasurySoldBtc the company's BTC sold by month index
 * @param movedMw         IT MW moved on each relocation route by month: key {@link #key(int, int)}
 */
public record PortfolioFixedPlan(String name, List<FixedPlan> sites, Map<Integer, Double> treasurySoldBtc, Map<String, Double> movedMw) {
    public PortfolioFixedPlan {
        sites = List.copyOf(sites);
        treasurySoldBtc = Map.copyOf(treasurySoldBtc);
        movedMw = Map.copyOf(movedMw);
    }

    public static String key(int route, int month) {
        return route + "|" + month;
    }

    /** The MW moved on route r in month m (0 when not listed). */
    public double moved(int route, int month) {
        return movedMw.getOrDefault(key(route, month), 0.0);
    }
}
