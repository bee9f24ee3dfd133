package com.gridpivot.planning.input;

import com.gridpivot.optimization.input.FieldChecks;
import com.gridpivot.planning.input.PlanRequest.DepreciationInput;
import com.gridpivot.planning.input.PlanRequest.TaxInput;
import com.gridpivot.planning.input.PlanTax.Depreciation;
import com.gridpivot.planning.input.PlanTax.Schedule;

/** Validates {@code finance.tax} (issue 15, item 3) into a {@link PlanTax}, every error naming its field. */
final class TaxInputs {
    static final int MAX_LIFE_YEARS = 100;

    private TaxInputs() {
    }

    /** @param treasuryBtc finance.treasuryBtc (a cost basis is then required) */
    static PlanTax resolve(TaxInput in, double treasuryBtc, FieldChecks c) {
        String f = "finance.tax";
        double rate = c.required(f + ".incomeTaxRateShare", in.incomeTaxRateShare(), 0.0, 1.0, "(a share: 0.21 = 21 %)");
        var dep = in.depreciation();
        Depreciation asics = depreciation(c, f + ".depreciation.asics", dep == null ? null : dep.asics(), PlanTax.DEFAULT_ASIC_LIFE_YEARS);
        Depreciation gpus = depreciation(c, f + ".depreciation.gpus", dep == null ? null : dep.gpus(), PlanTax.DEFAULT_GPU_LIFE_YEARS);
        Depreciation buildings = depreciation(c, f + ".depreciation.buildings", dep == null ? null : dep.buildings(),
                PlanTax.DEFAULT_BUILDING_LIFE_YEARS);
        double buildingsShare = c.optional(f + ".buildingsShareOfAiCapex", in.buildingsShareOfAiCapex(), 0.0, 0.0, 1.0, "(a share)");
        boolean carry = in.lossCarryForward() == null || in.lossCarryForward();
        double limit = c.optional(f + ".lossUseLimitShare", in.lossUseLimitShare(), 1.0, 0.0, 1.0, "(a share)");
        double opening = c.optional(f + ".openingLossUsd", in.openingLossUsd(), 0.0, 0.0, FinancingInputs.MAX_USD, "USD");
        if (!carry && in.openingLossUsd() != null && in.openingLossUsd() > 0.0) {
            c.error(f + ".openingLossUsd", "a loss carried in needs lossCarryForward = true (it is false)");
        }
        if (!carry && in.lossUseLimitShare() != null) {
            c.error(f + ".lossUseLimitShare", "limits the use of carried losses: only with lossCarryForward = true (it is false)");
        }
        Double basis = null;
        if (in.btcCostBasisUsdPerBtc() != null) {
            basis = c.range(f + ".btcCostBasisUsdPerBtc", in.btcCostBasisUsdPerBtc(), 0.0, 1e8, "USD per BTC");
        } else if (treasuryBtc > 0.0) {
            c.error(f + ".btcCostBasisUsdPerBtc", "is required with finance.treasuryBtc > 0: the gain on a BTC sold is its price less this"
                    + " basis (USD per BTC), taxed as income");
        }
        return new PlanTax(rate, asics, gpus, buildings, buildingsShare, carry, limit, opening, basis);
    }

    private static Depreciation depreciation(FieldChecks c, String f, DepreciationInput in, int defaultLife) {
        if (in == null) {
            return new Depreciation(Schedule.STRAIGHT_LINE, defaultLife, 0.0);
        }
        Schedule schedule = c.choice(f + ".schedule", in.schedule(), Schedule.class, Schedule.STRAIGHT_LINE);
        int life = c.wholeNumber(f + ".lifeYears", in.lifeYears(), defaultLife, 1, MAX_LIFE_YEARS);
        if (schedule != Schedule.STRAIGHT_LINE && in.lifeYears() != null) {
            c.error(f + ".lifeYears", "is the straight-line life: " + schedule + " fixes its own recovery period; leave lifeYears out");
        }
        double bonus = c.optional(f + ".bonusShare", in.bonusShare(), 0.0, 0.0, 1.0, "(a share)");
        return new Depreciation(schedule, life, bonus);
    }
}
