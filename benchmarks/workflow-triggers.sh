#!/usr/bin/env bash
# Workflow trigger benchmark (operations.md, benchmark 3). Starts Patchbay on H2 (default)
# or on a fresh PostgreSQL database (DB=postgresql), publishes WORKFLOWS workflows that each
# post the value they are sent into one of CHANNELS group chats, and triggers them through
# POST /hooks/workflows/{secret} from a separate JVM: RATE per second (open loop), or with
# RATE=0 from CONCURRENCY senders as fast as they are answered. Prints triggers accepted and
# runs completed per second, and p50/p99 from the trigger to the message on a member's event
# stream, after WARMUP seconds (default 60) of the same load so that the JIT has compiled
# the hot paths. Keep WORKFLOWS above the rate: each workflow accepts 1 request per second.
set -euo pipefail
cd "$(dirname "$0")/.."
WORKFLOWS=${WORKFLOWS:-2000}
CHANNELS=${CHANNELS:-50}
RATE=${RATE:-1000}
CONCURRENCY=${CONCURRENCY:-64}
SECONDS_TO_RUN=${SECONDS_TO_RUN:-20}
WARMUP=${WARMUP:-60}
PORT=${PORT:-18084}
./mvnw -B -q -f benchmarks/drivers/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
. benchmarks/server.sh
"$JAVA" -cp "benchmarks/drivers/target/classes:$(cat benchmarks/drivers/target/classpath.txt)" \
  io.patchbay.benchmarks.WorkflowTriggerBenchmark "$base" "bench@example.com:$password" "$WORKFLOWS" \
  "$CHANNELS" "$RATE" "$CONCURRENCY" "$SECONDS_TO_RUN" "$WARMUP"
