#!/usr/bin/env bash
# Quality gate benchmark: `andon gate` side by side with the two gates CI pipelines write by hand,
# `jq -e` over the metrics file and a small Python script, on the same checks and metrics, in one
# run. Sizes: 5 checks (a typical CI gate: start-up dominates) and N checks over a nested metrics
# file. Wall and CPU (user + sys) seconds, medians; CPU time is the fairer number on a loaded
# machine. (SonarQube and pmat, the named peers, cannot be installed on this machine: no
# crates.io, no SonarQube server.)
# Usage: bench/gate/run.sh [N] [REPEATS]     (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000}
R=${2:-5}
OUT=bench/out/gate
rm -rf "$OUT"; mkdir -p "$OUT"
./andon --version >/dev/null   # builds the jar if needed
JAR=target/andon.jar
M="python3 bench/gate/measure.py"
med() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }
ratio() { python3 -c "print(f'{$1 / $2:.1f}')"; }

rows=()
for n in 5 "$N"; do
  d="$OUT/n$n"
  python3 bench/gate/gen.py "$n" "$d"
  AW=(); AC=(); JW=(); JC=(); PW=(); PC=()
  for r in $(seq "$R"); do
    read -r w c < <($M java -jar "$JAR" gate "$d/gates.yml" --metrics "$d/metrics.json" --no-record); AW+=("$w"); AC+=("$c")
    read -r w c < <($M jq -e --slurpfile checks "$d/checks.json" -f bench/gate/gate.jq "$d/metrics.json"); JW+=("$w"); JC+=("$c")
    read -r w c < <($M python3 bench/gate/peer.py "$d/checks.json" "$d/metrics.json"); PW+=("$w"); PC+=("$c")
  done
  aw=$(med "${AW[@]}"); ac=$(med "${AC[@]}"); jw=$(med "${JW[@]}"); jc=$(med "${JC[@]}")
  pw=$(med "${PW[@]}"); pc=$(med "${PC[@]}")
  rows+=("| $n | $aw / $ac | $jw / $jc | $pw / $pc | $(ratio "$ac" "$jc") | $(ratio "$ac" "$pc") |")
done
{
  echo "## Quality gate benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), median of $R)"
  echo
  echo "| checks | andon gate wall / CPU s | jq -e wall / CPU s | python3 script wall / CPU s | CPU andon / jq | CPU andon / python |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "andon also loads and validates the YAML gate (every problem with file:line), reports NaN and"
  echo "missing metrics by name, and prints one line per check; jq only answers true/false."
} | tee "$OUT/results.md"
