package com.gridpivot.planning.input;

import java.util.List;

/**
 * A validated portfolio (models/PLANS.md, Portfolios): several sites, each a resolved plan problem of its own (prices or
 * node, interconnect, fleets, AI options, convertible-MW and conversion limits), and what they share. Each site's own
 * starting cash, cash floor and treasury are not used: the company's below replace them. The sites share one calendar and
 * one discount rate (those of the first site; checked here).
 *
 * @param sites                the sites, each with its LP name (unique)
 * @param startingCashUsd      S₀, the company's cash at the start
 * @param cashFloorUsd         the company's lowest cumulative cash: −creditLine (0 without a credit line)
 * @param treasuryBtc          N, the company's BTC that may be sold
 * @param capexBudgetUsdByYear Bᵧ, most capex (AI fit-out and ASIC purchases) paid in plan year y (months 12y … 12y+11) over all
 *                             sites; a year beyond the list, or a non-finite entry, has no budget
 * @param crewMwPerMonth       most AI IT MW whose construction starts in one month over all sites (+∞: no limit)
 * @param relocations          the routes on which a site's fleet may move to another site (empty: none)
 */
public record PortfolioProblem(List<Site> sites, double startingCashUsd, double cashFloorUsd, double treasuryBtc,
                               List<Double> capexBudgetUsdByYear, double crewMwPerMonth, List<Relocation> relocations) {

    /** A portfolio without relocations. */
    public PortfolioProblem(List<Site> sites, double startingCashUsd, double cashFloorUsd, double treasuryBtc, List<Double> capexBudgetUsdByYear,
                            double crewMwPerMonth) {
        this(sites, startingCashUsd, cashFloorUsd, treasuryBtc, capexBudgetUsdByYear, crewMwPerMonth, List.of());
    }

    /**
     * A route on which fleet {@code fromFleet} of site {@code fromSite} may move to fleet {@code toFleet} (the same machine)
     * of site {@code toSite} (models/PLANS.md, "ASIC relocation").
     *
     * @param fromSite       index of the origin site
     * @param fromFleet      index of the moving fleet in the origin's fleets
     * @param toSite         index of the destination site (another site)
     * @param toFleet        index of the receiving fleet in the destination's fleets
     * @param costUsdPerMw   cost per IT MW moved, USD: costUsdPerTh × 10⁶ / (J/TH) at nameplate
     * @param downtimeMonths d: MW leaving in month m run at the destination from month m + d (0: the same month)
     */
    public record Relocation(int fromSite, int fromFleet, int toSite, int toFleet, double costUsdPerMw, int downtimeMonths) {
        public Relocation {
            if (fromSite == toSite || downtimeMonths < 0 || !(costUsdPerMw >= 0.0)) {
                throw new IllegalArgumentException("a relocation goes to another site, with downtime ≥ 0 and cost ≥ 0");
            }
        }
    }

    /** One site: its LP name and its plan problem. */
    public record Site(String name, PlanProblem plan) {
    }

    public PortfolioProblem {
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a portfolio needs at least one site");
        }
        PlanProblem p0 = sites.get(0).plan();
        for (Site s : sites) {
            PlanProblem p = s.plan();
            if (!p.startMonth().equals(p0.startMonth()) || p.monthCount() != p0.monthCount() || p.discountRate() != p0.discountRate()) {
                throw new IllegalArgumentException("site " + s.name() + ": every site must share the start month, months and discount rate");
            }
        }
        if (sites.stream().map(Site::name).distinct().count() != sites.size()) {
            throw new IllegalArgumentException("site names must be unique");
        }
        sites = List.copyOf(sites);
        capexBudgetUsdByYear = capexBudgetUsdByYear == null ? List.of() : List.copyOf(capexBudgetUsdByYear);
        relocations = relocations == null ? List.of() : List.copyOf(relocations);
        for (Relocation r : relocations) {
            if (r.fromSite() >= sites.size() || r.toSite() >= sites.size() || r.fromFleet() >= sites.get(r.fromSite()).plan().fleets().size()
                    || r.toFleet() >= sites.get(r.toSite()).plan().fleets().size()) {
                throw new IllegalArgumentException("a relocation names a site or fleet the portfolio does not have");
            }
        }
    }

    /** The first site's problem: the calendar, discount rate, BTC prices, solver and time limit of the portfolio. */
    public PlanProblem calendar() {
        return sites.get(0).plan();
    }

    public int monthCount() {
        return calendar().monthCount();
    }

    /** Bᵧ of plan year y, or +∞ when that year has no budget. */
    public double capexBudgetUsd(int year) {
        if (year >= capexBudgetUsdByYear.size() || capexBudgetUsdByYear.get(year) == null) {
            return Double.POSITIVE_INFINITY;
        }
        double b = capexBudgetUsdByYear.get(year);
        return Double.isFinite(b) ? b : Double.POSITIVE_INFINITY;
    }
}
