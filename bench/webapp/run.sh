#!/usr/bin/env bash
# Web app: first load of the pricing page in headless Chromium on loopback (target < 1 s) and the
# size of its JS + CSS gzipped (target < 500 KB). Builds the server jar unless --skip-build; needs
# Debian's chromium and chromium-driver (installed when absent), python3 and gzip.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=10
SKIP_BUILD=
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) SKIP_BUILD=1 ;;
    --runs) RUNS="$2"; shift ;;
    *) echo "usage: bench/webapp/run.sh [--skip-build] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi
[ -n "$SKIP_BUILD" ] || mvn ${MVN_OFFLINE--o} -B -q package -DskipTests

# every run signs in and resumes its session twice from loopback: above the default 30 anonymous
# requests a minute per address, which would measure the rate limit instead of the page
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
work=$(mktemp -d)
port=$(free_port); admin_port=$(free_port); driver_port=$(free_port)
password="Measured-lantern-$(date +%s)"
server_pid=; driver_pid=
cleanup() {
  [ -z "$driver_pid" ] || kill "$driver_pid" 2>/dev/null || true
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

PORT=$port ADMIN_PORT=$admin_port DB_URL="jdbc:h2:$work/db" ADMIN_EMAIL=ops@example.test ADMIN_PASSWORD="$password" \
  PLUGINS_REFRESH_ON_STARTUP=false RULES_WATCH=false LOG_TEXT_THRESHOLD=WARN RATE_LIMIT_ANONYMOUS=100000 \
  java -jar core-server/target/core-server.jar server config.yml >"$work/server.log" 2>&1 &
server_pid=$!
chromedriver --port="$driver_port" >"$work/chromedriver.log" 2>&1 &
driver_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "server did not start; see $work/server.log" >&2; exit 1; }

echo "== JS + CSS of the app (every file, as served: gzip above 1 KiB)"
python3 - core-server/src/main/resources/assets/app <<'PY'
import gzip, pathlib, sys
root = pathlib.Path(sys.argv[1])
files = sorted(p for p in root.rglob('*') if p.suffix in ('.js', '.css', '.html'))
raw = sum(p.stat().st_size for p in files if p.suffix != '.html')
gz = sum(len(gzip.compress(p.read_bytes(), 9)) for p in files if p.suffix != '.html')
html = [p for p in files if p.suffix == '.html'][0]
print(f"{len([p for p in files if p.suffix != '.html'])} files: {raw / 1024:.1f} KiB raw, {gz / 1024:.1f} KiB gzipped "
      f"(index.html {html.stat().st_size / 1024:.1f} KiB)")
PY

echo "== first load of /app/#/price, $RUNS runs (new browser profile each)"
python3 bench/webapp/firstload.py --base "http://127.0.0.1:$port" --driver "http://127.0.0.1:$driver_port" \
  --password "$password" --runs "$RUNS"
echo "logs: $work"
