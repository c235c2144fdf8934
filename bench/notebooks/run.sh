#!/usr/bin/env bash
# Notebook task benchmark: what andon adds to running a notebook's code with python3.
#  1. overhead per task: a chain of N notebook tasks (one at a time) against the same N files
#     run one after the other by python3, per task;
#  2. throughput: N independent notebook tasks with --max-parallel 2 against the same files
#     under make -j2.
# Usage: bench/notebooks/run.sh [TASKS] [REPEATS]    (from the repository root; needs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-200}
R=${2:-3}
OUT=bench/out/notebooks
rm -rf "$OUT"; mkdir -p "$OUT"
HOMES=$(mktemp -d)
trap 'rm -rf "$HOMES"' EXIT
python3 bench/notebooks/gen.py "$N" "$OUT"
./andon --version >/dev/null   # builds the jar if needed
# the interpreter itself, not a shim in front of it (pyenv's shims cost 50-100 ms a call)
PY=$(python3 -c 'import sys; print(sys.executable)')
hyperfine --warmup "${WARMUP:-1}" --runs "$R" --export-json "$OUT/hyperfine.json" \
  --prepare "rm -rf $HOMES/h" \
  -n "python3, $N files one after the other" \
  "for f in $OUT/nb/*.py; do $PY \$f >/dev/null; done" \
  -n "andon run, chain of $N notebook tasks" \
  "ANDON_PYTHON=$PY ./andon run --home $HOMES/h $OUT/chain.yml >/dev/null" \
  -n "make -j2, $N files" \
  "make -s -j2 -C $OUT PY=$PY all" \
  -n "andon run --max-parallel 2, $N notebook tasks" \
  "ANDON_PYTHON=$PY ./andon run --home $HOMES/h --max-parallel 2 $OUT/job.yml >/dev/null"
python3 - "$OUT/hyperfine.json" "$N" <<'PY' | tee "$OUT/results.md"
import json, sys
res = json.load(open(sys.argv[1]))["results"]
n = int(sys.argv[2])
wall = {x["command"]: x["median"] for x in res}
cpu = {x["command"]: x["user"] + x["system"] for x in res}
names = list(wall)
py, chain, make, par = names
print("| what | median wall time (s) | CPU time, user + system (s) |")
print("|---|---|---|")
for k in names:
    print("| %s | %.2f | %.2f |" % (k, wall[k], cpu[k]))
print("| **overhead per notebook task** (chain - python3) / %d | **%.0f ms** wall | **%.0f ms** CPU |"
      % (n, (wall[chain] - wall[py]) / n * 1000, (cpu[chain] - cpu[py]) / n * 1000))
print("| **ratio andon --max-parallel 2 / make -j2** | **%.2f** wall | **%.2f** CPU |"
      % (wall[par] / wall[make], cpu[par] / cpu[make]))
PY
