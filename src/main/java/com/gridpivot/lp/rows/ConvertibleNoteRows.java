package com.gridpivot.lp.rows;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.Lp;
import com.gridpivot.lp.LpNames;
import com.gridpivot.planning.input.PlanFinancing.ConvertibleNote;
import com.gridpivot.planning.input.PlanProblem;
import java.util.List;

/**
 * Convertible notes (models/PLANS.md, "Financing sources"): note n may be issued once, y[n] ≤ principalₙ, at the end of its
 * issue month eₙ; it pays its coupon cₙ/12 on y[n] at the end of every month from eₙ to its maturity μₙ (both included) and is
 * repaid in cash at the end of μₙ (conversion is not in the LP: the answer reports the dilution if it converted).
 * <pre>
 *   convertibleIssuedUsd[n]   y[n] ∈ [0, principalₙ]
 * </pre>
 * Cash of month m: + y[n] [m = eₙ] − y[n] [m = μₙ] (principal: cash only) − cₙ/12 y[n] [eₙ ≤ m ≤ μₙ] (coupon). A maturity past
 * the horizon leaves the note owed at its end. No row: the bound holds the principal.
 */
public final class ConvertibleNoteRows {
    private ConvertibleNoteRows() {
    }

    /** y[n] per note (empty without notes). */
    public static MPVariable[] add(MPSolver s, PlanProblem p, List<List<CashRows.Term>> terms) {
        List<ConvertibleNote> notes = p.financing().convertibleNotes();
        MPVariable[] issued = new MPVariable[notes.size()];
        for (int n = 0; n < notes.size(); n++) {
            ConvertibleNote note = notes.get(n);
            issued[n] = Lp.var(s, 0.0, note.principalUsd(), LpNames.of("convertibleIssuedUsd", note.name()));
            for (int m = 0; m < p.monthCount(); m++) {
                List<CashRows.Term> month = terms.get(m);
                double principal = (m == note.issueIndex() ? 1.0 : 0.0) - note.repaidShare(m);
                if (principal != 0.0) {
                    month.add(new CashRows.Term(issued[n], principal, CashCategory.DEBT_PRINCIPAL));
                }
                double coupon = note.couponPerYear() / 12.0 * note.outstandingShare(m);
                if (coupon != 0.0) {
                    month.add(new CashRows.Term(issued[n], -coupon, CashCategory.FINANCING_INTEREST));
                }
            }
        }
        return issued;
    }
}
