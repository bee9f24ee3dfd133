#!/usr/bin/env bash
# Heap and RSS of the packaged service (issue 12, item 14), on loopback with the demo data:
#   planner: 5 one-year what-ifs on stored data, a 5-year plan run, an XLSX export, one after the other;
#   busy:    then for SECONDS_BUSY seconds, CLIENTS clients posting small what-ifs and 2 clients running 5-year plans.
# Peak heap in use and the live heap (after a full GC) come from the GC log; peak RSS is VmHWM.
# Usage: bench/memory/run-memory.sh [max-heap, e.g. 1g; empty = the JVM default] [seconds-busy] [clients]
# Appends to bench/results/memory.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
XMX=${1:-}
SECONDS_BUSY=${2:-60}
CLIENTS=${3:-16}
PORT=${PORT:-8092}
ADMIN=mem-admin-$(date +%s)
OUT=bench/results/memory.txt
BASE=http://127.0.0.1:$PORT
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package

DATA=$(mktemp -d)
GCLOG=target/memory-gc-${XMX:-default}.log
HEAP_OPTS=()
[ -n "$XMX" ] && HEAP_OPTS=(-Xmx"$XMX")
GRIDPIVOT_DB_URL="jdbc:h2:file:$DATA/mem;DB_CLOSE_ON_EXIT=FALSE" GRIDPIVOT_ADMIN_KEY=$ADMIN \
  java "${HEAP_OPTS[@]}" -Xlog:gc:file="$GCLOG" -Dquarkus.http.port=$PORT -Dgridpivot.auth.requests-per-second-per-key=100000 -Dgridpivot.auth.requests-per-second-per-address=0 \
  -Dgridpivot.auth.burst-per-key=100000 -jar target/quarkus-app/quarkus-run.jar > target/memory-server.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do curl -sf "$BASE/q/health/ready" > /dev/null && break; sleep 1; done
curl -sf "$BASE/q/health/ready" > /dev/null || { echo "service not ready"; exit 1; }
# the demo data load in the background (check demo-data in /q/health/ready)
for _ in $(seq 1 600); do curl -s "$BASE/q/health/ready" | grep -qE '"state" *: *"(LOADED|SKIPPED|FAILED)"' && break; sleep 1; done
H=(-H "X-API-Key: $ADMIN" -H 'Content-Type: application/json')

WHATIF_YEAR='{"siteId": 1, "market": {"energyPriceSeries": {"node": "HB_WEST", "from": "2024-01-01", "to": "2025-01-01"}, "hashpriceSeries": {"key": "derived"}}}'
WHATIF_DAY='{"site": {"interconnectMw": 100, "maxAiItMw": 50}, "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 20000, "pue": 1.05, "poolFeeFraction": 0.02}], "aiOptions": [{"name": "colo", "offering": "colocation lease"}], "market": {"energyPricesUsdPerMwh": [23.6, 22.09, 21.26, 20.88, 21.24, 23.35, 25.51, 20.18, 15.08, 15.44, 19.68, 26.24, 38.38, 54.66, 68.06, 85.24, 101.39, 129.71, 202.81, 867.9, 428.94, 105.65, 40.37, 32.02], "hashpriceUsdPerPhDay": 45.0}}'
PLAN='{"scenarioId": 1, "site": {"interconnectMw": 100}, "startMonth": "2026-07", "months": 60, "asicFleets": [{"name": "S21", "model": "Antminer S21", "units": 20000, "pue": 1.05}], "aiOptions": [{"name": "colo", "offering": "colocation lease", "pue": 1.3}]}'

plan_run() {  # POST a plan run and wait for its end
  local loc
  loc=$(curl -s -o /dev/null -w '%header{location}' "${H[@]}" -d "$PLAN" "$BASE/api/v1/plans/runs")
  for _ in $(seq 1 600); do
    curl -s "${H[@]}" "$loc" | grep -qE '"status":"(QUEUED|RUNNING)"' || return 0
    sleep 0.5
  done
}

rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$PID/status; }
hwm() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$PID/status; }
# peak heap in use (before a GC) and the most that survived a GC, MB, from the GC log lines "…  512M->100M(1024M) …"
heap_stats() {
  grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$GCLOG" | awk -F'[M>(-]+' \
    '{ if ($1 > peak) peak = $1; if ($2 > live) live = $2; cap = $3 } END { printf "heap peak in use %d MB, most after a GC %d MB, heap size %d MB", peak, live, cap }'
}
live_heap() {  # heap after a full GC, MB
  jcmd $PID GC.run > /dev/null
  sleep 1
  grep -oE 'Pause Full \(Diagnostic Command\) [0-9]+M->[0-9]+M' "$GCLOG" | tail -1 | sed -E 's/.*->([0-9]+)M/\1/'
}

{
  echo "# GridPivot memory, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)"
  echo "# command: bench/memory/run-memory.sh '${XMX}' $SECONDS_BUSY $CLIENTS   (max heap: ${XMX:-JVM default, 1/4 of RAM})"
  echo "started (demo data loaded): RSS $(rss) MB, peak RSS $(hwm) MB, live heap $(live_heap) MB"
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null "${H[@]}" -d "$WHATIF_YEAR" "$BASE/api/v1/allocations"; done
  plan_run
  RUN=$(curl -sf "${H[@]}" "$BASE/api/v1/allocation-runs?size=1" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')
  curl -sf -o /dev/null "${H[@]}" "$BASE/api/v1/allocation-runs/$RUN/export.xlsx"
  echo "planner (5 one-year what-ifs, a 5-year plan run, an XLSX export): RSS $(rss) MB, peak RSS $(hwm) MB, $(heap_stats), live heap $(live_heap) MB"
  END=$((SECONDS + SECONDS_BUSY))
  n=0
  for c in $(seq 1 "$CLIENTS"); do
    ( while [ $SECONDS -lt $END ]; do curl -s -o /dev/null "${H[@]}" -d "$WHATIF_DAY" "$BASE/api/v1/allocations"; done ) &
  done
  for c in 1 2; do
    ( while [ $SECONDS -lt $END ]; do plan_run; done ) &
  done
  wait
  n=$(curl -sf "$BASE/q/metrics" | grep -E '^http_server_requests_seconds_count\{.*method="POST".*uri="/api/v1/allocations"' | awk '{s += $2} END {print s}')
  echo "busy ($SECONDS_BUSY s, $CLIENTS what-if clients and 2 plan clients; $n what-ifs in all): RSS $(rss) MB, peak RSS $(hwm) MB, $(heap_stats), live heap $(live_heap) MB"
} | tee -a "$OUT"
