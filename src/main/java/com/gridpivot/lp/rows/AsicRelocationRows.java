package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.lp.rows.CashRows.Term;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PortfolioProblem;
import com.gridpivot.planning.input.PortfolioProblem.Relocation;
import java.util.List;

/**
 * ASIC relocation between the sites of a portfolio (models/PLANS.md, "ASIC relocation"). Symbols: route r moves fleet i of
 * site a to fleet j (the same machine) of site b with downtime dᵣ months and cost κᵣ USD per IT MW (the route's USD per TH/s
 * × 10⁶ / (J/TH)); X[r,m] asicMoved ≥ 0 is the IT MW that leaves a at the start of month m and runs at b from month m + dᵣ.
 * The moved MW join b's fleet stock and run only inside b's interconnect rows, as b's own machines do (their power is drawn
 * at b's prices and pue); in transit they neither earn nor draw power.
 */
public final class AsicRelocationRows {
    private AsicRelocationRows() {
    }

    /**
     * Adds each route's moves to the sites' asicBalance rows (built by {@link FleetStockRows#add}) and their cost to the
     * destination's cash:
     * <pre>
     *   asicBalance[a,i,m]:      K[a,i,m] − K[a,i,m−1] − B[a,i,m] + R[a,i,m] + Σ_{r from (a,i)} X[r,m]       = cap [m = 0]
     *   asicBalance[b,j,m]:      K[b,j,m] − K[b,j,m−1] − B[b,j,m] + R[b,j,m] − Σ_{r to (b,j)} X[r,m − dᵣ]  = cap [m = 0]
     *   asicMoved[a,i,b,m] = X[r,m] ≥ 0, and X[r,m] = 0 when m + dᵣ ≥ M (it would not arrive inside the horizon)
     *   cash of b in month m:   − κᵣ X[r,m]   ({@link CashCategory#ASIC_RELOCATION}, from the month's end)
     * </pre>
     * A receiving fleet that cannot be bought loses its bound K[b,j,m] ≤ cap_j (what arrives may exceed what was installed;
     * its balance row still bounds it by cap_j plus the arrivals).
     *
     * @param stocks    each site's fleet stock, with its balance rows
     * @param siteTerms each site's cash terms by month; the destination's months receive the move costs
     * @param siteNames each site's LP name
     * @return X[r][m] of each route, in the order of {@link PortfolioProblem#relocations()}
     */
    public static MPVariable[][] add(MPSolver s, PortfolioProblem pp, List<FleetStockRows.Asic> stocks, List<List<List<Term>>> siteTerms,
                                     List<String> siteNames) {
        PlanProblem cal = pp.calendar();
        int months = cal.monthCount();
        MPVariable[][] moved = new MPVariable[pp.relocations().size()][months];
        for (int r = 0; r < moved.length; r++) {
            Relocation route = pp.relocations().get(r);
            FleetStockRows.Asic from = stocks.get(route.fromSite());
            FleetStockRows.Asic to = stocks.get(route.toSite());
            String fleet = LpNames.clean(pp.sites().get(route.fromSite()).plan().fleets().get(route.fromFleet()).spec().name());
            for (int m = 0; m < months; m++) {
                boolean arrives = m + route.downtimeMonths() < months;
                moved[r][m] = Lp.var(s, 0.0, arrives ? Lp.inf() : 0.0,
                        LpNames.of("asicMoved", siteNames.get(route.fromSite()), fleet, siteNames.get(route.toSite()), Months.label(cal, m)));
                from.balance()[route.fromFleet()][m].setCoefficient(moved[r][m], 1.0);
                if (arrives) {
                    to.balance()[route.toFleet()][m + route.downtimeMonths()].setCoefficient(moved[r][m], -1.0);
                }
                if (route.costUsdPerMw() != 0.0) {
                    siteTerms.get(route.toSite()).get(m).add(new Term(moved[r][m], -route.costUsdPerMw(), CashCategory.ASIC_RELOCATION));
                }
                to.kept()[route.toFleet()][m].setUb(Lp.inf());
            }
        }
        return moved;
    }
}
