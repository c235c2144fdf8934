#!/usr/bin/env sh
# The single-machine engine against Spark local[2] on one snapshot monitor over generated Parquet:
# ROWS x 20 numeric columns per side (baseline and current; the current one shifted in one
# column). Prints wall time and peak RSS of each run (GNU time): the single-machine engine, Spark
# local[2], and a Spark standalone cluster on 127.0.0.1 (a master and 1, then 2 workers of one core
# each, started from Spark's jars in spark/target/lib as from a distribution; the RSS is andon's
# driver's, each executor has EXECUTOR_MEMORY, default 2g). Usage: run.sh ROWS [WORK_DIR]
# (./mvnw -B package first, for the jars).
set -e
rows=${1:?rows per side, e.g. 1000000}
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
work=${2:-$root/bench/spark/work}
mkdir -p "$work"
cols=""
i=1
while [ $i -le 20 ]; do
  shift_=0
  if [ $i = 1 ]; then shift_=1; fi
  cols="$cols, sqrt(-2 * ln(random())) * cos(2 * pi() * random()) + SHIFT * $shift_ AS c$i"
  i=$((i + 1))
done
gen() { # file seed shift
  if [ ! -f "$1" ]; then
    sql=$(echo "SELECT setseed($2); COPY (SELECT i $cols FROM range($rows) r(i)) TO '$1' (FORMAT parquet);" | sed "s/SHIFT/$3/g")
    java -cp "$root/target/andon.jar" io.andon.cli.AndonCli --version >/dev/null
    python3 - "$root" "$sql" <<'PY'
import subprocess, sys
root, sql = sys.argv[1], sys.argv[2]
# DuckDB through andon's jar: a tiny JDBC program run by the JDK's single-file launcher
src = f"""
import java.sql.*;
public class Gen {{ public static void main(String[] a) throws Exception {{
  try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {{
    for (String q : a[0].split(";")) if (!q.isBlank()) s.execute(q);
  }} }} }}
"""
open("/tmp/Gen.java", "w").write(src)
subprocess.run(["java", "-cp", f"{root}/target/andon.jar", "/tmp/Gen.java", sql], check=True)
PY
  fi
}
echo "generating $rows rows x 20 columns per side in $work"
gen "$work/base_$rows.parquet" 0.1 0
gen "$work/cur_$rows.parquet" 0.2 0.5
cat > "$work/bench_$rows.yaml" <<YAML
name: bench_spark_$rows
table: cur_$rows.parquet
baseline_table: base_$rows.parquet
profile_type: snapshot
ignore: [i]
YAML
measure() { # label, command...
  label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt"; exit 1; }
  read -r wall kb < "$work/time.txt"
  echo "| $label | $wall | $((kb / 1024)) |"
}
echo "| engine | wall s | peak RSS MiB |"
echo "|---|---|---|"
# above 500 million values in both files (21 columns each) the single-machine monitor reads
# sketches by itself (--sketch-above): bounded memory, as Spark's states
single="duckdb (single machine, exact)"
if [ $((rows * 21 * 2)) -gt 500000000 ]; then single="duckdb (single machine, sketches)"; fi
measure "$single" "$root/andon" monitor "$work/bench_$rows.yaml" --no-store
measure "spark local[2]" "$root/andon" monitor "$work/bench_$rows.yaml" --no-store --engine spark --master 'local[2]'

# the standalone cluster: Spark's jars laid out as a distribution's jars/ folder
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
    sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
mkdir -p "$work/spark-home"
[ -e "$work/spark-home/jars" ] || ln -s "$root/spark/target/lib" "$work/spark-home/jars"
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
mem=${EXECUTOR_MEMORY:-2g}
pids=""
daemon() { # log, main class, arguments...
  log=$1
  shift
  # shellcheck disable=SC2086
  java -Xmx512m $opens -cp "$root/spark/target/lib/*" "$@" >"$log" 2>&1 &
  pids="$pids $!"
}
stop() {
  for p in $pids; do pkill -KILL -P "$p" 2>/dev/null || true; kill -9 "$p" 2>/dev/null || true; done
}
trap stop EXIT
await() { # log, pattern
  i=0
  until grep -q "$2" "$1" 2>/dev/null; do
    i=$((i + 1))
    if [ $i -gt 300 ]; then echo "no '$2' in $1" >&2; exit 1; fi
    sleep 0.5
  done
}
rm -f "$work"/master.log "$work"/worker-*.log
daemon "$work/master.log" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0
await "$work/master.log" "Starting Spark master at"
url=$(grep -o 'spark://127.0.0.1:[0-9]*' "$work/master.log" | head -1)
for n in 1 2; do
  daemon "$work/worker-$n.log" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 \
    --webui-port 0 --cores 1 --memory 3g --work-dir "$work/work-$n" "$url"
  await "$work/worker-$n.log" "Successfully registered with master"
  measure "spark standalone, $n worker(s) x 1 core" "$root/andon" monitor "$work/bench_$rows.yaml" \
    --no-store --engine spark --master "$url" --spark-conf spark.driver.host=127.0.0.1 \
    --spark-conf spark.executor.memory="$mem"
done
