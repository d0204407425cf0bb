#!/usr/bin/env bash
# Webhook fan-out benchmark (operations.md, benchmark 1). Starts Patchbay on H2 (default)
# or on a fresh PostgreSQL database (DB=postgresql), runs the load driver of
# benchmarks/drivers in a separate JVM, and prints events accepted/s and deliveries/s while
# events arrive as fast as 16 clients raise them, the drain rate of the backlog left then,
# event-to-receipt p50/p99 at PACED events/s, and the raw signed-POST rate to the same
# receivers, after WARMUP seconds (default 60) at full rate so that the JIT has compiled
# the hot paths (on 2 cores its compile queue took about 80 s to drain).
# On PostgreSQL it then measures the database's own ceiling with pgbench: the
# commit rate of one post plus four outbox rows (benchmarks/outbox-commit.sql, 16 clients).
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIBERS=${SUBSCRIBERS:-4}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-15}
PACED=${PACED:-500}
WARMUP=${WARMUP:-60}
PORT=${PORT:-18082}
./mvnw -B -q -f benchmarks/drivers/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
. benchmarks/server.sh
"$JAVA" -cp "benchmarks/drivers/target/classes:$(cat benchmarks/drivers/target/classpath.txt)" \
  io.patchbay.benchmarks.FanoutBenchmark "$base" "bench@example.com:$password" "$SUBSCRIBERS" \
  "$SECONDS_PER_PHASE" "$PACED" "$WARMUP"
if [ "$DB" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -d "$database" -c "
    CREATE TABLE bench_post (LIKE post INCLUDING ALL);
    CREATE TABLE bench_delivery (LIKE webhook_delivery INCLUDING ALL);"
  pgbench -n -h 127.0.0.1 -U postgres -c 16 -j 2 -T "$SECONDS_PER_PHASE" -f benchmarks/outbox-commit.sql "$database" \
    | awk '/^tps/ { printf "pgbench, one post and four outbox rows per transaction, 16 clients: %.0f commits/s\n", $3 }'
fi
