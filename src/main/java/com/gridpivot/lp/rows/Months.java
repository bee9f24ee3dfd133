package com.gridpivot.lp.rows;

import com.gridpivot.planning.input.PlanProblem;

/** The month index of plan LP names: {@code 2027-06}. */
final class Months {
    private Months() {
    }

    static String label(PlanProblem p, int m) {
        return p.months().get(m).month().toString();
    }
}
