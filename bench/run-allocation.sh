#!/usr/bin/env bash
# End-to-end allocation benchmark: packages the service, starts it on 127.0.0.1:8089 with a throw-away H2 database,
# times POST /api/v1/allocations beside the in-process engine and scipy's HiGHS (bench/results/allocation.csv), then the
# 200-point sweep and the five-year plan job through the API (bench/results/api.csv).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8089}
./mvnw -B -q -DskipTests package
DATA=$(mktemp -d)
KEY=bench-admin-$(date +%s)
GRIDPIVOT_DB_URL="jdbc:h2:file:$DATA/bench;DB_CLOSE_ON_EXIT=FALSE" GRIDPIVOT_DEMO_DATA=false GRIDPIVOT_ADMIN_KEY=$KEY \
  java -Xmx2g -Dquarkus.http.port=$PORT -Dgridpivot.auth.requests-per-second-per-key=100000 -Dgridpivot.auth.requests-per-second-per-address=0 \
  -jar target/quarkus-app/quarkus-run.jar > target/bench-server.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
  sleep 0.5
done
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -Xmx2g -cp "$CP" com.gridpivot.bench.AllocationBenchmark --url "http://127.0.0.1:$PORT" --key "$KEY" --out bench/results/allocation.csv
java -Xmx1g -cp "$CP" com.gridpivot.bench.ApiBenchmark --url "http://127.0.0.1:$PORT" --key "$KEY"
java -cp "$CP" com.gridpivot.bench.BenchmarkSummary bench/results
