#!/usr/bin/env bash
# Python TDG benchmark: andon tdg against radon (Debian package radon 5.1) on real Python code
# from Debian packages: python3-requests, python3-jinja2 and a part of the Python 3.11 standard
# library (no test folders). Run by hand from the repository root:
#   bash bench/tdg/python/run.sh [RUNS]     (ANDON_JAR=target/andon.jar to skip the build; the
#   timed runs go through ./andon, which uses target/andon.jar)
# Needs: apt-get install radon python3-requests python3-jinja2 hyperfine gcc.
# Writes bench/tdg/python/work/ (not committed), results.md and differences.csv beside this file.
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${1:-3}
WORK=work
rm -rf "$WORK/src" && mkdir -p "$WORK/src/stdlib"
cp -r /usr/lib/python3/dist-packages/requests /usr/lib/python3/dist-packages/jinja2 "$WORK/src/"
for d in asyncio email json multiprocessing concurrent xml http urllib logging unittest \
    importlib sqlite3 tomllib; do
  (cd /usr/lib/python3.11 && find "$d" -name '*.py' -not -path '*/test*' -print0 \
    | xargs -0 cp --parents -t "$OLDPWD/$WORK/src/stdlib")
done
find "$WORK/src" -name __pycache__ -prune -exec rm -rf {} +
if [ -z "${ANDON_JAR:-}" ]; then # ANDON_JAR=path/to/andon.jar skips the build
  (cd ../../.. && ./mvnw -q -B -DskipTests package)
  ANDON_JAR=../../../target/andon.jar
fi
cp "$ANDON_JAR" "$WORK/andon.jar" # a copy, so rebuilding during the run changes nothing
FILES=$(find "$WORK/src" -name '*.py' | wc -l)
LINES=$(find "$WORK/src" -name '*.py' -exec cat {} + | wc -l)

# agreement, function by function
radon cc -s -j "$WORK/src" > "$WORK/radon.json"
java -jar "$WORK/andon.jar" tdg "$WORK/src" --no-cache --format json --output "$WORK/andon.json"
python3 radon_compare.py "$WORK/andon.json" "$WORK/radon.json" "$WORK/src" "$WORK/agreement.md" \
  differences.csv

# andon's floor: tree-sitter's parse of the same files alone, on one thread, with the runtime and
# grammar andon compiles in (parse_floor.c), and through the Java binding andon falls back to
N=../../../src/main/native
gcc -O2 -c -o "$WORK/ts.o" "$N/tree-sitter/lib/src/lib.c" -I"$N/tree-sitter/lib/include" -I"$N/tree-sitter/lib/src"
gcc -O2 -c -o "$WORK/parser.o" "$N/tree-sitter-python/src/parser.c" -I"$N/tree-sitter-python/src"
gcc -O2 -c -o "$WORK/scanner.o" "$N/tree-sitter-python/src/scanner.c" -I"$N/tree-sitter-python/src"
gcc -O2 -Wall -Wextra -o "$WORK/parse_floor" parse_floor.c "$WORK"/ts.o "$WORK"/parser.o "$WORK"/scanner.o \
  -I"$N/tree-sitter/lib/include"
FLOOR=$(find "$WORK/src" -name '*.py' -print0 | sort -z | xargs -0 "$WORK/parse_floor")
FLOOR_BINDING=$(java -XX:TieredStopAtLevel=1 -cp "$WORK/andon.jar" ParseFloor.java "$WORK/src")

# wall time: radon cc -s, andon cold (no cache), andon warm (unchanged sources, cache kept); andon
# runs through its launcher, as users run it: the JVM options it gives `andon tdg` and its tdg
# class-data archive, made by the launcher's first grade (the warm-up below) for target/andon.jar
ANDON=../../../andon
rm -rf "$WORK/home"
"$ANDON" tdg "$WORK/src" --home "$WORK/home" > /dev/null
hyperfine --runs "$RUNS" --export-markdown "$WORK/times.md" --export-json "$WORK/times.json" \
  -n "radon cc -s" "radon cc -s $WORK/src > /dev/null" \
  -n "andon tdg (cold)" "$ANDON tdg $WORK/src --no-cache > /dev/null" \
  -n "andon tdg (warm)" "$ANDON tdg $WORK/src --home $WORK/home > /dev/null"
# CPU seconds (user + system): on a shared machine the steadier figure
python3 -c 'import json,sys
print("| Command | CPU [s] (user + system) |\n|:---|---:|")
for r in json.load(open(sys.argv[1]))["results"]:
    print("| `%s` | %.2f |" % (r["command"], r["user"] + r["system"]))' "$WORK/times.json" \
  > "$WORK/cpu.md"

{
  echo "# andon tdg against radon on Python"
  echo
  echo "Code: requests $(dpkg-query -W -f='${Version}' python3-requests), jinja2"\
       "$(dpkg-query -W -f='${Version}' python3-jinja2) and part of the Python 3.11 standard library"\
       "(Debian packages), $FILES files, $LINES lines. radon $(dpkg-query -W -f='${Version}' radon)."
  echo "Machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')."
  echo
  echo "## Cyclomatic complexity, function by function (matched by file and line of def)"
  echo
  cat "$WORK/agreement.md"
  echo
  echo "## Wall time (hyperfine, $RUNS runs)"
  echo
  cat "$WORK/times.md"
  echo
  cat "$WORK/cpu.md"
  echo
  echo "andon's floor, tree-sitter's parse alone as andon compiles it in: $FLOOR (parse_floor.c);"\
       "through the Java binding andon falls back to without a C compiler: ${FLOOR_BINDING#*: } (ParseFloor.java)."
} > results.md
cat results.md
