package com.gridpivot.planning.model;

import com.google.ortools.linearsolver.MPVariable;
import com.gridpivot.lp.rows.CovenantRows;
import com.gridpivot.lp.rows.RevolvingCreditRows;
import com.gridpivot.lp.rows.TaxRows;
import java.util.List;
import java.util.Map;

/**
 * The financing part of a built plan LP.
 *
 * @param revolver   the credit line's variables, or null
 * @param loans      x[k] drawn of each term loan
 * @param notes      y[n] issued of each convertible note
 * @param debt       debtₘ, USD owed at the end of month m, as coefficients per variable
 * @param covenants  the covenant rows
 * @param tax        the income tax's variables and rows by tax year, or null without finance.tax
 */
public record PlanFinancingModel(RevolvingCreditRows.Revolver revolver, MPVariable[] loans, MPVariable[] notes,
                                 List<Map<MPVariable, Double>> debt, CovenantRows.Covenants covenants, TaxRows.Tax tax) {

    /** debtₘ at the solution. */
    public double debtUsd(int m) {
        double d = 0.0;
        for (Map.Entry<MPVariable, Double> e : debt.get(m).entrySet()) {
            d += e.getValue() * e.getKey().solutionValue();
        }
        return d;
    }
}
