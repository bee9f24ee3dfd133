-- wrk script: POST a small what-if (24 hours, one fleet, one AI option) with the planner key of the run.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("GRIDPIVOT_KEY")
wrk.body = [[{"site": {"interconnectMw": 100, "maxAiItMw": 50},
 "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 20000, "pue": 1.05, "poolFeeFraction": 0.02}],
 "aiOptions": [{"name": "colo", "offering": "colocation lease"}],
 "market": {"energyPricesUsdPerMwh": [23.6, 22.09, 21.26, 20.88, 21.24, 23.35, 25.51, 20.18, 15.08, 15.44, 19.68, 26.24,
   38.38, 54.66, 68.06, 85.24, 101.39, 129.71, 202.81, 867.9, 428.94, 105.65, 40.37, 32.02], "hashpriceUsdPerPhDay": 45.0}}]]

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d duration_s=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
