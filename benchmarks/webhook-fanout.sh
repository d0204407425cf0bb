#!/usr/bin/env bash
# Webhook fan-out benchmark (operations.md, benchmark 1). Starts Patchbay on H2 (default)
# or on a fresh PostgreSQL database (DB=postgresql), runs the load driver of
# benchmarks/drivers in a separate JVM, and prints deliveries/s sustained, event-to-receipt
# p50/p99 at PACED events/s, and the raw signed-POST rate to the same receivers.
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIBERS=${SUBSCRIBERS:-4}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-15}
PACED=${PACED:-500}
PORT=${PORT:-18082}
./mvnw -B -q -f benchmarks/drivers/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
. benchmarks/server.sh
"$JAVA" -cp "benchmarks/drivers/target/classes:$(cat benchmarks/drivers/target/classpath.txt)" \
  io.patchbay.benchmarks.FanoutBenchmark "$base" "bench@example.com:$password" "$SUBSCRIBERS" \
  "$SECONDS_PER_PHASE" "$PACED"
