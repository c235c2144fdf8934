#!/usr/bin/env bash
# andon drift's fixed costs, each command run ROUNDS times (default 5) in turn with the others, so a
# busy machine weighs on all alike; prints the median and least wall and CPU seconds of each.
#   bench/monitor/startup.sh [BEFORE_JAR]     BEFORE_JAR: another build's andon.jar to compare
# Run by hand; `./andon` must have been built (it trains drift's class-data archive on first use).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${BENCH_DATA:-/tmp/andon-bench}
ROUNDS=${ROUNDS:-5}
BEFORE=${1:-}
mkdir -p "$DATA/startup"
small="$DATA/startup/small.csv"
# 600 rows (andon compares from 500), the same on both sides
awk 'BEGIN { print "n,x,c"; for (i = 0; i < 600; i++)
  printf "%d,%.3f,%s\n", i % 17, i / 7.0, (i % 3 ? "a" : "b") }' > "$small"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' \
  > "$DATA/startup/Hello.java"
javac -d "$DATA/startup" "$DATA/startup/Hello.java"
javac -cp target/andon.jar -d "$DATA/startup" bench/monitor/DuckStart.java
labels=() cmds=()
add() { labels+=("$1"); cmds+=("$2"); }
tiny="drift --quiet --exact --baseline $small --current $small"
big="drift --quiet --exact --baseline $DATA/baseline_1000000x10.parquet --current $DATA/current_1000000x10.parquet"
./andon $tiny > /dev/null # builds the jar and trains the archive if needed
add "hello world, andon.jar on the class path" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/andon.jar:$DATA/startup Hello"
add "DuckDB first connection, bare program" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/andon.jar:$DATA/startup DuckStart"
add "andon --version" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar target/andon.jar --version"
if [ -n "$BEFORE" ]; then
  add "before: drift, 600 rows, java -jar" "java -XX:+UseParallelGC -XX:+UseTransparentHugePages -jar $BEFORE $tiny"
fi
add "drift, 600 rows, java -jar" "java -XX:+UseParallelGC -jar target/andon.jar $tiny"
add "drift, 600 rows, ./andon" "./andon $tiny"
if [ -f "$DATA/baseline_1000000x10.parquet" ]; then
  if [ -n "$BEFORE" ]; then
    add "before: drift 1M x 10, java -jar" "java -XX:+UseParallelGC -XX:+UseTransparentHugePages -jar $BEFORE $big"
  fi
  add "drift 1M x 10, java -jar" "java -XX:+UseParallelGC -jar target/andon.jar $big"
  add "drift 1M x 10, ./andon" "./andon $big"
fi
echo "load: $(uptime)"
for ((r = 0; r < ROUNDS; r++)); do
  for i in "${!cmds[@]}"; do
    /usr/bin/time -f "%e %U %S %M" -o "$DATA/startup/t.$i.$r" bash -c "${cmds[$i]}" > /dev/null 2>&1 || true
  done
done
echo "| run | wall s, median (least) | CPU s, median (least) | peak RSS MiB |"
echo "|---|---|---|---|"
for i in "${!cmds[@]}"; do
  grep -hv exited "$DATA"/startup/t."$i".* | python3 -c '
import sys, statistics as st
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
w = [r[0] for r in rows]; c = [r[1] + r[2] for r in rows]
print("| %s | %.2f (%.2f) | %.2f (%.2f) | %d |" % (sys.argv[1], st.median(w), min(w),
  st.median(c), min(c), max(r[3] for r in rows) / 1024))' "${labels[$i]}"
  rm -f "$DATA"/startup/t."$i".*
done
echo "load: $(uptime)"
