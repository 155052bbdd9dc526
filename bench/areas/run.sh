#!/usr/bin/env bash
# Quote throughput with the full BLS data (nation, states, metro and nonmetro areas: ~300,000 rows) beside
# the national rows only (what the server priced from before areas), side by side: two servers of the same
# jar on two H2 databases, started together, then wrk rounds alternating between them so both see the same
# background load. The requests rotate over 16 occupations x 10 areas (quote-areas.lua).
# Usage: [PROFILE=1] bench/areas/run.sh [--skip-build] [rounds, default 3] (target: full >= 0.9 x national)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD=true
if [[ "${1:-}" == "--skip-build" ]]; then BUILD=false; shift; fi
ROUNDS=${1:-3}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-10}
WARM_SECONDS=${WARM_SECONDS:-20}
$BUILD && (cd "$ROOT" && mvn -o -q install -DskipTests)
command -v wrk > /dev/null || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
WORK="$(mktemp -d /tmp/jobpricing-areas.XXXXXX)"
cp "$ROOT/config.yml" "$WORK/"
cd "$WORK"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
PASSWORD="Qx7-$(date +%s)-areas-timing"

start() {  # label areas port
  env DB_URL="jdbc:h2:$WORK/$1/jobpricing" ADMIN_PASSWORD="$PASSWORD" ADMIN_EMAIL=ops@example.org \
      JWT_SECRET="$(head -c 48 /dev/urandom | base64)" PORT="$3" ADMIN_PORT=$(($3 + 1)) RULES_DIR="$ROOT/rules" \
      RULES_WATCH=false PLUGINS_DIR="$ROOT/core-server/target/plugins" BLS_OEWS_AREAS="$2" \
      RATE_LIMIT_ADMIN=1000000000 RATE_LIMIT_ANONYMOUS=100000 \
      java -Xms1g -Xmx1g -jar "$ROOT/core-server/target/core-server.jar" server config.yml > "server-$1.log" 2>&1 &
  PIDS+=($!)
}

token() {  # port -> a signed-in token, once the server answers a quote of worked example 3
  local t status
  for _ in $(seq 600); do
    t=$(curl -s -m 5 "localhost:$1/api/v1/auth/login" -H 'Content-Type: application/json' \
      -d "{\"username\": \"admin\", \"password\": \"$PASSWORD\"}" 2>/dev/null \
      | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])' 2>/dev/null || true)
    if [[ -n "$t" ]]; then
      status=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "localhost:$1/api/v1/pricing/quotes" \
        -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
        -d '{"title": "Software Developer", "occupationCode": "15-1252", "level": "IC3", "country": "US", "area": "US-41860", "asOf": "2026-05-01"}' || true)
      [[ "$status" == "201" ]] && { echo "$t"; return; }
    fi
    sleep 0.5
  done
  echo "server on port $1 did not get ready" >&2; exit 1
}

round() {  # port seconds -> "rps p50 p99 non2xx errors"
  TOKEN=$2 wrk -t2 -c100 -d"$3"s --latency -s "$ROOT/bench/areas/quote-areas.lua" "http://127.0.0.1:$1/api/v1/pricing/quotes" \
    > "wrk-$1.out" 2>&1
  cat "wrk-$1.out" >> wrk.log
  python3 "$ROOT/bench/tools/wrk-summary.py" < "wrk-$1.out"
}

NATIONAL=$((20000 + RANDOM % 10000)); FULL=$((NATIONAL + 2))
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git -C "$ROOT" rev-parse --short HEAD)"
start national national $NATIONAL
start full all $FULL
T_NATIONAL=$(token $NATIONAL)
T_FULL=$(token $FULL)
rows() { grep -h 'startup refresh bls-oews' "server-$1.log" | sed -E 's/.*: (OK|PARTIAL|FAILED) \(([0-9]+) stored.*/\2/'; }
echo "ready: national $(rows national) BLS rows, full $(rows full) BLS rows"
# every combination of the script answers 201 on both servers before anything is timed
for port_token in "$NATIONAL:$T_NATIONAL" "$FULL:$T_FULL"; do
  TOKEN=${port_token#*:} wrk -t1 -c1 -d3s -s "$ROOT/bench/areas/quote-areas.lua" "http://127.0.0.1:${port_token%%:*}/api/v1/pricing/quotes" > warm.out
  grep -q 'Non-2xx' warm.out && { cat warm.out; echo "some quotes did not answer 2xx" >&2; exit 1; }
done
round $NATIONAL "$T_NATIONAL" "$WARM_SECONDS" > /dev/null; round $FULL "$T_FULL" "$WARM_SECONDS" > /dev/null
echo "warmed up (${WARM_SECONDS} s each); $ROUNDS rounds of ${SECONDS_PER_ROUND} s, alternating (req/s p50ms p99ms non-2xx socket-errors)"
RESULTS=()
for r in $(seq "$ROUNDS"); do
  n=$(round $NATIONAL "$T_NATIONAL" "$SECONDS_PER_ROUND"); echo "  round $r national $n"; RESULTS+=("national $n")
  f=$(round $FULL "$T_FULL" "$SECONDS_PER_ROUND"); echo "  round $r full     $f"; RESULTS+=("full $f")
done
printf '%s\n' "${RESULTS[@]}" | python3 -c '
import sys
rows = {}
for line in sys.stdin:
    name, *v = line.split()
    rows.setdefault(name, []).append([float(x) for x in v])
n, f = (sum(x[0] for x in rows[k]) / len(rows[k]) for k in ("national", "full"))
bn, bf = (sum(x[3] + x[4] for x in rows[k]) for k in ("national", "full"))
verdict = "met" if f / n >= 0.9 else "MISSED"
print(f"national {n:.0f} req/s, full {f:.0f} req/s (errors {bn:.0f} / {bf:.0f}); full / national {f / n:.2f} (target >= 0.90: {verdict})")'
# PROFILE=1: one more round on each server under JFR, and where their CPU samples are
if [[ "${PROFILE:-0}" == 1 ]]; then
  for label_port in "national:$NATIONAL" "full:$FULL"; do
    label=${label_port%%:*}; port=${label_port#*:}; pid=${PIDS[0]}; [[ $label == full ]] && pid=${PIDS[1]}
    [[ $label == full ]] && tok=$T_FULL || tok=$T_NATIONAL
    jcmd "$pid" JFR.start name=areas settings=default filename="$WORK/$label.jfr" > /dev/null
    echo "  profiled round $label $(round "$port" "$tok" "$SECONDS_PER_ROUND")"
    jcmd "$pid" JFR.stop name=areas > /dev/null
    python3 "$ROOT/bench/tools/jfr-top.py" "$WORK/$label.jfr" --top 10 \
      --part "token check (JwtAuthenticator)=JwtAuthenticator" \
      --part "market data (MarketDataService)=MarketDataService" \
      --part "  the occupation's rows, cached (MarketDataCache)=MarketDataCache" \
      --part "  the job's slice (MarketSlice)=MarketSlice" \
      --part "candidate selection (CandidateSelector)=CandidateSelector" \
      --part "rules (CompiledRuleSet.evaluate)=CompiledRuleSet.evaluate" \
      --part "quote assembly (QuoteAssembler)=QuoteAssembler" \
      --part "storing the quote (QuoteStore)=QuoteStore" \
      --part "H2 (org.h2)=org.h2." \
      --part "Jackson (com.fasterxml.jackson)=com.fasterxml.jackson" \
      --part "logback=ch.qos.logback" | sed "s/^/  $label: /"
  done
fi
echo "logs: $WORK"
