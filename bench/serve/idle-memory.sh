#!/bin/sh
# Memory of an idle service: JOBS job files (each three `true` tasks, half of them on a daily
# cron) served by `andon serve`, measured once every job is loaded and the service has been idle
# for SETTLE seconds: the resident set (VmRSS) and its peak (VmHWM) from /proc, beside the same
# figures for `andon serve` of one job, so the cost per job shows.
# Usage: bench/serve/idle-memory.sh [JOBS] [SETTLE]; needs curl and python3.
set -eu
jobs=${1:-1000}
settle=${2:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/bench/serve/lib.sh"
python3 - "$jobs" "$work/jobs" <<'PY'
import os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out)
for i in range(n):
    schedule = ('schedule: {quartz_cron_expression: "0 0 6 * * ?", timezone_id: UTC}\n'
                if i % 2 == 0 else '')
    with open(f"{out}/job{i:05d}.yml", "w") as f:
        f.write(f"name: job{i:05d}\n{schedule}tasks:\n"
                "  - task_key: a\n    shell_task: {command: 'true'}\n"
                "  - task_key: b\n    depends_on: [{task_key: a}]\n    shell_task: {command: 'true'}\n"
                "  - task_key: c\n    depends_on: [{task_key: b}]\n    shell_task: {command: 'true'}\n")
PY
mkdir -p "$work/one"
cp "$work/jobs/job00000.yml" "$work/one/"
measure() { # folder, label
  rm -rf "$work/home"
  start_serve "$1"
  served=$(curl -s "$url/api/2.2/jobs/list?limit=100" | python3 -c \
    'import json,sys; d=json.load(sys.stdin); print(len(d.get("jobs", [])), d.get("has_more", False))')
  sleep "$settle"
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  awk -v l="$2" -v s="$served" -v r="$rss" -v h="$hwm" \
    'BEGIN { printf "| %s | %s | %.1f | %.1f |\n", l, s, r / 1024, h / 1024 }'
  stop_serve
}
echo "| served | first page of jobs/list (jobs, has_more) | RSS idle (MiB) | peak RSS (MiB) |"
echo "|---|---|---|---|"
measure "$work/one" "1 job"
measure "$work/jobs" "$jobs jobs"
