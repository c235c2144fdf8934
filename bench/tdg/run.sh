#!/usr/bin/env bash
# TDG benchmark: andon tdg vs PMD 7 (cyclomatic + cognitive complexity rules only) on the sources
# of Guava, Apache Commons Lang and jackson-databind from Maven Central: wall and CPU time on
# Guava, side by side, and the per-method agreement on all three. Run by hand from the repository
# root: bash bench/tdg/run.sh [ROUNDS]
# Needs network access to Maven Central (first run) and python3 for the comparison.
# Writes bench/tdg/work/ (not committed) and bench/tdg/results.md, bench/tdg/differences.csv.
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${1:-1}
WORK=work
CODEBASES="guava commons-lang3 jackson-databind"
mkdir -p "$WORK"
if [ ! -f "$WORK/pmd-lib/jackson-databind-2.21.3-sources.jar" ]; then
  mvn -q -B -f pmd-pom.xml dependency:copy-dependencies -DoutputDirectory="$WORK/pmd-lib"
fi
for c in $CODEBASES; do
  if [ ! -d "$WORK/src/$c" ]; then
    mkdir -p "$WORK/src/$c"
    (cd "$WORK/src/$c" && unzip -q "$(ls ../../pmd-lib/$c-[0-9]*-sources.jar)" '*.java')
  fi
done
mkdir -p "$WORK/pmd-cp"
for j in "$WORK"/pmd-lib/*.jar; do
  case "$j" in *-sources.jar) ;; *) ln -sf "../pmd-lib/$(basename "$j")" "$WORK/pmd-cp/" ;; esac
done
if [ "${SKIP_BUILD:-0}" != 1 ]; then # SKIP_BUILD=1 uses target/andon.jar as it is
  (cd ../.. && ./mvnw -q -B -DskipTests package)
fi
cp ../../target/andon.jar "$WORK/andon.jar" # a copy, so rebuilding during the run changes nothing
JAR="$WORK/andon.jar"
TIMES="$WORK/times.tsv"
echo -e "round\tjvm\ttool\twall_s\tuser_s\tsys_s" > "$TIMES"

timed() { # round jvm tool cmd... (a command or one of the functions below)
  local r=$1 jvm=$2 tool=$3 TIMEFORMAT=$'%R\t%U\t%S'; shift 3
  { time "$@" > "$WORK/$tool.log" 2>&1 || true; } 2> "$WORK/t.txt"
  echo -e "$r\t$jvm\t$tool\t$(tail -1 "$WORK/t.txt")" >> "$TIMES"
}
pmd() { # codebase report
  java $OPTS -cp "$WORK/pmd-cp/*" net.sourceforge.pmd.cli.PmdCli check -d "$WORK/src/$1" \
    -R pmd-complexity.xml -f csv -r "$2" --no-cache --no-progress
}
andon() { # codebase home report
  java $OPTS -jar "$JAR" tdg "$WORK/src/$1" --home "$2" --format json --output "$3"
}

for jvm in default c1; do
  if [ "$jvm" = c1 ]; then OPTS="-XX:TieredStopAtLevel=1"; else OPTS=""; fi
  for r in $(seq 1 "$ROUNDS"); do
    timed "$r" "$jvm" pmd pmd guava "$WORK/pmd-guava.csv"
    rm -rf "$WORK/home"
    timed "$r" "$jvm" andon-cold andon guava "$WORK/home" "$WORK/andon-guava.json"
    timed "$r" "$jvm" andon-warm andon guava "$WORK/home" "$WORK/andon-warm.json"
  done
done
OPTS=""
for c in commons-lang3 jackson-databind; do
  pmd "$c" "$WORK/pmd-$c.csv" > "$WORK/pmd-$c.log" 2>&1 || true
  rm -rf "$WORK/home-$c"
  andon "$c" "$WORK/home-$c" "$WORK/andon-$c.json" > "$WORK/andon-$c.log" 2>&1 || true
done
python3 compare.py "$WORK" "$(uptime)" $CODEBASES
