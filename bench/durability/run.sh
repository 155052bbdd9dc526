#!/usr/bin/env bash
# What a durable H2 commit costs: bench/durability/DurabilityBench.java on the server's compiled classes,
# H2's old default WRITE_DELAY=500 beside WRITE_DELAY=0 (H2Durability), both open at once.
# usage: bench/durability/run.sh [slices (6)]   about 1 minute: 1 s slices per figure and mode, alternating
#        bench/durability/run.sh churn [imports (100)] [500|0: one mode] [pause ms (0)]   the file size while
#        the same 2,000 observations are re-imported
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mvn -o -q -B -pl core-server compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -o -q -B -pl core-server dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime
java -Xmx1g -Dbench.dir="$ROOT/bench/durability" -Dlogback.configurationFile="$ROOT/bench/durability/logback.xml" -cp "core-server/target/classes:$(cat "$CP_FILE")" \
  bench/durability/DurabilityBench.java "$@"
