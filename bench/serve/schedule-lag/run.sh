#!/bin/sh
# Schedule lag through the service: JOBS job files, each one task `true` on an every-minute cron
# (`0 * * * * ?`, UTC), served by `andon serve` for SECONDS; then, from the store, the lag of
# every fire from its planned time to its commit, to its run's recorded start and to the start of
# its task's process, as p50/p99/max.
# Usage: bench/serve/schedule-lag/run.sh [JOBS] [SECONDS]   (from anywhere; needs python3)
# The figure in the README: bench/serve/schedule-lag/run.sh 1000 600
set -eu
jobs=${1:-1000}
seconds=${2:-600}
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/andon" --version > /dev/null # builds the jar if needed
python3 - "$jobs" "$work/jobs" <<'PY'
import os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out)
for i in range(n):
    with open(f"{out}/lag-{i:05d}.yml", "w") as f:
        f.write(f"name: lag-{i:05d}\n"
                'schedule: {quartz_cron_expression: "0 * * * * ?", timezone_id: UTC}\n'
                "tasks: [{task_key: t, shell_task: {command: 'true'}}]\n")
PY
export ANDON_TOKEN=bench
"$root/andon" serve "$work/jobs" --home "$work/home" --port 0 \
  > "$work/serve.out" 2> "$work/serve.err" &
pid=$!
while [ ! -s "$work/home/serve.url" ]; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/serve.err"; exit 2; }
  sleep 0.2
done
echo "serving $jobs jobs; firing for $seconds s (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
sleep "$seconds"
# SIGTERM: no more fires, the runs in progress finish
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
python3 - "$work/home/andon.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute(
    "SELECT f.committed_at - f.planned_time, r.start_time - f.planned_time,"
    " (SELECT min(a.start_time) FROM task_attempts a WHERE a.run_id = r.run_id) - f.planned_time,"
    " r.result_state FROM schedule_fires f JOIN runs r ON r.run_id = f.run_id").fetchall()
def pct(values, p):
    v = sorted(x for x in values if x is not None)
    return v[min(len(v) - 1, max(0, -(-p * len(v) // 100) - 1))] if v else -1
bad = sum(1 for r in rows if r[3] != "SUCCESS")
print(f"fires {len(rows)} (runs not SUCCESS: {bad}); load average now"
      f" {open('/proc/loadavg').read().split()[0]}")
print("lag from the planned time to   p50 ms   p99 ms   max ms")
for i, label in enumerate(["fire committed", "run started", "task process started"]):
    col = [r[i] for r in rows]
    print(f"{label:<29} {pct(col, 50):7d}  {pct(col, 99):7d}  {pct(col, 100):7d}")
PY
