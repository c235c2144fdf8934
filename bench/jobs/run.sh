#!/usr/bin/env bash
# Job engine benchmark: andon vs make -j2 on the same layered DAG of `true` commands, side by
# side in one run; plus 10,000 condition tasks and loading a 10,000-task job.
# Usage: bench/jobs/run.sh [TASKS] [REPEATS]     (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000}
R=${2:-3}
OUT=bench/out/jobs
rm -rf "$OUT"; mkdir -p "$OUT"
# Each andon run gets a home of its own in a fresh temporary folder, deleted at the end. Where
# files are created matters on ext4 without a journal: its inode allocator skips recently freed
# inodes one by one, and a folder whose block group holds many of them (this script's own
# output folder after earlier runs, say) made the same run 40% slower here. See README.md.
HOMES=$(mktemp -d)
trap 'rm -rf "$HOMES"' EXIT
python3 bench/jobs/gen.py "$N" 100 "$OUT" >/dev/null
./andon --version >/dev/null   # builds the jar if needed; the runs below go through the launcher too
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.3f}')"; }
median() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }

declare -a MAKE ANDON COND LOAD
for r in $(seq "$R"); do
  t0=$(now); make -s -j2 -C "$OUT" -f Makefile all >/dev/null; t1=$(now)
  MAKE+=("$(secs "$t0" "$t1")")
  t0=$(now); ./andon run --home "$HOMES/home-$r" --max-parallel 2 "$OUT/shell.yml" >/dev/null; t1=$(now)
  ANDON+=("$(secs "$t0" "$t1")")
  t0=$(now); ./andon run --home "$HOMES/home-$r" "$OUT/conditions.yml" >/dev/null; t1=$(now)
  COND+=("$(secs "$t0" "$t1")")
  t0=$(now); ./andon validate "$OUT/shell.yml" >/dev/null; t1=$(now)
  LOAD+=("$(secs "$t0" "$t1")")
done
m_make=$(median "${MAKE[@]}"); m_andon=$(median "${ANDON[@]}")
ratio=$(python3 -c "print(f'{$m_andon / $m_make:.2f}')")
{
  echo "## Job engine benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, $N tasks, median of $R)"
  echo
  echo "| what | wall time (s) | runs |"
  echo "|---|---|---|"
  echo "| make -j2, $N \`/bin/sh -c true\` in a layered DAG | $m_make | ${MAKE[*]} |"
  echo "| andon run --max-parallel 2, same DAG, state in SQLite | $m_andon | ${ANDON[*]} |"
  echo "| **ratio andon / make** | **$ratio** | |"
  echo "| andon run, $N condition tasks (no process), state committed | $(median "${COND[@]}") | ${COND[*]} |"
  echo "| andon validate, $N-task job (JVM start included) | $(median "${LOAD[@]}") | ${LOAD[*]} |"
} | tee "$OUT/results.md"
