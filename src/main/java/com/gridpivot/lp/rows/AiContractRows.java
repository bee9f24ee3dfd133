package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.FixedPlan;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.AiContract;
import com.gridpivot.planning.input.PlanProblem.PlanOption;

/**
 * AI contracts (issue 14, item 1; models/PLANS.md, "AI contracts"): the MW an option starts in month m split into MW signed
 * under the option's contract terms, Sc[j,m], and spot MW, Ss[j,m], that follow the declining market rate. Only options with
 * contract terms get these columns and rows. Their cash: {@link CashRows#addAiCash} (spot MW on Os) and
 * {@link CashRows#addAiContractCash} (each contracted cohort by its contract month).
 * <pre>
 *   Sc[j,m] aiContracted   IT MW started in m under contract    ≥ 0
 *   Ss[j,m] aiSpotStart    IT MW started in m at the spot rate  ≥ 0
 *   Os[j,m] aiSpotOnline   Σ_{k≤m−Lⱼ} Ss[j,k]: spot MW online   ≥ 0
 * </pre>
 */
public final class AiContractRows {
    private AiContractRows() {
    }

    /** Per option, Sc, Ss and Os by month; a row is null for an option without contract terms. */
    public record Contracts(MPVariable[][] contracted, MPVariable[][] spotStart, MPVariable[][] spotOnline) {
        public boolean has(int j) {
            return contracted[j] != null;
        }
    }

    /**
     * For each option j with contract terms, every month m:
     * <pre>
     *   aiStartSplit[j,m]:    S[j,m] − Sc[j,m] − Ss[j,m] = 0                  (a started MW is contracted or spot)
     *   aiSpotOnlineDef[j,m]: Os[j,m] − Os[j,m−1] − Ss[j,m−Lⱼ] = 0            (spot MW online after the lead time)
     *   aiContractMax[j]:     Σₘ Sc[j,m] ≤ maxMwⱼ                             (only when the contract has a size)
     * </pre>
     *
     * @param fixed a fixed plan: its contracted MW ({@link FixedPlan#aiContractedMw}) fix Sc; absent, the split is optimised
     * @return null when no option has contract terms
     */
    public static Contracts add(MPSolver s, PlanProblem p, FixedPlan fixed, AiBuildRows.Ai ai) {
        return add(s, p, null, fixed, ai);
    }

    /**
     * The same rows with a site tag in every name ({@code aiContracted[site,H100,2027-06]}; the portfolio plan).
     *
     * @param site the site's LP name, or null (the plan)
     */
    public static Contracts add(MPSolver s, PlanProblem p, String site, FixedPlan fixed, AiBuildRows.Ai ai) {
        int options = p.options().size();
        if (p.options().stream().noneMatch(PlanOption::hasContract)) {
            return null;
        }
        int months = p.monthCount();
        MPVariable[][] contracted = new MPVariable[options][];
        MPVariable[][] spotStart = new MPVariable[options][];
        MPVariable[][] spotOnline = new MPVariable[options][];
        for (int j = 0; j < options; j++) {
            PlanOption o = p.options().get(j);
            if (!o.hasContract()) {
                continue;
            }
            AiContract c = o.contract();
            String on = LpNames.clean(o.spec().name());
            contracted[j] = new MPVariable[months];
            spotStart[j] = new MPVariable[months];
            spotOnline[j] = new MPVariable[months];
            for (int m = 0; m < months; m++) {
                String mn = Months.label(p, m);
                contracted[j][m] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("aiContracted", site, on, mn));
                if (fixed != null && fixed.aiContractedMw() != null) {
                    FleetStockRows.fix(contracted[j][m], fixed.aiContractedMw(), o.spec().name(), m);
                }
                spotStart[j][m] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("aiSpotStart", site, on, mn));
                spotOnline[j][m] = Lp.var(s, 0.0, Lp.inf(), LpNames.of("aiSpotOnline", site, on, mn));
                MPConstraint split = Lp.row(s, 0.0, 0.0, LpNames.of("aiStartSplit", site, on, mn));
                split.setCoefficient(ai.start()[j][m], 1.0);
                split.setCoefficient(contracted[j][m], -1.0);
                split.setCoefficient(spotStart[j][m], -1.0);
                MPConstraint def = Lp.row(s, 0.0, 0.0, LpNames.of("aiSpotOnlineDef", site, on, mn));
                def.setCoefficient(spotOnline[j][m], 1.0);
                if (m > 0) {
                    def.setCoefficient(spotOnline[j][m - 1], -1.0);
                }
                if (m - o.leadTimeMonths() >= 0) {
                    def.setCoefficient(spotStart[j][m - o.leadTimeMonths()], -1.0);
                }
            }
            if (Double.isFinite(c.maxMw())) {
                MPConstraint max = Lp.row(s, -Lp.inf(), c.maxMw(), LpNames.of("aiContractMax", site, on));
                for (MPVariable v : contracted[j]) {
                    max.setCoefficient(v, 1.0);
                }
            }
        }
        return new Contracts(contracted, spotStart, spotOnline);
    }

    /**
     * The contract figures of a solved plan, USD per month [j][m] (zero rows for options without contract terms): contracted
     * revenue accrued Σₖ cᵩ Sc[j,k] (q = m − k − Lⱼ in the term), the prepayment received φ Vⱼₘ Sc[j,m], the prepayment earned
     * φ Σₖ cᵩ Sc[j,k], the tenant's capex κ Kⱼ Σₖ share(k,m) Sc[j,k], the contracted MW online Σₖ ρ_q Sc[j,k] (ramped, in
     * their term), and the MW in their term Σₖ Sc[j,k] (whole cohorts, q &lt; T).
     */
    public record Figures(double[][] contractedRevenueUsd, double[][] prepaymentReceivedUsd, double[][] prepaymentEarnedUsd,
                          double[][] tenantCapexUsd, double[][] contractedOnlineMw, double[][] inTermMw) {
    }

    /** {@link Figures} of the solved contracted MW, per option and month ([j][m] of Sc; a null row for an option without terms). */
    public static Figures figures(PlanProblem p, double[][] contractedMw) {
        int options = p.options().size();
        int months = p.monthCount();
        double[][] revenue = new double[options][months];
        double[][] received = new double[options][months];
        double[][] earned = new double[options][months];
        double[][] tenant = new double[options][months];
        double[][] online = new double[options][months];
        double[][] inTerm = new double[options][months];
        for (int j = 0; j < options; j++) {
            PlanOption o = p.options().get(j);
            if (!o.hasContract() || contractedMw == null || contractedMw[j] == null) {
                continue;
            }
            AiContract c = o.contract();
            double[] tenantRow = tenant[j];
            double[] mw = contractedMw[j];
            for (int m = 0; m < months; m++) {
                final int month = m;
                received[j][m] = c.prepaymentShare() * p.contractValueUsdPerMw(o, m) * contractedMw[j][m];
                o.capexPaidIn(m, (k, share) -> tenantRow[month] += c.tenantCapexShare() * o.spec().capexUsdPerMw() * share * mw[k]);
                for (int k = 0; k <= m - o.leadTimeMonths(); k++) {
                    int q = m - k - o.leadTimeMonths();
                    if (q < c.termMonths()) {
                        double accrued = c.revenueUsdPerMw(q, o.billedHours(p.hoursOfMonth(m))) * contractedMw[j][k];
                        revenue[j][m] += accrued;
                        earned[j][m] += c.prepaymentShare() * accrued;
                        online[j][m] += c.rampShare(q) * contractedMw[j][k];
                        inTerm[j][m] += contractedMw[j][k];
                    }
                }
            }
        }
        return new Figures(revenue, received, earned, tenant, online, inTerm);
    }
}
