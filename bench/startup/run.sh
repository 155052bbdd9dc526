#!/usr/bin/env bash
# Time to ready-to-quote of the real server jar: a first start on an empty H2 database (the bls-oews
# plugin loads its ~300,000 rows through the normal refresh path) and a later start on the same
# database (the plugin's data is unchanged: its fingerprint equals the stored cursor, nothing is
# loaded). "Ready" = a signed-in POST /api/v1/pricing/quotes for worked example 3 answers 201.
# Usage: bench/startup/run.sh [--skip-build] [later starts, default 3]   (targets: first < 60 s, later < 10 s)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MVN_REPO="${MVN_REPO:-}"
if [[ "${1:-}" == "--skip-build" ]]; then
  shift
else
  (cd "$ROOT" && mvn -o -q ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO} install -DskipTests)
fi
LATER=${1:-3}
WORK="$(mktemp -d /tmp/jobpricing-startup.XXXXXX)"
# the jar finds its libraries beside it (target/lib): run it where it was built
cp "$ROOT/config.yml" "$WORK/"
PORT=$((20000 + RANDOM % 20000)); ADMIN_PORT=$((PORT + 1))
PASSWORD="Qx7-$(date +%s)-startup-timing"
export DB_URL="jdbc:h2:$WORK/data/jobpricing" ADMIN_PASSWORD="$PASSWORD" ADMIN_EMAIL=ops@example.org \
       JWT_SECRET="$(head -c 48 /dev/urandom | base64)" PORT ADMIN_PORT RULES_DIR="$ROOT/rules" \
       PLUGINS_DIR="$ROOT/core-server/target/plugins"
cd "$WORK"

start_and_time() {
  local label=$1 t0 t1 token status
  t0=$(date +%s.%N)
  java \
       -jar "$ROOT/core-server/target/core-server.jar" server config.yml > "server-$label.log" 2>&1 &
  SERVER=$!
  while true; do
    if ! kill -0 $SERVER 2>/dev/null; then echo "server died, see $WORK/server-$label.log"; exit 1; fi
    token=$(curl -s -m 5 "localhost:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
      -d "{\"username\": \"admin\", \"password\": \"$PASSWORD\"}" 2>/dev/null \
      | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])' 2>/dev/null || true)
    if [[ -n "$token" ]]; then
      status=$(curl -s -m 10 -o "quote-$label.json" -w '%{http_code}' "localhost:$PORT/api/v1/pricing/quotes" \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"title": "Software Developer", "occupationCode": "15-1252", "level": "IC3", "country": "US", "area": "US-41860", "asOf": "2026-05-01"}' || true)
      if [[ "$status" == "201" ]]; then break; fi
    fi
    sleep 0.2
  done
  t1=$(date +%s.%N)
  python3 - "$label" "$t0" "$t1" "quote-$label.json" <<'PY'
import json, sys
label, t0, t1, quote = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), json.load(open(sys.argv[4]))
print(f"{label}: ready to quote after {t1 - t0:.1f} s; P50 {quote['market']['p50']} (worked example 3: 185562.02)")
PY
  kill $SERVER; wait $SERVER 2>/dev/null || true
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_and_time first
for n in $(seq "$LATER"); do start_and_time "later-$n"; done
echo "rows stored: see $WORK/server-first.log ('startup refresh bls-oews')"
grep -h 'startup refresh' "$WORK"/server-*.log | sed 's/^/  /' || true
echo "work dir: $WORK"
