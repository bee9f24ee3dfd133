package com.gridpivot.lp.rows;

import java.util.List;

/** Sums of solved cash terms by category, for the financing row tests. */
final class FinancingRowsTestSupport {
    private FinancingRowsTestSupport() {
    }

    static double sum(List<List<CashRows.Term>> terms, int m, CashCategory c) {
        return CashRows.category(terms.get(m), c);
    }
}
