package com.gridpivot.lp;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariableProto;

/**
 * A proven bound on an LP's optimum from any row multipliers (Lagrangian duality), for answers that a time limit ended
 * before optimality (FEASIBLE): the objective of such an answer is only a lower bound of a maximum; this gives the upper
 * one, so that the answer can say how far from optimal it may be.
 *
 * <p>The LP: max (or min) c·x + c₀ subject to loᵢ ≤ aᵢ·x ≤ hiᵢ and lⱼ ≤ xⱼ ≤ uⱼ. For any multipliers y (one per row, any
 * sign) and any feasible x, with dⱼ = cⱼ − Σᵢ yᵢ aᵢⱼ (the reduced costs of y):
 * <pre>
 *   c·x = d·x + Σᵢ yᵢ (aᵢ·x)
 *   max:  c·x ≤ Σᵢ (yᵢ ≥ 0 ? yᵢ hiᵢ : yᵢ loᵢ) + Σⱼ max(dⱼ lⱼ, dⱼ uⱼ)
 *   min:  c·x ≥ Σᵢ (yᵢ ≥ 0 ? yᵢ loᵢ : yᵢ hiᵢ) + Σⱼ min(dⱼ lⱼ, dⱼ uⱼ)
 * </pre>
 * A multiplier whose row side is open (±∞) is set to 0 (the inequality it needs does not exist). A variable without a
 * finite bound on the side its reduced cost pushes to gets the bound implied by the rows (activity-based bound
 * propagation, as a presolve does: from loᵢ ≤ aᵢⱼ xⱼ + Σₖ≠ⱼ aᵢₖ xₖ ≤ hiᵢ and the other variables' bounds); every feasible x
 * satisfies the implied bounds, so the inequality still holds. Where even that leaves an infinite side with a non-zero
 * reduced cost, there is no bound (NaN).
 *
 * <p>With the optimal duals of an OPTIMAL answer the bound equals the optimum (strong duality); with the duals of the basis
 * a time limit stopped at (dual infeasible, else it would be optimal) it is valid but looser. The solver's own sign
 * convention for duals does not matter: the bound holds for any y, and both y and −y are tried, the tighter one kept.
 */
public final class DualBound {
    /** Passes of bound propagation that make infinite bounds finite (a chain of balance rows needs one per link at worst). */
    private static final int MAX_PASSES = 200;

    private DualBound() {
    }

    /**
     * The bound from the duals the solver holds now ({@link MPConstraint#dualValue()}), or NaN when none is finite. Call it
     * after {@code solve()} returned a solution (OPTIMAL or FEASIBLE) on an LP (not a MIP).
     */
    public static double of(MPSolver solver) {
        MPModelProto model = solver.exportModelToProto();
        MPConstraint[] rows = solver.constraints();
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = rows[i].dualValue();
        }
        return of(model, y);
    }

    /** The bound for the model and the row multipliers y (in the model's row order), or NaN when none is finite. */
    public static double of(MPModelProto model, double[] y) {
        if (y.length != model.getConstraintCount()) {
            throw new IllegalArgumentException(y.length + " multipliers for " + model.getConstraintCount() + " rows");
        }
        double[][] box = impliedBounds(model);
        double plus = bound(model, y, 1.0, box);
        double minus = bound(model, y, -1.0, box);
        if (Double.isNaN(plus)) {
            return minus;
        }
        if (Double.isNaN(minus)) {
            return plus;
        }
        return model.getMaximize() ? Math.min(plus, minus) : Math.max(plus, minus);
    }

    /** Σ rows + Σ columns of the Lagrangian bound for multipliers sign·y; NaN when a term is infinite. */
    private static double bound(MPModelProto model, double[] y, double sign, double[][] box) {
        boolean max = model.getMaximize();
        int n = model.getVariableCount();
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            d[j] = model.getVariable(j).getObjectiveCoefficient();
        }
        double total = model.getObjectiveOffset();
        double magnitude = Math.abs(total);
        for (int i = 0; i < model.getConstraintCount(); i++) {
            MPConstraintProto row = model.getConstraint(i);
            double yi = sign * y[i];
            if (!Double.isFinite(yi) || yi == 0.0) {
                continue;
            }
            // max: yᵢ ≥ 0 needs aᵢ·x ≤ hiᵢ, yᵢ < 0 needs aᵢ·x ≥ loᵢ; min: the other way round
            double side = (yi > 0) == max ? row.getUpperBound() : row.getLowerBound();
            if (!Double.isFinite(side)) {
                continue; // the inequality does not exist: multiplier 0
            }
            total += yi * side;
            magnitude += Math.abs(yi * side);
            for (int k = 0; k < row.getVarIndexCount(); k++) {
                d[row.getVarIndex(k)] -= yi * row.getCoefficient(k);
            }
        }
        for (int j = 0; j < n; j++) {
            if (d[j] == 0.0) {
                continue;
            }
            double lo = box[0][j];
            double hi = box[1][j];
            // the side of the box the reduced cost pushes to
            double at = (d[j] > 0) == max ? hi : lo;
            if (!Double.isFinite(at)) {
                return Double.NaN;
            }
            total += d[j] * at;
            magnitude += Math.abs(d[j] * at);
        }
        // rounding: each product is exact to half an ulp; widen the bound by a margin far above that
        double slack = 1e-12 * magnitude;
        return max ? total + slack : total - slack;
    }

    /**
     * Each variable's bounds tightened by the rows where they are infinite (activity-based propagation); {@code [0]} lower,
     * {@code [1]} upper. Finite bounds are kept as given: only the missing ones are filled in.
     */
    static double[][] impliedBounds(MPModelProto model) {
        int n = model.getVariableCount();
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean open = false;
        for (int j = 0; j < n; j++) {
            MPVariableProto v = model.getVariable(j);
            lo[j] = v.getLowerBound();
            hi[j] = v.getUpperBound();
            open |= !Double.isFinite(lo[j]) || !Double.isFinite(hi[j]);
        }
        for (int pass = 0; open && pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (int i = 0; i < model.getConstraintCount(); i++) {
                changed |= propagate(model.getConstraint(i), lo, hi);
            }
            if (!changed) {
                break;
            }
        }
        return new double[][] {lo, hi};
    }

    /** One row's implied bounds on its variables whose bound is still infinite; true when one became finite. */
    private static boolean propagate(MPConstraintProto row, double[] lo, double[] hi) {
        int len = row.getVarIndexCount();
        // the row's activity range Σ aₖ xₖ over the box: finite parts and counts of infinite contributions
        double minFinite = 0.0;
        double maxFinite = 0.0;
        int minInf = 0;
        int maxInf = 0;
        for (int k = 0; k < len; k++) {
            int j = row.getVarIndex(k);
            double a = row.getCoefficient(k);
            double low = a > 0 ? a * lo[j] : a * hi[j];
            double high = a > 0 ? a * hi[j] : a * lo[j];
            if (Double.isFinite(low)) {
                minFinite += low;
            } else {
                minInf++;
            }
            if (Double.isFinite(high)) {
                maxFinite += high;
            } else {
                maxInf++;
            }
        }
        boolean changed = false;
        for (int k = 0; k < len; k++) {
            int j = row.getVarIndex(k);
            double a = row.getCoefficient(k);
            if (a == 0.0 || (Double.isFinite(lo[j]) && Double.isFinite(hi[j]))) {
                continue;
            }
            double low = a > 0 ? a * lo[j] : a * hi[j];
            double high = a > 0 ? a * hi[j] : a * lo[j];
            // the others' activity range: the row's without this term
            boolean othersMinFinite = minInf - (Double.isFinite(low) ? 0 : 1) == 0;
            boolean othersMaxFinite = maxInf - (Double.isFinite(high) ? 0 : 1) == 0;
            double othersMin = minFinite - (Double.isFinite(low) ? low : 0.0);
            double othersMax = maxFinite - (Double.isFinite(high) ? high : 0.0);
            // a·xⱼ ≤ hi − othersMin and a·xⱼ ≥ lo − othersMax
            double axUpper = Double.isFinite(row.getUpperBound()) && othersMinFinite ? row.getUpperBound() - othersMin : Double.POSITIVE_INFINITY;
            double axLower = Double.isFinite(row.getLowerBound()) && othersMaxFinite ? row.getLowerBound() - othersMax : Double.NEGATIVE_INFINITY;
            double newHi = a > 0 ? axUpper / a : axLower / a;
            double newLo = a > 0 ? axLower / a : axUpper / a;
            if (!Double.isFinite(hi[j]) && Double.isFinite(newHi)) {
                // widened by a relative margin: the propagated value carries the rounding of the sums above
                hi[j] = newHi + 1e-9 * (Math.abs(newHi) + 1.0);
                changed = true;
            }
            if (!Double.isFinite(lo[j]) && Double.isFinite(newLo)) {
                lo[j] = newLo - 1e-9 * (Math.abs(newLo) + 1.0);
                changed = true;
            }
        }
        return changed;
    }
}
