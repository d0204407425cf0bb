#!/usr/bin/env bash
# Graph API benchmark (operations.md, benchmark 2): GET /graph/me with an access token
# and appsecret_proof, beside a static file of the same server, in the same run, driven
# by wrk from a separate process. Prints requests/s and p99 of each and the gateway's
# share of the static throughput. Needs wrk (apt-get install wrk), curl and openssl.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18081}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
. benchmarks/server.sh

admin=(-s -u "bench@example.com:$password" -H 'Content-Type: application/json')
id=$(curl "${admin[@]}" -d '{"name":"Benchmark bot","kind":"BOT"}' "$base/api/admin/integrations" | sed -E 's/.*"id":"([0-9]+)".*/\1/')
token=$(curl "${admin[@]}" -X POST "$base/api/admin/integrations/$id/access-token" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
secret=$(curl "${admin[@]}" "$base/api/admin/integrations/$id/app-secret" | sed -E 's/.*"appSecret":"([^"]+)".*/\1/')
curl "${admin[@]}" -X PUT -d '{"requireAppSecretProof":true}' "$base/api/admin/integrations/$id/security" >/dev/null
proof=$(printf '%s' "$token" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)
graph="$base/graph/v19.0/me?appsecret_proof=$proof"
curl -sf -H "Authorization: Bearer $token" "$graph" >/dev/null

run() {
  local label=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$@" >/dev/null   # warm-up
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$label: ${rps} requests/s, p99 ${p99}${errors:+, non-2xx $errors}" >&2
  echo "$rps"
}

static_rps=$(run "static file /robots.txt" "$base/robots.txt")
probe_rps=$(run "liveness probe /actuator/health/liveness" "$base/actuator/health/liveness")
graph_rps=$(run "GET /graph/me with token and appsecret_proof" -H "Authorization: Bearer $token" "$graph")
awk -v g="$graph_rps" -v s="$static_rps" -v p="$probe_rps" 'BEGIN {
  printf "gateway throughput: %.0f%% of the static file, %.0f%% of the liveness probe\n", 100 * g / s, 100 * g / p }'
