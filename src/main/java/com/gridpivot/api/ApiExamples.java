package com.gridpivot.api;

/**
 * The worked examples shown in the OpenAPI document, kept in one place. The allocation example uses the real
 * ERCOT HB_WEST day-ahead prices of 2024-08-06 (Central time), a day with a $868/MWh evening spike; its answer
 * below is what the service returns for it (checked by ApiExamplesTest).
 */
public final class ApiExamples {
    private ApiExamples() {
    }

    public static final String ALLOCATION_REQUEST = """
            {
              "site": {"name": "West Texas", "interconnectMw": 100, "maxAiItMw": 50, "minAiItMw": 0, "capexBudgetUsd": 6.0e8},
              "asicFleets": [
                {"name": "S21", "model": "Antminer S21", "units": 20000, "pue": 1.05, "poolFeeFraction": 0.02,
                 "variableOpexUsdPerMwh": 3, "fixedOpexUsdPerMwYear": 20000},
                {"name": "S19 XP", "model": "Antminer S19 XP", "units": 8000, "pue": 1.05, "poolFeeFraction": 0.02}
              ],
              "aiOptions": [
                {"name": "H100", "offering": "H100 cloud", "kwPerGpu": 1.275, "leaseUsdPerGpuHour": 2.35, "utilization": 0.8,
                 "pue": 1.3, "maxItMw": 40, "capexUsdPerMw": 3.2e7, "variableOpexUsdPerMwh": 40, "fixedOpexUsdPerMwYear": 250000},
                {"name": "colo", "colocationUsdPerKwMonth": 140, "tenantPaysPower": true, "pue": 1.3, "capexUsdPerMw": 9.5e6},
                {"name": "flat", "revenueUsdPerMwh": 190, "pue": 1.4, "maxItMw": 5}
              ],
              "market": {
                "energyPricesUsdPerMwh": [23.6, 22.09, 21.26, 20.88, 21.24, 23.35, 25.51, 20.18, 15.08, 15.44, 19.68, 26.24,
                                          38.38, 54.66, 68.06, 85.24, 101.39, 129.71, 202.81, 867.9, 428.94, 105.65, 40.37, 32.02],
                "hashpriceUsdPerPhDay": 45.0
              },
              "finance": {"discountRate": 0.10, "capexRecoveryYears": 5},
              "solver": "GLOP"
            }""";

    public static final String ALLOCATION_RESPONSE = """
            {
              "status": "OPTIMAL",
              "allocation": {
                "asicItMw": {
                  "S21": 70.0,
                  "S19 XP": 2.02381
                },
                "aiItMw": {
                  "H100": 18.75,
                  "colo": 0.0,
                  "flat": 0.0
                },
                "totalAsicItMw": 72.0238,
                "totalAiItMw": 18.75,
                "peakFacilityMw": 100.0
              },
              "economics": {
                "netUsd": 224762.0,
                "miningRevenueUsd": 135240.0,
                "aiRevenueUsd": 663529.0,
                "energyCostUsd": 101909.0,
                "capexChargeUsd": 433640.0,
                "opexUsd": 38458.1,
                "revenuePerItMwhUsd": {
                  "mining": 104.48,
                  "H100": 1474.51,
                  "colo": 191.781,
                  "flat": 190.0
                }
              },
              "dispatch": {
                "S21": {
                  "capacityMw": 70.0,
                  "energyMwh": 1260.0,
                  "capacityFactor": 0.75,
                  "curtailedHours": 6,
                  "revenueUsd": 132300.0,
                  "maxRunMw": 70.0,
                  "idleMw": 0.0,
                  "idleReason": "NONE",
                  "payingHours": 18,
                  "idleNote": "S21 fleet: all 70.00 MW installed run in its best hours (it pays in 18 of 24 hours)."
                },
                "S19 XP": {
                  "capacityMw": 24.256,
                  "energyMwh": 34.4048,
                  "capacityFactor": 0.708333,
                  "curtailedHours": 7,
                  "revenueUsd": 2939.92,
                  "maxRunMw": 2.02381,
                  "idleMw": 22.2322,
                  "idleReason": "INTERCONNECT",
                  "payingHours": 17,
                  "idleNote": "S19 XP fleet: 24.26 MW installed, at most 2.02 MW run and 22.23 MW stay idle: the 100 MW interconnect is full in every hour the fleet pays (it pays in 17 of 24 hours); there AI racks take 24.38 MW and fleets that earn as much or more per MW of site power take 73.50 MW of site power."
                }
              },
              "breakeven": {
                "S21": {
                  "energyPriceUsdPerMwh": 97.1429,
                  "hashpriceUsdPerPhDay": 46.4672
                },
                "S19 XP": {
                  "energyPriceUsdPerMwh": 81.3819,
                  "hashpriceUsdPerPhDay": 55.5179
                }
              },
              "shadowPrices": {
                "interconnectUsdPerMw": 895.453,
                "maxAiItUsdPerMw": 0.0,
                "minAiItUsdPerMw": 0.0,
                "capexBudgetUsdPerUsd": 0.000197474
              },
              "bindingConstraints": [
                "Interconnect: the 100 MW limit is fully used in 17 of 24 hours; one more MW of interconnect is worth $895 over the horizon ($326,840 per year).",
                "Capex budget: the $600,000,000 budget is spent; each extra dollar of capex budget would add $0.0002 of net value.",
                "S21: the whole fleet (70.00 MW of IT) runs in its best hours; more machines would earn more."
              ],
              "solver": {
                "name": "GLOP",
                "wallMs": 4.1,
                "buildMs": 0.9,
                "solveMs": 1.4,
                "variables": 7,
                "constraints": 7,
                "hourAggregation": "EXACT",
                "hours": 24,
                "hourBlocks": 3
              },
              "warnings": []
            }""";

    public static final String PROBLEM_400 = """
            {
              "type": "https://gridpivot.dev/problems/invalid-request",
              "title": "Invalid request",
              "status": 400,
              "detail": "2 fields are invalid",
              "instance": "/api/v1/allocations",
              "errors": [
                {"field": "site.interconnectMw", "pointer": "/site/interconnectMw", "reason": "must not be negative (got -5)"},
                {"field": "asicFleets[0].model", "pointer": "/asicFleets/0/model", "reason": "unknown ASIC model 'Antminer S99'; see GET /api/v1/catalog/asic-models"}
              ]
            }""";

    public static final String ASIC_MODELS = """
            [{"name": "Antminer S21", "manufacturer": "Bitmain", "hashrateThPerUnit": 200, "powerWPerUnit": 3500, "jPerTh": 17.5,
              "cooling": "air", "source": "Bitmain spec sheet; DOMAIN.md table"}]""";

    public static final String AI_OFFERINGS = """
            [{"name": "colocation lease", "kind": "COLOCATION", "kwPerGpu": null, "leaseUsdPerGpuHour": null, "colocationUsdPerKwMonth": 140,
              "tenantPaysPower": true, "pue": 1.3, "capexUsdPerMw": 9.5e6, "leadTimeMonths": 12, "source": "Published deals …"}]""";

    public static final String SHUTDOWN_PRICE = """
            {"shutdownBtcPriceUsd": 67270.26, "btcPerThDay": 4.994778e-7, "costUsdPerThDay": 0.0336,
             "inputs": {"model": "Antminer S21", "jPerTh": 17.5, "electricityUsdPerKwh": 0.08, "difficulty": 1.2586e14,
                        "feesBtcPerBlock": 0.0, "subsidyBtc": 3.125, "pue": 1.0}}""";

    /**
     * A second site beside the demo site "West Texas demo" (a new name, so it is created on a fresh install), with
     * the demo site's fleet and option names.
     */
    public static final String SITE_REQUEST = """
            {
              "name": "West Texas phase 2",
              "interconnectMw": 100,
              "maxAiItMw": 60,
              "minAiItMw": 0,
              "capexBudgetUsd": 250000000,
              "marketNode": "HB_WEST",
              "notes": "Immersion halls A-C",
              "asicFleets": [
                {"name": "S21 fleet", "model": "Antminer S21", "units": 10000, "pue": 1.05, "poolFeeFraction": 0.02},
                {"name": "S19 XP fleet", "units": 8000, "hashrateThPerUnit": 141, "powerWPerUnit": 3032}
              ],
              "aiOptions": [
                {"name": "Colocation lease", "kind": "COLOCATION", "colocationUsdPerKwMonth": 130, "tenantPaysPower": true,
                 "pue": 1.3, "maxItMw": 40, "capexUsdPerMw": 10000000, "leadTimeMonths": 12},
                {"name": "H100 cloud", "offering": "H100 cloud", "leaseUsdPerGpuHour": 2.35, "utilization": 0.85}
              ]
            }""";

    /**
     * The demo site "West Texas demo" as the demo data stores it (DemoDataLoader), sent back whole: a PUT replaces the
     * site's fields and its lists; add {@code "version"} (the one last read) to guard against concurrent edits.
     */
    public static final String SITE_REPLACE = """
            {
              "name": "West Texas demo",
              "interconnectMw": 100,
              "marketNode": "HB_WEST",
              "notes": "Demo site loaded on first start (GridPivot demo data; prices: ERCOT HB_WEST real-time 2023-2024).",
              "asicFleets": [
                {"name": "S21 fleet", "model": "Antminer S21", "units": 10000, "pue": 1.05, "poolFeeFraction": 0.02},
                {"name": "S19 XP fleet", "model": "Antminer S19 XP", "units": 8000, "pue": 1.05, "poolFeeFraction": 0.02}
              ],
              "aiOptions": [
                {"name": "Colocation lease", "offering": "colocation lease"},
                {"name": "H100 cloud", "offering": "H100 cloud", "utilization": 0.8, "maxItMw": 40}
              ]
            }""";

    public static final String PROBLEM_404 = """
            {
              "type": "https://gridpivot.dev/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "no site with id 42",
              "instance": "/api/v1/sites/42"
            }""";

    public static final String PROBLEM_409 = """
            {
              "type": "https://gridpivot.dev/problems/conflict",
              "title": "Conflict",
              "status": 409,
              "detail": "name: a site named 'West Texas demo' already exists (id 1)",
              "instance": "/api/v1/sites",
              "errors": [{"field": "name", "pointer": "/name", "reason": "a site named 'West Texas demo' already exists (id 1)"}]
            }""";

    public static final String SERIES_PAGE = """
            {
              "page": 0, "size": 20, "totalItems": 1, "totalPages": 1,
              "items": [{"id": 7, "kind": "ENERGY_PRICE", "key": "HB_WEST", "unit": "USD/MWh", "resolutionSeconds": 3600,
                         "source": "ercot_fluxcore/HB_WEST_2024-01.json", "importedAt": "2026-05-01T12:00:00Z",
                         "firstStart": "2023-01-01T06:00:00Z", "lastStart": "2024-12-31T05:00:00Z", "pointCount": 17544}]
            }""";

    public static final String SERIES_POINTS = """
            {
              "seriesId": 7, "kind": "ENERGY_PRICE", "key": "HB_WEST", "unit": "USD/MWh", "resolutionSeconds": 3600,
              "points": [{"intervalStart": "2024-01-01T00:00:00Z", "intervalEnd": "2024-01-01T01:00:00Z", "value": 21.37}]
            }""";

    public static final String SERIES_CSV = """
            interval_start,interval_end,value
            2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,21.37
            2024-01-01T01:00:00Z,2024-01-01T02:00:00Z,19.8
            """;

    public static final String SWEEP_REQUEST = """
            {
              "allocation": {
                "site": {"name": "West Texas", "interconnectMw": 100, "maxAiItMw": 50},
                "asicFleets": [{"name": "S21 fleet", "model": "Antminer S21", "units": 20000, "pue": 1.05, "poolFeeFraction": 0.02}],
                "aiOptions": [{"name": "Colocation lease", "offering": "colocation lease"}],
                "market": {"energyPriceUsdPerMwh": 40, "hours": 8760, "hashpriceUsdPerPhDay": 45}
              },
              "baseBtcPriceUsd": 90000,
              "axes": [{"input": "BTC_PRICE_USD", "from": 40000, "to": 150000, "points": 23}],
              "tornado": {"deltaFraction": 0.2}
            }""";
}
