#!/usr/bin/env bash
# Webhook fan-out benchmark (operations.md, benchmark 1). Starts Patchbay on H2 (default)
# or on a fresh PostgreSQL database (DB=postgresql), runs the load driver of
# benchmarks/drivers in a separate JVM, and prints deliveries/s sustained, event-to-receipt
# p50/p99 at PACED events/s, and the raw signed-POST rate to the same receivers.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-h2}
SUBSCRIBERS=${SUBSCRIBERS:-4}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-15}
PACED=${PACED:-500}
PORT=${PORT:-18082}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f target/patchbay.jar ] || ./mvnw -B -q -DskipTests package
./mvnw -B -q -f benchmarks/drivers/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
data=$(mktemp -d)
password=benchmark-password-$$
env=(SERVER_PORT=$PORT PATCHBAY_DATA_DIR="$data" PATCHBAY_ADMIN_EMAIL=bench@example.com
     PATCHBAY_ADMIN_PASSWORD=$password PATCHBAY_GRAPH_RATE_LIMIT_PER_HOUR=1000000000)
database=""
if [ "$DB" = postgresql ]; then
  database=patchbay_bench_$$
  psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $database"
  env+=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$database" SPRING_DATASOURCE_USERNAME=postgres)
fi
# PATCHBAY_JAVA_OPTS: extra options for the server JVM only, such as a JFR recording
env "${env[@]}" "$JAVA" ${PATCHBAY_JAVA_OPTS:-} -jar target/patchbay.jar >"$data/log" 2>&1 &
pid=$!
cleanup() {
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  [ -n "$database" ] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $database" || true
  rm -rf "$data"
}
trap cleanup EXIT
base=http://127.0.0.1:$PORT
until curl -sf "$base/actuator/health" >/dev/null; do sleep 0.2; done
echo "Patchbay on $DB; $(nproc) cores"
"$JAVA" -cp "benchmarks/drivers/target/classes:$(cat benchmarks/drivers/target/classpath.txt)" \
  io.patchbay.benchmarks.FanoutBenchmark "$base" "bench@example.com:$password" "$SUBSCRIBERS" \
  "$SECONDS_PER_PHASE" "$PACED"
