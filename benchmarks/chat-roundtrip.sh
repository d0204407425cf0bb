#!/usr/bin/env bash
# Chat round-trip benchmark (operations.md, benchmark 4). Starts Patchbay on H2 (default)
# or on a fresh PostgreSQL database (DB=postgresql), runs the driver of benchmarks/drivers
# in a separate JVM with CONVERSATIONS members each chatting with one bot that answers at
# once (each member writing every PACE_MS, or as fast as answers come with PACE_MS=0), and
# prints round trips per second and p50/p99 from a member's message to the bot's answer
# on the member's event stream.
set -euo pipefail
cd "$(dirname "$0")/.."
CONVERSATIONS=${CONVERSATIONS:-50}
SECONDS_TO_RUN=${SECONDS_TO_RUN:-20}
# PACE_MS: each conversation writes every PACE_MS (0: again as soon as its answer came)
PACE_MS=${PACE_MS:-1000}
PORT=${PORT:-18083}
./mvnw -B -q -f benchmarks/drivers/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
. benchmarks/server.sh
"$JAVA" -Dsun.net.httpserver.nodelay=true -cp "benchmarks/drivers/target/classes:$(cat benchmarks/drivers/target/classpath.txt)" \
  io.patchbay.benchmarks.ChatRoundTripBenchmark "$base" "bench@example.com:$password" "$CONVERSATIONS" \
  "$SECONDS_TO_RUN" "$PACE_MS"
