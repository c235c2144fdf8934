#!/usr/bin/env bash
# TDG benchmark: andon tdg vs PMD 7 (cyclomatic + cognitive complexity rules only) on the sources
# of Guava, Apache Commons Lang and jackson-databind from Maven Central: wall and CPU time on
# Guava, side by side in one hyperfine run (with the floor: JavaParser's parse of the same files
# alone, ParseFloor.java), and the per-method agreement on all three. Run by hand from the
# repository root: bash bench/tdg/run.sh [ROUNDS]
# Needs network access to Maven Central (first run), hyperfine, and python3 for the comparison.
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
# andon runs through its launcher, as users run it (its JVM options for tdg and its tdg class-data
# archive, made here by a first grade): do not change andon's sources during the run, or the
# launcher rebuilds the jar
ANDON=../../andon
"$ANDON" tdg ../../src/main/java/io/andon/tdg/source --home "$WORK/home-warmup" --format json \
  --output /dev/null > /dev/null
rm -rf "$WORK/home-warmup"
JAR=../../target/andon.jar
mkdir -p "$WORK/floor"
javac -d "$WORK/floor" -cp "$JAR" ParseFloor.java
# the launcher's options for tdg, given to PMD too and to the floor (JavaParser's parse alone)
TDG_OPTS=$(sed -n 's/^  tdg) opts="\(.*\)" ;;$/\1/p' ../../andon)
PMD_ARGS="-cp $WORK/pmd-cp/* net.sourceforge.pmd.cli.PmdCli check -d $WORK/src/guava \
  -R pmd-complexity.xml -f csv -r $WORK/pmd-guava.csv --no-cache --no-progress"
ANDON_ARGS="tdg $WORK/src/guava --home $WORK/home --format json"
# one hyperfine run, every command ROUNDS times; PMD exits 4 when it reports methods (-i); the warm
# grade reuses the hash cache that the last cold one left
uptime > "$WORK/uptime.txt"
hyperfine -N -i -w 0 -r "$ROUNDS" --export-json "$WORK/hyperfine.json" \
  -p true -n "pmd, JVM defaults" "java $PMD_ARGS" \
  -p true -n "pmd, andon's tdg JVM options" "java $TDG_OPTS $PMD_ARGS" \
  -p "rm -rf $WORK/home" -n "andon tdg, cold" "$ANDON $ANDON_ARGS --output $WORK/andon-guava.json" \
  -p true -n "andon tdg, warm" "$ANDON $ANDON_ARGS --output $WORK/andon-warm.json" \
  -p true -n "floor: JavaParser's parse alone" "java $TDG_OPTS -cp $WORK/floor:$JAR ParseFloor $WORK/src/guava"
uptime >> "$WORK/uptime.txt"
for c in commons-lang3 jackson-databind; do
  java $TDG_OPTS -cp "$WORK/pmd-cp/*" net.sourceforge.pmd.cli.PmdCli check -d "$WORK/src/$c" \
    -R pmd-complexity.xml -f csv -r "$WORK/pmd-$c.csv" --no-cache --no-progress \
    > "$WORK/pmd-$c.log" 2>&1 || true
  rm -rf "$WORK/home-$c"
  "$ANDON" tdg "$WORK/src/$c" --home "$WORK/home-$c" --format json --output "$WORK/andon-$c.json" \
    > "$WORK/andon-$c.log" 2>&1 || true
done
python3 compare.py "$WORK" "$(cat "$WORK/uptime.txt")" $CODEBASES
