#!/usr/bin/env bash
# Member API authentication benchmark (issue: cheap authentication): the same post into a
# group, POST /api/v1/groups/{id}/posts, sent by wrk from a separate process, once with
# HTTP Basic (the member's password) and once with the member's personal access token,
# in one run against one server, both warmed up first. Prints posts/s and p99 of each and Basic's share of
# the token's rate. Needs wrk (apt-get install wrk) and curl. DB=postgresql for
# PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-18082}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
. benchmarks/server.sh

admin=(-s -u "bench@example.com:$password" -H 'Content-Type: application/json')
member_password=member-password-$$
member=$(curl "${admin[@]}" -d "{\"email\":\"poster@example.com\",\"name\":\"Poster\",\"password\":\"$member_password\"}" \
  "$base/api/admin/members" | sed -E 's/.*"id":"([0-9]+)".*/\1/')
group=$(curl "${admin[@]}" -d '{"name":"Benchmark","privacy":"CLOSED"}' "$base/api/admin/groups" | sed -E 's/.*"id":"([0-9]+)".*/\1/')
curl "${admin[@]}" -d "{\"memberIds\":[\"$member\"]}" "$base/api/admin/groups/$group/members" >/dev/null
token=$(curl -s -u "poster@example.com:$member_password" -H 'Content-Type: application/json' \
  -d '{"name":"benchmark"}' "$base/api/v1/me/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
basic=$(printf '%s' "poster@example.com:$member_password" | base64 -w0)
script=$(mktemp)
cat >"$script" <<'LUA'
wrk.method = "POST"
wrk.body = '{"message":"A post from the benchmark"}'
wrk.headers["Content-Type"] = "application/json"
LUA

run() {
  local label=$1; shift
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$@")
  # Posts that were accepted, per second: a refused request (401 from the sign-in
  # throttle, say) is not a post.
  local rps p99 errors
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  rps=$(awk -v e="${errors:-0}" '/requests in/ { n = $1; t = $4; sub(/s,?$/, "", t); printf "%.0f", (n - e) / t }' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "$label: ${rps} posts/s accepted, p99 ${p99}${errors:+, $errors refused}" >&2
  echo "$rps"
}

posts="$base/api/v1/groups/$group/posts"
# Both paths warmed up before either is measured: the JIT otherwise favours the second.
for auth in "Basic $basic" "Bearer $token"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$script" -H "Authorization: $auth" "$posts" >/dev/null
done
basic_rps=$(run "POST with HTTP Basic" -H "Authorization: Basic $basic" "$posts")
token_rps=$(run "POST with a personal access token" -H "Authorization: Bearer $token" "$posts")
awk -v b="$basic_rps" -v t="$token_rps" 'BEGIN { printf "HTTP Basic: %.0f%% of the token rate\n", 100 * b / t }'
rm -f "$script"
