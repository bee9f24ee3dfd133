#!/usr/bin/env bash
# Load test on loopback (issue 7): 200 concurrent clients POST small what-ifs for 60 s against the packaged service.
# Two runs: (a) one planner key with its rate limit lifted, to measure throughput and latency; (b) the default
# per-key rate (20/s, burst 60), where deliberate 429s are expected. Writes bench/results/load.txt.
# Needs: wrk (apt-get install -y wrk). Usage: bench/load/run-load.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN=${1:-60}
CONNS=${2:-200}
PORT=${PORT:-8091}
ADMIN=load-admin-$(date +%s)
OUT=bench/results/load.txt
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package

run_server() {
  local rate=$1 data
  data=$(mktemp -d)
  GRIDPIVOT_DB_URL="jdbc:h2:file:$data/load;DB_CLOSE_ON_EXIT=FALSE" GRIDPIVOT_ADMIN_KEY=$ADMIN GRIDPIVOT_DEMO_DATA=false \
    java -Xmx1g -Dquarkus.http.port=$PORT -Dgridpivot.auth.requests-per-second-per-key=$rate -Dgridpivot.auth.requests-per-second-per-address=0 \
    -jar target/quarkus-app/quarkus-run.jar > target/load-server.log 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break; sleep 0.5; done
  KEY=$(curl -sf -H "X-API-Key: $ADMIN" -H 'Content-Type: application/json' \
        -d "{\"name\": \"load $rate\", \"role\": \"planner\"}" "http://127.0.0.1:$PORT/api/v1/keys" | sed 's/.*"key":"\([^"]*\)".*/\1/')
}

peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$PID/status; }

{
  echo "# GridPivot load test, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "# command: bench/load/run-load.sh $SECONDS_RUN $CONNS   (wrk -t2 -c$CONNS -d${SECONDS_RUN}s -s bench/load/whatif.lua, -Xmx1g)"
  for rate in 100000 20; do
    run_server $rate
    echo "## per-key rate limit: $rate requests/s"
    GRIDPIVOT_KEY=$KEY wrk -t2 -c"$CONNS" -d"${SECONDS_RUN}s" --timeout 10s -s bench/load/whatif.lua "http://127.0.0.1:$PORT/api/v1/allocations" \
      | grep -E "requests=|Non-2xx|Socket errors|Requests/sec"
    echo "status counts (from the service's metrics):"
    curl -sf "http://127.0.0.1:$PORT/q/metrics" | grep -E '^http_server_requests_seconds_count\{.*uri="/api/v1/allocations"' | sed 's/^/  /' || true
    curl -sf "http://127.0.0.1:$PORT/q/metrics" | grep -E '^gridpivot_requests_rejected_total' | sed 's/^/  /' || true
    echo "peak RSS of the service: $(peak_rss_mb) MB"
    kill $PID; wait $PID 2>/dev/null || true
  done
} | tee "$OUT"
