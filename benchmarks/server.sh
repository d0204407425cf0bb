# Sourced by the benchmark scripts: builds what is missing, starts Patchbay from its jar
# on PORT, on H2 (default) or on a fresh PostgreSQL database (DB=postgresql), with a
# bootstrap administrator bench@example.com / $password, waits until it is ready, and
# stops it (dropping the database) when the script ends. Sets: JAVA, base, password,
# data. PATCHBAY_JAVA_OPTS: extra options for the server JVM only (a JFR recording);
# JAR: another build to measure (an earlier commit's jar, to compare two builds).
DB=${DB:-h2}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=${JAR:-target/patchbay.jar}
[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
data=$(mktemp -d)
password=benchmark-password-$$
server_env=(SERVER_PORT=$PORT PATCHBAY_DATA_DIR="$data" PATCHBAY_ADMIN_EMAIL=bench@example.com
  PATCHBAY_ADMIN_PASSWORD=$password PATCHBAY_GRAPH_RATE_LIMIT_PER_HOUR=1000000000)
database=""
if [ "$DB" = postgresql ]; then
  database=patchbay_bench_$$
  psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $database"
  server_env+=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$database" SPRING_DATASOURCE_USERNAME=postgres)
fi
env "${server_env[@]}" "$JAVA" ${PATCHBAY_JAVA_OPTS:-} -jar "$JAR" >"$data/log" 2>&1 &
server_pid=$!
stop_server() {
  kill $server_pid 2>/dev/null || true
  wait $server_pid 2>/dev/null || true
  [ -n "$database" ] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $database" || true
  rm -rf "$data"
}
trap stop_server EXIT
base=http://127.0.0.1:$PORT
until curl -sf "$base/actuator/health" >/dev/null; do
  kill -0 $server_pid 2>/dev/null || { echo "Patchbay exited:" >&2; tail -40 "$data/log" >&2; exit 1; }
  sleep 0.2
done
echo "Patchbay on $DB; $(nproc) cores"
