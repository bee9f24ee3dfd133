package com.gridpivot.optimization.input;

import java.util.List;

/**
 * Ancillary services and demand response offered by the curtailable mining load (issue 16 item 3; models/README.md,
 * "Ancillary services"). Hourly services (NSPIN, ECRS) are paid each hour's clearing price for the MW offered; ERS (ERS_10,
 * ERS_30) commits the same MW over a contract period at the period's price. An expected deployment curtails the offered MW
 * for a share of an hour and costs the mining margin of that energy.
 *
 * @param minimumRunningMw m: site power of the mining load that is never offered (offer ≤ running − m, see {@link #offerShare})
 * @param priceScale       multiplies every ancillary price (a sweep input; 1 = the prices as given)
 * @param services         the services offered, at most one per type
 */
public record Ancillary(double minimumRunningMw, double priceScale, List<Service> services) {

    /** ERCOT caps the ERS program's spending at 50 million USD a year; the site's ERS revenue cannot exceed it. */
    public static final double ERS_PROGRAM_CAP_USD_PER_YEAR = 50_000_000.0;

    /** No ancillary services (as before issue 16). */
    public static final Ancillary NONE = new Ancillary(0.0, 1.0, List.of());

    /**
     * The services: ERCOT's Emergency Response Service with a 10- or 30-minute ramp (four contract periods a year), Non-Spin
     * (30-minute response, deployed up to 4 hours) and ERCOT Contingency Reserve Service (10 minutes, up to 2 hours).
     */
    public enum Type {
        ERS_10(true, 0), ERS_30(true, 0), NSPIN(false, 4), ECRS(false, 2);

        private final boolean ers;
        private final int maxDeploymentHours;

        Type(boolean ers, int maxDeploymentHours) {
            this.ers = ers;
            this.maxDeploymentHours = maxDeploymentHours;
        }

        /** Whether the MW are committed for a contract period (ERS) rather than hour by hour. */
        public boolean ers() {
            return ers;
        }

        /** The longest deployment the service asks for, hours (0: not limited here). */
        public int maxDeploymentHours() {
            return maxDeploymentHours;
        }
    }

    /** An ERS contract period [fromHour, toHour) at priceUsdPerMwHour (USD per MW committed per hour of the period). */
    public record Period(int fromHour, int toHour, double priceUsdPerMwHour) {
        public boolean covers(int t) {
            return t >= fromHour && t < toHour;
        }
    }

    /** An expected deployment: in every hour of [fromHour, toHour) the offered MW are curtailed with the given probability. */
    public record Deployment(int fromHour, int toHour, double probability) {
        public boolean covers(int t) {
            return t >= fromHour && t < toHour;
        }
    }

    /**
     * @param type                a service
     * @param pricesUsdPerMwHour  hourly services: the clearing price of each hour of the horizon (length T), USD per MW-h; ERS: null
     * @param periods             ERS: its contract periods; hourly services: empty
     * @param deployments         the expected deployments
     */
    public record Service(Type type, double[] pricesUsdPerMwHour, List<Period> periods, List<Deployment> deployments) {
        /** The expected share of hour t during which the offered MW are deployed: Σ probabilities of the deployments covering t. */
        public double deployedShare(int t) {
            double sum = 0.0;
            for (Deployment d : deployments) {
                if (d.covers(t)) {
                    sum += d.probability();
                }
            }
            return sum;
        }

        /** The ERS period covering hour t, or −1. */
        public int periodAt(int t) {
            for (int k = 0; k < periods.size(); k++) {
                if (periods.get(k).covers(t)) {
                    return k;
                }
            }
            return -1;
        }
    }

    public boolean active() {
        return !services.isEmpty();
    }

    public List<Service> hourlyServices() {
        return services.stream().filter(s -> !s.type().ers()).toList();
    }

    public List<Service> ersServices() {
        return services.stream().filter(s -> s.type().ers()).toList();
    }

    /** The scaled clearing price of an hourly service in hour t, USD per MW-h. */
    public double priceUsdPerMwHour(Service s, int t) {
        return priceScale * s.pricesUsdPerMwHour()[t];
    }

    /** The scaled price of an ERS period, USD per MW-h. */
    public double priceUsdPerMwHour(Period p) {
        return priceScale * p.priceUsdPerMwHour();
    }

    /** Whether any service has an expected deployment in hour t. */
    public boolean deployedIn(int t) {
        for (Service s : services) {
            if (s.deployedShare(t) > 0.0) {
                return true;
            }
        }
        return false;
    }

    /** The index in {@link #hourlyServices()} of the best-paid hourly service in hour t, or −1 when none pays (price ≤ 0). */
    public int bestHourly(int t) {
        List<Service> hs = hourlyServices();
        int best = -1;
        double price = 0.0;
        for (int k = 0; k < hs.size(); k++) {
            double v = priceUsdPerMwHour(hs.get(k), t);
            if (v > price) {
                price = v;
                best = k;
            }
        }
        return best;
    }

    /** w_t = max(0, max over hourly services of the scaled price in hour t), USD per MW-h. */
    public double bestHourlyPriceUsdPerMwHour(int t) {
        int k = bestHourly(t);
        return k < 0 ? 0.0 : priceUsdPerMwHour(hourlyServices().get(k), t);
    }

    /**
     * α = 1 − m / L̄, the share of the running mining site power that may be offered, with L̄ the most site power the
     * fleets can draw (min(Σᵢ pueᵢ capᵢ, interconnect)). "Offer ≤ running − m, or offer nothing" is not convex; its convex
     * hull over running loads 0 … L̄ is offer ≤ α · running, which equals running − m when the fleets run at L̄ (the LP has
     * no binaries). 1 when m = 0.
     */
    public double offerShare(double maxMiningSitePowerMw) {
        if (minimumRunningMw <= 0.0) {
            return 1.0;
        }
        return maxMiningSitePowerMw <= 0.0 ? 0.0 : Math.max(0.0, 1.0 - minimumRunningMw / maxMiningSitePowerMw);
    }
}
