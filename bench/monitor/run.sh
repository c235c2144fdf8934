#!/usr/bin/env bash
# Side-by-side benchmark of andon drift against the NumPy + SciPy peer (peer_numpy.py), on the
# same data, in one run, with the summing floor (SumFloor.java) and the sort floor (SortFloor.java).
# Run by hand (never by mvn verify):
#   bench/monitor/run.sh [ROWSxCOLUMNS...]        default: 1000000x10 10000000x20
# Data goes to $BENCH_DATA (default /tmp/andon-bench); nothing big is committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${BENCH_DATA:-/tmp/andon-bench}
CASES=${*:-1000000x10 10000000x20}
mkdir -p "$DATA"
[ -f "${ANDON_JAR:-target/andon.jar}" ] || ./mvnw -q -B -DskipTests package
JAR=${ANDON_JAR:-target/andon.jar}
measure() { # label, command...: prints wall seconds, CPU seconds and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$DATA/time.txt" "$@" > "$DATA/out.txt" 2>&1 || true
  read -r secs user sys kb < <(tail -1 "$DATA/time.txt")
  printf '| %s | %s | %.1f | %.1f | %d |\n' "$label" "$case" "$secs" "$(echo "$user + $sys" | bc)" \
    "$((kb / 1024))"
  grep -E '^peer:|^result:' "$DATA/out.txt" | tail -1 >&2
}
echo "load: $(uptime)"
echo "| run | rows x columns | wall s | CPU s | peak RSS MiB |"
echo "|---|---|---|---|---|"
for case in $CASES; do
  n=${case%x*}; cols=${case#*x}
  tag=$n; [ "$cols" = 20 ] || tag=${n}x$cols
  [ -f "$DATA/baseline_$tag.parquet" ] || java -cp "$JAR" bench/monitor/MakeData.java "$DATA" "$n" "$cols" >&2
  b="$DATA/baseline_$tag"; c="$DATA/current_$tag"
  # the peer reads CSV (no Parquet reader without pandas or pyarrow); it prints its compute time
  # on the in-memory arrays apart
  measure "numpy+scipy, CSV" python3 bench/monitor/peer_numpy.py "$b.csv" "$c.csv"
  measure "andon exact, Parquet" java -XX:+UseParallelGC -Xmx12g -jar "$JAR" drift --quiet --exact --baseline "$b.parquet" --current "$c.parquet"
  # the same through the launcher, as a user runs it: its JVM options and drift's class-data
  # archive (trained on first use, before this row is measured); the heap as above
  ./andon drift --quiet --baseline "$b.parquet" --current "$b.parquet" --columns c00 >/dev/null 2>&1 || true
  measure "andon exact, Parquet, ./andon" env JAVA_TOOL_OPTIONS=-Xmx12g ./andon drift --quiet --exact --baseline "$b.parquet" --current "$c.parquet"
  measure "andon --sketch, Parquet" java -XX:+UseParallelGC -Xmx1g -jar "$JAR" drift --quiet --sketch --baseline "$b.parquet" --current "$c.parquet"
  java bench/monitor/SumFloor.java "$n" >&2
  java -Xmx12g -cp "$JAR" bench/monitor/SortFloor.java "$n" "$cols" >&2
done
echo "load: $(uptime)"
