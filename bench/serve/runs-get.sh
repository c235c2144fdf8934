#!/bin/sh
# jobs/runs/get latency of a big run: the layered DAG of bench/jobs (TASKS `true` tasks, each on
# two of the previous layer) is run once through the service, then `wrk` asks jobs/runs/get of
# that run, and of one of its task runs, over CONNECTIONS connections for SECONDS seconds each,
# and prints the latency distribution. Usage: bench/serve/runs-get.sh [TASKS] [SECONDS]
# [CONNECTIONS]; needs wrk (Debian package), curl and python3.
set -eu
tasks=${1:-1000}
seconds=${2:-15}
conns=${3:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/bench/serve/lib.sh"
python3 "$root/bench/jobs/gen.py" "$tasks" 100 "$work" > /dev/null
start_serve "$work/shell.yml" --max-parallel 2
run=$(curl -s -H "Authorization: Bearer bench" -X POST "$url/api/2.2/jobs/run-now" \
  -d '{"job_id": 1}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["run_id"])')
until curl -s "$url/api/2.2/jobs/runs/list?job_id=1&limit=1" | grep -q '"TERMINATED"'; do
  sleep 0.5
done
get="$url/api/2.2/jobs/runs/get?run_id=$run"
task=$(curl -s "$get" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tasks"][-1]["run_id"])')
echo "run $run: $(curl -s "$get" | wc -c) bytes, $tasks tasks"
for i in 1 2 3 4 5 6 7 8 9 10; do curl -s "$get" > /dev/null; done # warm-up
echo "## jobs/runs/get of the $tasks-task run"
wrk -t 1 -c "$conns" -d "${seconds}s" --latency "$get" | grep -E "Latency|50%|90%|99%|Requests/sec"
echo "## jobs/runs/get of one of its task runs"
wrk -t 1 -c "$conns" -d "${seconds}s" --latency "$url/api/2.2/jobs/runs/get?run_id=$task" \
  | grep -E "Latency|50%|90%|99%|Requests/sec"
