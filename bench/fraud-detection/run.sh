#!/usr/bin/env bash
# The fraud-detection job under andon, side by side with the same steps run one after the other
# by a plain shell script (what a pipeline looks like without an orchestrator: no DAG, no
# parallelism, no run history). Same jar, same data size, same machine, one run each, alternated.
# Prints wall seconds of each and the ratio. Run by hand from the repository root:
#   bench/fraud-detection/run.sh [ROWS] [REPEATS]
set -euo pipefail
rows=${1:-50000}
repeats=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/target/andon.jar"
example_jar="$root/examples/fraud-detection/target/fraud-detection.jar"
[ -f "$jar" ] && [ -f "$example_jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/examples/fraud-detection" "$tmp/ex"
code="$root/examples/fraud-detection/src/main/java/io/andon/examples/fraud"
export ANDON_JAR="$jar" FRAUD_JAR="$example_jar"

sequential() {
  cd "$tmp/ex"
  rm -rf work
  export ANDON_HOME="$tmp/home-seq"
  ./fraud.sh ingest --work work --rows "$rows" --seed 42
  ./fraud.sh features --work work --sql features.sql
  ./fraud.sh train --work work --degrade 0 --seed 42
  ./fraud.sh validate --work work
  ./fraud.sh andon tdg "$code" --format json --output work/reports/tdg.json --home "$ANDON_HOME" || true
  ./fraud.sh andon gate gates.yml --metrics validate=work/reports/metrics.json \
    --metrics tdg=work/reports/tdg.json --home "$ANDON_HOME"
  ./fraud.sh deploy --work work --registry work/registry --sql features.sql
  ./fraud.sh andon monitor monitor.yml --home "$ANDON_HOME"
  ./fraud.sh andon drift --baseline work/data/transactions.csv --current work/data/production.csv \
    --columns amount,merchant_category,hour,country,channel,card_age_days,distance_km,tx_count_24h,customer_age \
    --format html --output work/reports/drift.html --quiet
  ./fraud.sh andon alerts check alerts.yml --home "$ANDON_HOME" --wait 1 || [ $? -eq 1 ]
}

orchestrated() {
  cd "$tmp/ex"
  rm -rf work
  java -jar "$jar" run --home "$tmp/home-andon" job.yml --param rows="$rows" --param code="$code"
}

now() { date +%s.%N; }
printf 'run  andon_s  sequential_s  ratio(andon/sequential)\n'
for i in $(seq 1 "$repeats"); do
  t0=$(now); orchestrated > "$tmp/andon.log" 2>&1; t1=$(now)
  (sequential) > "$tmp/seq.log" 2>&1 || { echo "sequential failed:"; tail "$tmp/seq.log"; exit 1; }
  t2=$(now)
  grep -q "fraud-detection run $i  *SUCCESS\|run $i  job fraud-detection  SUCCESS" "$tmp/andon.log" \
    || { echo "andon run failed:"; tail "$tmp/andon.log"; exit 1; }
  awk -v i="$i" -v a="$(echo "$t1 - $t0" | bc)" -v s="$(echo "$t2 - $t1" | bc)" \
    'BEGIN { printf "%d  %.1f  %.1f  %.2f\n", i, a, s, a / s }'
done
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
