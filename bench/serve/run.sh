#!/bin/sh
# The warm path: the layered DAG of bench/jobs (TASKS `true` tasks, each on two of the previous
# layer) run by `make -j2` and submitted to a running `andon serve --max-parallel 2`, side by
# side, REPEATS times. The service run is timed from run-now to the run's end, as a client sees it.
# Usage: bench/serve/run.sh [TASKS] [REPEATS]; needs curl and python3.
set -eu
tasks=${1:-10000}
repeats=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 "$root/bench/jobs/gen.py" "$tasks" 100 "$work" > /dev/null
export ANDON_TOKEN=bench
"$root/andon" serve "$work/shell.yml" --home "$work/home" --port 0 --max-parallel 2 \
  > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
while [ ! -s "$work/home/serve.url" ]; do sleep 0.2; done
url=$(cat "$work/home/serve.url")
now() { python3 -c 'import time; print(time.time())'; }
results="$work/results.txt"
for i in $(seq "$repeats"); do
  start=$(now)
  make -s -j2 -C "$work" > /dev/null
  make_s=$(python3 -c "print($(now) - $start)")
  start=$(now)
  run=$(curl -s -H "Authorization: Bearer bench" -X POST "$url/api/2.2/jobs/run-now" \
    -d '{"job_id": 1}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["run_id"])')
  while :; do
    state=$(curl -s "$url/api/2.2/jobs/runs/list?job_id=1&limit=1" | python3 -c \
      'import json,sys; r=json.load(sys.stdin)["runs"][0]; print(r["state"]["life_cycle_state"])')
    case $state in TERMINATED|SKIPPED|INTERNAL_ERROR) break ;; esac
    sleep 0.05
  done
  serve_s=$(python3 -c "print($(now) - $start)")
  echo "$make_s $serve_s" | tee -a "$results"
done
python3 - "$results" "$tasks" <<'PY'
import statistics, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
m = statistics.median(r[0] for r in rows)
s = statistics.median(r[1] for r in rows)
print(f"{sys.argv[2]} tasks, medians of {len(rows)}: make -j2 {m:.2f} s, andon serve {s:.2f} s,"
      f" ratio {s / m:.2f}")
PY
