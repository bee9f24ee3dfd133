package com.gridpivot.api.plans;

/** OpenAPI examples of the plan endpoints (kept beside them; ApiExamples is shared with other branches). */
public final class PlanExamples {
    private PlanExamples() {
    }

    /**
     * A variant of the demo base case (scenario 1, "Base case (demo)"): the same BTC, difficulty, fees and energy, with
     * GPU rates falling 20 %/year and the demo site's "H100 cloud" option given a 12-month lead time.
     */
    public static final String SCENARIO = """
            {
              "name": "Base case, GPU rates -20 %/year",
              "description": "Demo base case (BTC $69,070, difficulty 125.86T +0.82 %/month, fees 0.587 BTC/block, HB_WEST 2024 replayed) with GPU lease rates -20 %/year",
              "btc": {"priceUsd": 69070, "annualGrowth": 0.0, "startDifficulty": 1.25864590119494e14, "difficultyGrowthPerMonth": 0.0082,
                      "feesBtcPerBlock": 0.587},
              "energy": {"node": "HB_WEST", "replayYear": 2024},
              "ai": {"gpuRateDeclinePerYear": 0.20, "colocationRateDeclinePerYear": 0.0,
                     "options": {"H100 cloud": {"leadTimeMonths": 12}}},
              "asic": {"salvageUsdPerTh": 2.0, "newPriceUsdPerTh": 14.0},
              "discountRate": 0.10
            }""";

    /** The demo site's plan up to its finance (shared by the plan run and the plan sweep examples). */
    private static final String PLAN_HEAD = """
            {
              "scenarioId": 1,
              "site": {"name": "West Texas demo", "interconnectMw": 100, "maxAiItMw": 60, "maxConversionMwPerMonth": 20},
              "asicFleets": [{"name": "S21 fleet", "model": "Antminer S21", "units": 10000, "pue": 1.05, "poolFeeFraction": 0.02},
                             {"name": "S19 XP fleet", "model": "Antminer S19 XP", "units": 8000, "pue": 1.05, "poolFeeFraction": 0.02}],
              "aiOptions": [{"name": "H100 cloud", "offering": "H100 cloud", "utilization": 0.8, "pue": 1.3, "maxItMw": 40},
                            {"name": "Colocation lease", "offering": "colocation lease", "pue": 1.3, "capexTiming": "SPREAD"}],
            """;

    /**
     * A 5-year plan funded by a priced credit line (issue 15; term loans, convertible notes and covenants are in
     * models/PLANS.md and the README's finance table).
     */
    public static final String PLAN_REQUEST = PLAN_HEAD + """
              "finance": {"startingCashUsd": 2.0e7, "treasuryBtc": 1800,
                          "revolvingCredit": {"limitUsd": 1.0e8, "interestRatePerYear": 0.09, "commitmentFeePerYear": 0.005}},
              "startMonth": "2026-07",
              "months": 60
            }""";

    /** The plan the sweep example varies: the plan run's example. */
    private static final String SWEPT_PLAN = PLAN_HEAD + """
              "finance": {"startingCashUsd": 2.0e7, "treasuryBtc": 1800,
                          "revolvingCredit": {"limitUsd": 1.0e8, "interestRatePerYear": 0.09, "commitmentFeePerYear": 0.005}},
              "startMonth": "2026-07",
              "months": 60
            }""";

    /** A plan swept over the BTC price path, with the frontier and a tornado of every input that applies. */
    public static final String PLAN_SWEEP_REQUEST = "{\"plan\": " + SWEPT_PLAN + """
            ,
             "axes": [{"input": "BTC_PRICE_SCALE", "from": 0.4, "to": 2.0, "points": 17}],
             "tornado": {"deltaFraction": 0.2}}""";

    /** The comparison's fields without the opening brace, shared by the comparison and the board pack. */
    private static final String COMPARE_FIELDS = """
              "problem": {"scenarioId": 1, "site": {"name": "West Texas demo", "interconnectMw": 100},
                          "asicFleets": [{"name": "S21 fleet", "model": "Antminer S21", "units": 10000, "pue": 1.05},
                                         {"name": "S19 XP fleet", "model": "Antminer S19 XP", "units": 8000, "pue": 1.05}],
                          "aiOptions": [{"name": "Colocation lease", "offering": "colocation lease", "pue": 1.3}],
                          "startMonth": "2026-07", "months": 60},
              "plans": [
                {"name": "stay on Bitcoin", "aiStartsMw": []},
                {"name": "convert 50 MW in 2027-Q2", "aiStartsMw": [{"name": "Colocation lease", "month": "2027-Q2", "amount": 50}]},
                {"name": "full pivot by 2028", "aiStartsMw": [{"name": "Colocation lease", "month": "2027-01", "amount": 76}],
                 "asicRetiredMw": [{"name": "S21 fleet", "month": "2027-01", "amount": 35}, {"name": "S19 XP fleet", "month": "2027-01", "amount": 24.256}]}
              ]
            }""";

    public static final String COMPARE_REQUEST = "{\n" + COMPARE_FIELDS;

    /** The comparison above with a title: the body of POST /api/v1/reports/board-pack.pdf. */
    public static final String BOARD_PACK_REQUEST = "{\n  \"title\": \"West Texas demo: convert to AI or stay on Bitcoin?\",\n" + COMPARE_FIELDS;
}
