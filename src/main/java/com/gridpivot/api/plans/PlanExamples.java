package com.gridpivot.api.plans;

/** OpenAPI examples of the plan endpoints (kept beside them; ApiExamples is shared with other branches). */
public final class PlanExamples {
    private PlanExamples() {
    }

    public static final String SCENARIO = """
            {
              "name": "Base 2026",
              "description": "BTC flat at 65k, difficulty +2 %/month, HB_WEST 2024 replayed, GPU rates -20 %/year",
              "btc": {"priceUsd": 65000, "annualGrowth": 0.0, "startDifficulty": 1.2586e14, "difficultyGrowthPerMonth": 0.02,
                      "feesBtcPerBlock": 0.025},
              "energy": {"node": "HB_WEST", "replayYear": 2024, "annualEscalation": 0.02},
              "ai": {"gpuRateDeclinePerYear": 0.20, "colocationRateDeclinePerYear": 0.0,
                     "options": {"H100": {"capexUsdPerMw": 3.2e7, "leadTimeMonths": 12}}},
              "asic": {"salvageUsdPerTh": 2.0, "newPriceUsdPerTh": 14.0},
              "discountRate": 0.10
            }""";

    public static final String PLAN_REQUEST = """
            {
              "scenarioId": 1,
              "site": {"name": "West Texas", "interconnectMw": 100, "maxAiItMw": 60, "maxConversionMwPerMonth": 20},
              "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 20000, "pue": 1.05, "poolFeeFraction": 0.02}],
              "aiOptions": [{"name": "H100", "offering": "H100 cloud", "utilization": 0.8, "pue": 1.3, "maxItMw": 40},
                            {"name": "colo", "offering": "colocation lease", "pue": 1.3, "capexTiming": "SPREAD"}],
              "finance": {"startingCashUsd": 2.0e7, "creditLineUsd": 1.0e8, "treasuryBtc": 1800},
              "startMonth": "2026-07",
              "months": 60
            }""";

    /** A plan swept over the BTC price path, with the frontier and a tornado of every input that applies. */
    public static final String PLAN_SWEEP_REQUEST = "{\"plan\": " + PLAN_REQUEST + """
            ,
             "axes": [{"input": "BTC_PRICE_SCALE", "from": 0.4, "to": 2.0, "points": 17}],
             "tornado": {"deltaFraction": 0.2}}""";

    public static final String COMPARE_REQUEST = """
            {
              "problem": {"scenarioId": 1, "site": {"interconnectMw": 100},
                          "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 20000, "pue": 1.05}],
                          "aiOptions": [{"name": "colo", "offering": "colocation lease", "pue": 1.3}],
                          "startMonth": "2026-07", "months": 60},
              "plans": [
                {"name": "stay on Bitcoin", "aiStartsMw": []},
                {"name": "convert 50 MW in 2027-Q2", "aiStartsMw": [{"name": "colo", "month": "2027-Q2", "amount": 50}]},
                {"name": "full pivot by 2028", "aiStartsMw": [{"name": "colo", "month": "2027-01", "amount": 76}],
                 "asicRetiredMw": [{"name": "S21", "month": "2027-01", "amount": 70}]}
              ]
            }""";
}
