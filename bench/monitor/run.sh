#!/usr/bin/env bash
# Side-by-side benchmark of andon drift against the NumPy + SciPy peer (peer_numpy.py), on the
# same files, in one run. Run by hand (never by mvn verify):
#   bench/monitor/run.sh [ROWS...]        default: 1000000 10000000
# Data goes to $BENCH_DATA (default /tmp/andon-bench); nothing big is committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${BENCH_DATA:-/tmp/andon-bench}
ROWS=${*:-1000000 10000000}
mkdir -p "$DATA"
./mvnw -q -B -DskipTests package
JAR=target/andon.jar
measure() { # label, command...: prints wall seconds and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$DATA/time.txt" "$@" > "$DATA/out.txt" 2>&1 || true
  read -r secs kb < "$DATA/time.txt"
  printf '| %s | %s | %.1f | %d |\n' "$label" "$n" "$secs" "$((kb / 1024))"
  tail -1 "$DATA/out.txt" >&2
}
echo "| run | rows | wall s | peak RSS MiB |"
echo "|---|---|---|---|"
for n in $ROWS; do
  # MakeData.java (DuckDB) is much faster than make_data.py (NumPy) and writes Parquet too
  [ -f "$DATA/baseline_$n.csv" ] || java -cp "$JAR" bench/monitor/MakeData.java "$DATA" "$n" >&2
  for s in baseline current; do
    [ -f "$DATA/${s}_$n.parquet" ] || java -cp "$JAR" bench/monitor/ToParquet.java \
      "$DATA/${s}_$n.csv" "$DATA/${s}_$n.parquet"
  done
  measure "numpy+scipy csv" python3 bench/monitor/peer_numpy.py "$DATA/baseline_$n.csv" "$DATA/current_$n.csv"
  measure "andon exact csv" java -Xmx8g -jar "$JAR" drift --quiet --baseline "$DATA/baseline_$n.csv" --current "$DATA/current_$n.csv"
  measure "andon exact parquet" java -Xmx8g -jar "$JAR" drift --quiet --baseline "$DATA/baseline_$n.parquet" --current "$DATA/current_$n.parquet"
  measure "andon sketch csv" java -Xmx512m -jar "$JAR" drift --quiet --sketch --baseline "$DATA/baseline_$n.csv" --current "$DATA/current_$n.csv"
  measure "andon sketch parquet" java -Xmx512m -jar "$JAR" drift --quiet --sketch --baseline "$DATA/baseline_$n.parquet" --current "$DATA/current_$n.parquet"
  java bench/monitor/SumFloor.java "$n" >&2
done
