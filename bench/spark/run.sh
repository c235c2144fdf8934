#!/usr/bin/env sh
# The single-machine engine against Spark local[2] on one snapshot monitor over generated Parquet:
# ROWS x 20 numeric columns per side (baseline and current; the current one shifted in one
# column). Prints wall time and peak RSS of each run (GNU time). Usage: run.sh ROWS [WORK_DIR]
# (the issue's size is 100000000; ./mvnw -B package first, for the jars).
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
measure "duckdb (single machine)" "$root/andon" monitor "$work/bench_$rows.yaml" --no-store
measure "spark local[2]" "$root/andon" monitor "$work/bench_$rows.yaml" --no-store --engine spark --master 'local[2]'
