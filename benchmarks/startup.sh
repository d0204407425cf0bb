#!/usr/bin/env bash
# Start-up benchmark (operations.md, benchmark 5): time from `java -jar` to
# /actuator/health answering UP, and resident memory once ready, in embedded mode.
# A first start (empty data dir: migrations, key and administrator created) and a
# restart (existing data dir) are measured RUNS times each.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
PORT=${PORT:-18080}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f target/patchbay.jar ] || ./mvnw -B -q -DskipTests package
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

measure() {
  local label=$1
  local start end pid
  start=$(date +%s%N)
  SERVER_PORT=$PORT PATCHBAY_DATA_DIR="$data" "$JAVA" -jar target/patchbay.jar >"$data/log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "Patchbay exited; see $data/log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  echo "$label: $(( (end - start) / 1000000 )) ms to ready, RSS $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

for i in $(seq 1 "$RUNS"); do
  rm -rf "${data:?}"/*
  measure "first start $i"
  measure "restart $i"
done
