package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.optimization.input.AllocationProblem;
import com.gridpivot.optimization.input.Ancillary;
import com.gridpivot.optimization.input.Ancillary.Period;
import com.gridpivot.optimization.input.Ancillary.Service;
import com.gridpivot.optimization.model.HourBlock;
import java.util.List;

/**
 * Ancillary services and demand response offered by the curtailable mining load (models/README.md, "Ancillary services";
 * issue 16 item 3). Symbols: b hour blocks (single hours in the naive model), k hourly services (NSPIN, ECRS) with scaled
 * clearing prices π_kt (USD per MW-h), s ERS services with contract periods q at π_sq over H_sq hours, α the offerable share
 * of the running mining site power ({@link Ancillary#offerShare}), φ_kt / φ_st the expected deployed share of hour t,
 * mᵢₜ the mining margin per MWh of IT load.
 * <pre>
 *   z_kb ≥ 0   ancillaryMw[k,b]   site MW offered to hourly service k in each hour of block b; objective Σ_{t∈b} π_kt
 *   e_sq ≥ 0   ersMw[s,q]         site MW committed to ERS service s over its period q;       objective π_sq H_sq
 *   c_ib ≥ 0   deployedMw[i,b]    expected IT MW of fleet i curtailed by deployments (single hours with a deployment only);
 *                                 objective −mᵢₜ: a deployment costs the mining margin of the energy it curtails
 * </pre>
 */
public final class AncillaryRows {
    private AncillaryRows() {
    }

    /**
     * @param offered  z[b][k], k indexing {@link Ancillary#hourlyServices()}
     * @param ers      e[s][q], s indexing {@link Ancillary#ersServices()}, q its periods
     * @param deployed c[b][k] for the k-th active fleet of block b, null where the block has no deployment
     */
    public record Vars(MPVariable[][] offered, MPVariable[][] ers, MPVariable[][] deployed) {
    }

    /** Adds the variables, rows and objective terms above; null when the problem offers no ancillary services. */
    public static Vars add(MPSolver s, AllocationProblem p, List<HourBlock> blocks, MPVariable[][] d) {
        Ancillary a = p.ancillary();
        if (!a.active()) {
            return null;
        }
        List<Service> hourly = a.hourlyServices();
        List<Service> ers = a.ersServices();
        double alpha = p.ancillaryOfferShare();
        double years = p.horizonYears();

        // e_sq and ersProgramCapUsd: Σ_s Σ_q π_sq H_sq e_sq ≤ 50,000,000 USD × T / 8760 (ERCOT's ERS program cap per year)
        MPVariable[][] e = new MPVariable[ers.size()][];
        MPConstraint cap = ers.isEmpty() ? null
                : Lp.row(s, -Lp.inf(), Ancillary.ERS_PROGRAM_CAP_USD_PER_YEAR * years, "ersProgramCapUsd");
        for (int si = 0; si < ers.size(); si++) {
            Service svc = ers.get(si);
            e[si] = new MPVariable[svc.periods().size()];
            for (int q = 0; q < e[si].length; q++) {
                Period period = svc.periods().get(q);
                e[si][q] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("ersMw", svc.type().name(), "q" + q));
                double usdPerMw = a.priceUsdPerMwHour(period) * periodHours(p, period);
                s.objective().setCoefficient(e[si][q], usdPerMw);
                cap.setCoefficient(e[si][q], usdPerMw);
            }
        }

        MPVariable[][] z = new MPVariable[blocks.size()][];
        MPVariable[][] c = new MPVariable[blocks.size()][];
        for (int b = 0; b < blocks.size(); b++) {
            HourBlock block = blocks.get(b);
            int first = block.hours()[0];
            z[b] = new MPVariable[hourly.size()];
            for (int k = 0; k < hourly.size(); k++) {
                double sum = 0.0;
                for (int t : block.hours()) {
                    sum += a.priceUsdPerMwHour(hourly.get(k), t);
                }
                z[b][k] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("ancillaryMw", hourly.get(k).type().name(), block.label()));
                s.objective().setCoefficient(z[b][k], sum);
            }
            // ancillaryCapacityMw[b]: Σ_k z_kb + Σ_{s,q: t∈q} e_sq − α Σᵢ pueᵢ D_bi ≤ 0 (a block lies in one ERS period per service)
            MPConstraint row = Lp.row(s, -Lp.inf(), 0.0, LpNames.of("ancillaryCapacityMw", block.label()));
            for (MPVariable v : z[b]) {
                row.setCoefficient(v, 1.0);
            }
            for (int si = 0; si < ers.size(); si++) {
                int q = ers.get(si).periodAt(first);
                if (q >= 0) {
                    row.setCoefficient(e[si][q], 1.0);
                }
            }
            for (int k = 0; k < d[b].length; k++) {
                row.setCoefficient(d[b][k], -alpha * p.fleets().get(block.activeFleets()[k]).pue());
            }
            if (!a.deployedIn(first)) {
                continue;
            }
            // a single hour t with a deployment:
            // deploymentMw[b]: Σᵢ pueᵢ c_ib − Σ_k φ_kt z_kb − Σ_{s,q: t∈q} φ_st e_sq = 0   (expected curtailed site MW)
            // deployedLimit[i,b]: c_ib − D_bi ≤ 0                                           (a fleet stops at most what runs)
            MPConstraint dep = Lp.row(s, 0.0, 0.0, LpNames.of("deploymentMw", block.label()));
            for (int k = 0; k < hourly.size(); k++) {
                dep.setCoefficient(z[b][k], -hourly.get(k).deployedShare(first));
            }
            for (int si = 0; si < ers.size(); si++) {
                int q = ers.get(si).periodAt(first);
                if (q >= 0) {
                    dep.setCoefficient(e[si][q], -ers.get(si).deployedShare(first));
                }
            }
            c[b] = new MPVariable[d[b].length];
            for (int k = 0; k < d[b].length; k++) {
                var f = p.fleets().get(block.activeFleets()[k]);
                String fn = LpNames.clean(f.name());
                c[b][k] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("deployedMw", fn, block.label()));
                s.objective().setCoefficient(c[b][k], -p.miningMarginUsdPerMwh(f, first));
                dep.setCoefficient(c[b][k], f.pue());
                MPConstraint limit = Lp.row(s, -Lp.inf(), 0.0, LpNames.of("deployedLimit", fn, block.label()));
                limit.setCoefficient(c[b][k], 1.0);
                limit.setCoefficient(d[b][k], -1.0);
            }
        }
        return new Vars(z, e, c);
    }

    /** H_q: the hours of the period inside the horizon. */
    public static int periodHours(AllocationProblem p, Period q) {
        return Math.max(0, Math.min(q.toHour(), p.hours()) - q.fromHour());
    }

    /** One service's totals over the horizon: offered MW-h, capacity revenue USD, expected deployed MWh (site power). */
    public record ServiceTotals(double offeredMwh, double revenueUsd, double expectedDeployedMwh) {
    }

    /**
     * The solved ancillary terms: revenue Σ_b z_kb Σ_{t∈b} π_kt + Σ e_sq π_sq H_sq, deployment cost Σ_b Σᵢ mᵢₜ c_ib, per service
     * in request order (the objective's ancillary part is revenueUsd − deploymentCostUsd).
     */
    public record Totals(double revenueUsd, double deploymentCostUsd, java.util.Map<String, ServiceTotals> services) {
    }

    public static Totals totals(AllocationProblem p, List<HourBlock> blocks, Vars v) {
        Ancillary a = p.ancillary();
        List<Service> hourly = a.hourlyServices();
        List<Service> ers = a.ersServices();
        double[][] byService = new double[a.services().size()][3];
        double cost = 0.0;
        for (int b = 0; b < blocks.size(); b++) {
            HourBlock block = blocks.get(b);
            for (int k = 0; k < hourly.size(); k++) {
                double z = Math.max(0.0, v.offered()[b][k].solutionValue());
                double[] acc = byService[a.services().indexOf(hourly.get(k))];
                for (int t : block.hours()) {
                    acc[0] += z;
                    acc[1] += z * a.priceUsdPerMwHour(hourly.get(k), t);
                    acc[2] += z * hourly.get(k).deployedShare(t);
                }
            }
            if (v.deployed()[b] != null) {
                int t = block.hours()[0];
                for (int k = 0; k < v.deployed()[b].length; k++) {
                    cost += p.miningMarginUsdPerMwh(p.fleets().get(block.activeFleets()[k]), t) * Math.max(0.0, v.deployed()[b][k].solutionValue());
                }
            }
        }
        for (int si = 0; si < ers.size(); si++) {
            Service svc = ers.get(si);
            double[] acc = byService[a.services().indexOf(svc)];
            for (int q = 0; q < svc.periods().size(); q++) {
                double e = Math.max(0.0, v.ers()[si][q].solutionValue());
                Period period = svc.periods().get(q);
                acc[0] += e * periodHours(p, period);
                acc[1] += e * a.priceUsdPerMwHour(period) * periodHours(p, period);
                int to = Math.min(period.toHour(), p.hours());
                for (int t = period.fromHour(); t < to; t++) {
                    acc[2] += e * svc.deployedShare(t);
                }
            }
        }
        java.util.Map<String, ServiceTotals> out = new java.util.LinkedHashMap<>();
        double revenue = 0.0;
        for (int k = 0; k < byService.length; k++) {
            out.put(a.services().get(k).type().name(), new ServiceTotals(byService[k][0], byService[k][1], byService[k][2]));
            revenue += byService[k][1];
        }
        return new Totals(revenue, cost, out);
    }
}
