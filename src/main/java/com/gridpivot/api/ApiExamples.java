package com.gridpivot.api;

/** OpenAPI examples of the persistence endpoints, kept in one place. */
public final class ApiExamples {
    private ApiExamples() {
    }

    public static final String SITE_REQUEST = """
            {
              "name": "West Texas demo",
              "interconnectMw": 100,
              "maxAiItMw": 60,
              "minAiItMw": 0,
              "capexBudgetUsd": 250000000,
              "marketNode": "HB_WEST",
              "notes": "Immersion halls A-C",
              "asicFleets": [
                {"name": "S21", "model": "Antminer S21", "units": 10000, "pue": 1.05, "poolFeeFraction": 0.02},
                {"name": "S19 XP", "units": 8000, "hashrateThPerUnit": 141, "powerWPerUnit": 3032}
              ],
              "aiOptions": [
                {"name": "Colocation", "kind": "COLOCATION", "colocationUsdPerKwMonth": 130, "tenantPaysPower": true,
                 "pue": 1.3, "maxItMw": 40, "capexUsdPerMw": 10000000, "leadTimeMonths": 12},
                {"name": "H100 cloud", "offering": "H100 cloud", "leaseUsdPerGpuHour": 2.35, "utilization": 0.85}
              ]
            }""";

    public static final String PROBLEM_400 = """
            {
              "type": "https://gridpivot.dev/problems/invalid-request",
              "title": "Invalid request",
              "status": 400,
              "detail": "2 fields are invalid",
              "instance": "/api/v1/sites",
              "errors": [
                {"field": "interconnectMw", "pointer": "/interconnectMw", "reason": "must be at most 100000 MW"},
                {"field": "asicFleets[0].pue", "pointer": "/asicFleets/0/pue", "reason": "must be between 1.0 and 3.0"}
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
}
