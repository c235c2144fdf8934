#!/usr/bin/env bash
# The launcher's JVM options from small to large jobs: `andon run` of a 10-task job (mostly
# start-up) and `andon validate` of 10,000 and 300,000 tasks, under the launcher of an earlier
# commit and under the current one, both on the current jar so that only the options differ.
# Usage: bench/jobs/launcher.sh [OLD_REV] [RUNS]     (from the repository root)
#   OLD_REV  the commit whose launcher to compare with (default: the last one with the options
#            that stalled large jobs); RUNS  runs of the small cases (default 5; the 300,000-task
#            validation runs once, cut off after 400 s)
# Needs hyperfine (apt-get install hyperfine). Results: bench/out/launcher/*.md and README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
OLD=${1:-fc667fa}
R=${2:-5}
OUT=bench/out/launcher
rm -rf "$OUT"; mkdir -p "$OUT"
./andon --version >/dev/null   # builds the jar and its class-data archive if needed
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
for n in 10 10000 300000; do python3 bench/jobs/gen.py "$n" 100 "$W/$n" >/dev/null; done
# the old launcher beside a link to the same jar; it makes its own class-data archive there
mkdir -p "$W/old/target"
git show "$OLD:andon" > "$W/old/andon"
chmod +x "$W/old/andon"
ln -s "$PWD/target/andon.jar" "$W/old/target/andon.jar"
"$W/old/andon" --version >/dev/null
old="$W/old/andon"
new="$PWD/andon"
hyperfine -N --warmup 1 --runs "$R" --export-markdown "$OUT/small.md" \
  -n "old: run, 10 tasks" "$old run --home $W/home-old $W/10/shell.yml" \
  -n "new: run, 10 tasks" "$new run --home $W/home-new $W/10/shell.yml" \
  -n "old: validate, 10,000 tasks" "$old validate $W/10000/shell.yml" \
  -n "new: validate, 10,000 tasks" "$new validate $W/10000/shell.yml"
hyperfine -N -i --runs 1 --export-markdown "$OUT/large.md" \
  -n "old: validate, 300,000 tasks" "timeout 400 $old validate $W/300000/shell.yml" \
  -n "new: validate, 300,000 tasks" "timeout 400 $new validate $W/300000/shell.yml"
cat "$OUT/small.md" "$OUT/large.md"
