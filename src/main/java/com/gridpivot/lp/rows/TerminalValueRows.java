package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.economics.Formulas;
import com.gridpivot.planning.input.PlanProblem;
import com.gridpivot.planning.input.PlanProblem.AiContract;
import com.gridpivot.planning.input.PlanProblem.MonthData;
import com.gridpivot.planning.input.PlanProblem.PlanOption;
import com.gridpivot.planning.input.PlanProblem.TerminalMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Terminal value at the horizon's end (issue 14, item 3; models/PLANS.md, "Terminal value"): linear terms in the plan's
 * decisions that {@link NpvObjective} adds to the NPV, each valued at the end of a month n ≥ M−1 and discounted by δₙ. They
 * are not cash of any month of the horizon (no cash-balance row holds them). By use: "mining" (the ASICs kept at the end, at
 * their salvage value) and "ai". No columns or rows are added: the group is a set of objective coefficients.
 * <pre>
 *   every method but NONE:  + σᵢ,M−1 K[i,M−1] at n = M−1                                          mining
 *   CONTRACTED:             + Σ_{k, n ≥ M, 0 ≤ q &lt; T} [(1−φ) c_q(n) − ρ_q (Eₙ + Vₙ) − Fₙ] Sc[j,k] at n   ai
 *   EXIT_MULTIPLE:          + μ × EBITDA₁₂ at n = M−1                                               ai
 *   PERPETUITY:             + EBITDA₁₂ (1+g)/(r−g) at n = M−1                                       ai
 * </pre>
 * EBITDA₁₂ = 12/|W| Σ_{m∈W} (AI revenue accrued − AI energy − AI opex), W the last min(12, M) months: the cash terms of
 * categories AI_REVENUE, AI_ENERGY and AI_OPEX, and for contracted MW in their term the contracted revenue accrued c_q(m)
 * (the prepaid share included: EBITDA is earned, not received). A month n beyond the horizon takes the energy and hours of
 * the same position in the horizon's last min(12, M) months (m(n) = M − P + (n − M) mod P, P = min(12, M)).
 */
public final class TerminalValueRows {
    private TerminalValueRows() {
    }

    public static final String MINING = "mining";
    public static final String AI = "ai";

    /** coefficientUsd × variable, valued at the end of month {@code month} (discounted by δ_month), of a use. */
    public record Term(int month, MPVariable variable, double coefficientUsd, String use) {
    }

    /**
     * @param kept      K[i][m]
     * @param contracts the contracted MW (null without contract terms)
     * @param cash      the plan's cash terms of each month (their AI terms make the EBITDA)
     */
    public static List<Term> terms(PlanProblem p, MPVariable[][] kept, AiContractRows.Contracts contracts, List<List<CashRows.Term>> cash) {
        List<Term> out = new ArrayList<>();
        TerminalMethod method = p.terminalValue().method();
        if (method == TerminalMethod.NONE) {
            return out;
        }
        int months = p.monthCount();
        int last = months - 1;
        for (int i = 0; i < p.fleets().size(); i++) {
            out.add(new Term(last, kept[i][last], p.fleets().get(i).salvageUsdPerMw(last), MINING));
        }
        if (method == TerminalMethod.CONTRACTED) {
            addContracted(p, contracts, out);
        } else {
            double factor = method == TerminalMethod.EXIT_MULTIPLE ? p.terminalValue().exitMultiple()
                    : (1.0 + p.terminalValue().growthPerYear()) / (p.discountRate() - p.terminalValue().growthPerYear());
            int first = Math.max(0, months - 12);
            double annualise = 12.0 / (months - first);
            for (int m = first; m < months; m++) {
                for (CashRows.Term t : cash.get(m)) {
                    if (t.category() == CashCategory.AI_REVENUE || t.category() == CashCategory.AI_ENERGY || t.category() == CashCategory.AI_OPEX) {
                        out.add(new Term(last, t.variable(), factor * annualise * t.coefficientUsd(), AI));
                    }
                }
                for (int j = 0; contracts != null && j < p.options().size(); j++) {
                    if (!contracts.has(j)) {
                        continue;
                    }
                    PlanOption o = p.options().get(j);
                    for (int k = 0; k <= m - o.leadTimeMonths(); k++) {
                        int q = m - k - o.leadTimeMonths();
                        if (q < o.contract().termMonths()) {
                            double accrued = o.contract().revenueUsdPerMw(q, o.billedHours(p.months().get(m).hours()));
                            out.add(new Term(last, contracts.contracted()[j][k], factor * annualise * accrued, AI));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** CONTRACTED: each contracted cohort's payments beyond the horizon, less their power and opex, month by month. */
    private static void addContracted(PlanProblem p, AiContractRows.Contracts contracts, List<Term> out) {
        int months = p.monthCount();
        for (int j = 0; contracts != null && j < p.options().size(); j++) {
            if (!contracts.has(j)) {
                continue;
            }
            PlanOption o = p.options().get(j);
            AiContract c = o.contract();
            for (int k = 0; k < months; k++) {
                int end = k + o.leadTimeMonths() + c.termMonths(); // first month after the term
                for (int n = Math.max(months, k + o.leadTimeMonths()); n < end; n++) {
                    out.add(new Term(n, contracts.contracted()[j][k], contractedBeyondHorizonUsdPerMw(p, o, k, n), AI));
                }
            }
        }
    }

    /**
     * CONTRACTED's value in month n ≥ M of a contracted MW of option o started in month k: (1−φ) c_q(n) − ρ_q (Eₙ + Vₙ) − Fₙ
     * with q = n − k − L, a month beyond the horizon taking the energy and hours of the same position in the last min(12, M)
     * months. Also the Monte Carlo path evaluator's (the contracted price is the same on every path).
     */
    public static double contractedBeyondHorizonUsdPerMw(PlanProblem p, PlanOption o, int k, int n) {
        int months = p.monthCount();
        int window = Math.min(12, months);
        AiContract c = o.contract();
        int q = n - k - o.leadTimeMonths();
        MonthData like = p.months().get(months - window + Math.floorMod(n - months, window));
        double h = like.hours();
        double running = like.aiEnergyCostUsdPerMw(o.spec()) + h * o.spec().variableOpexUsdPerMwh();
        double fixedOpex = Formulas.fixedOpexUsdPerMw(o.spec().fixedOpexUsdPerMwYear(), h);
        return (1.0 - c.prepaymentShare()) * c.revenueUsdPerMw(q, o.billedHours(p.hoursOfMonth(n))) - c.rampShare(q) * running - fixedOpex;
    }

    /** Σ δ_month × coefficient × solution value of the terms of one use (null: all), USD at the plan's start. */
    public static double valueUsd(List<Term> terms, PlanProblem p, String use) {
        double s = 0.0;
        for (Term t : terms) {
            if (use == null || use.equals(t.use())) {
                s += p.discountFactor(t.month()) * t.coefficientUsd() * t.variable().solutionValue();
            }
        }
        return s;
    }
}
