#!/usr/bin/env bash
# Title-mapping evaluation of the onet-enricher plugin (issue 18). Run from anywhere:
#   bench/title-eval/run.sh               token baseline, today's BM25 and the matcher on every set, the
#                                         reliability table, level hints, throughput on 2 threads (~2 min)
#   bench/title-eval/run.sh --tune        also grid-search the weights on fold 0 (~5 min more)
#   bench/title-eval/run.sh --fit         also refit the calibration on fold 0 and write it into the plugin
#   bench/title-eval/run.sh --misses      only list the matcher's misses (real-style, first fold-0 titles)
#   bench/title-eval/run.sh --embeddings  also all-MiniLM-L6-v2 embeddings (downloads ~200 MB once, 2-10 min)
#   bench/title-eval/run.sh --rebuild-set rewrite labelled-titles.csv from handwritten-titles.csv and O*NET
# Maven runs offline (-o); run it once without -o, or set MVN_OFFLINE=, if a dependency is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=$ROOT/bench/title-eval
MODULE=$ROOT/plugins/onet-enricher
OFFLINE=${MVN_OFFLINE--o}
ONET=${ONET_DATA:-$ROOT/../shared/data/onet}

# One reactor build so the classpath points at this tree's plugin-api, not an older one in ~/.m2.
mvn -B -q $OFFLINE install dependency:build-classpath -pl plugin-api,plugins/onet-enricher -am -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$MODULE/target/test-classpath.txt"
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/test-classpath.txt")"

for arg in "$@"; do
  if [ "$arg" = "--rebuild-set" ]; then
    java -cp "$CP" org.jobpricing.plugins.onetenricher.BuildLabelledSet "$ONET/sample_of_reported_titles.txt" \
        "$BENCH/handwritten-titles.csv" "$BENCH/labelled-titles.csv"
  fi
done

ARGS=()
for arg in "$@"; do
  case "$arg" in
    --fit) ARGS+=(--fit "$MODULE/src/main/resources/org/jobpricing/plugins/onetenricher/calibration.tsv") ;;
    --tune|--misses) ARGS+=("$arg") ;;
  esac
done
java -cp "$CP" org.jobpricing.plugins.onetenricher.TitleEval "$BENCH" "${ARGS[@]}"

for arg in "$@"; do
  if [ "$arg" = "--embeddings" ]; then
    (cd "$BENCH/embeddings" && mvn -B -q $OFFLINE compile dependency:build-classpath \
        -Dmdep.outputFile="$BENCH/embeddings/target/classpath.txt")
    java -cp "$BENCH/embeddings/target/classes:$(cat "$BENCH/embeddings/target/classpath.txt")" \
        org.jobpricing.bench.titleeval.EmbeddingEval "$BENCH/labelled-titles.csv"
  fi
done
