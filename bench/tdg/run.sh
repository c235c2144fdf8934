#!/usr/bin/env bash
# TDG benchmark: andon tdg vs PMD 7 (cyclomatic + cognitive complexity rules only) on Guava's
# sources from Maven Central. Run by hand from the repository root: bash bench/tdg/run.sh [ROUNDS]
# Needs network access to Maven Central (first run) and python3 for the comparison.
# Writes bench/tdg/work/ (not committed) and bench/tdg/results.md, bench/tdg/differences.csv.
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${1:-3}
WORK=work
mkdir -p "$WORK"
if [ ! -d "$WORK/pmd-lib" ]; then
  mvn -q -B -f pmd-pom.xml dependency:copy-dependencies -DoutputDirectory="$WORK/pmd-lib"
fi
SRC_JAR=$(ls "$WORK"/pmd-lib/guava-*-sources.jar)
if [ ! -d "$WORK/guava-src" ]; then
  mkdir -p "$WORK/guava-src"
  (cd "$WORK/guava-src" && unzip -q "../pmd-lib/$(basename "$SRC_JAR")" '*.java')
fi
mkdir -p "$WORK/pmd-cp"
for j in "$WORK"/pmd-lib/*.jar; do
  case "$j" in *-sources.jar) ;; *) ln -sf "../pmd-lib/$(basename "$j")" "$WORK/pmd-cp/" ;; esac
done
(cd ../.. && ./mvnw -q -B -DskipTests package)
cp ../../target/andon.jar "$WORK/andon.jar" # a copy, so rebuilding during the run changes nothing
JAR="$WORK/andon.jar"
FILES=$(find "$WORK/guava-src" -name '*.java' | wc -l)
LINES=$(find "$WORK/guava-src" -name '*.java' -exec cat {} + | wc -l)
TIMES="$WORK/times.tsv"
echo -e "round\tjvm\ttool\twall_s\tuser_s\tsys_s" > "$TIMES"

timed() { # round jvm tool cmd...
  local r=$1 jvm=$2 tool=$3; shift 3
  /usr/bin/time -f "%e\t%U\t%S" -o "$WORK/t.txt" "$@" > "$WORK/$tool.log" 2>&1 || true
  echo -e "$r\t$jvm\t$tool\t$(cat "$WORK/t.txt" | tail -1)" >> "$TIMES"
}

for jvm in default c1; do
  if [ "$jvm" = c1 ]; then OPTS="-XX:TieredStopAtLevel=1"; else OPTS=""; fi
  for r in $(seq 1 "$ROUNDS"); do
    timed "$r" "$jvm" pmd java $OPTS -cp "$WORK/pmd-cp/*" net.sourceforge.pmd.cli.PmdCli check \
      -d "$WORK/guava-src" -R pmd-complexity.xml -f csv -r "$WORK/pmd.csv" --no-cache \
      --no-progress
    rm -rf "$WORK/home"
    timed "$r" "$jvm" andon-cold java $OPTS -jar "$JAR" tdg "$WORK/guava-src" --home "$WORK/home" \
      --format json --output "$WORK/andon.json"
    timed "$r" "$jvm" andon-warm java $OPTS -jar "$JAR" tdg "$WORK/guava-src" --home "$WORK/home" \
      --format json --output "$WORK/andon-warm.json"
  done
done
python3 compare.py "$WORK" "$FILES" "$LINES" "$(uptime)"
