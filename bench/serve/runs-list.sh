#!/bin/sh
# jobs/runs/list latency with RUNS runs stored: one real run of a three-task job is made through
# the service, copied RUNS - 1 times in the store (runs and task runs, as the engine wrote them),
# then `wrk` asks jobs/runs/list (the newest page of 25, as the SDK's iterator does) as fast as it
# goes and at about 200 requests/s, and jobs/runs/get of one run, over CONNECTIONS connections for
# SECONDS seconds each, and prints its latency distribution. Usage: bench/serve/runs-list.sh [RUNS] [SECONDS] [CONNECTIONS];
# needs wrk and sqlite3 (Debian packages), curl and python3.
set -eu
runs=${1:-100000}
seconds=${2:-20}
conns=${3:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT
export ANDON_TOKEN=bench
mkdir -p "$work/jobs"
cat > "$work/jobs/job.yml" <<'YAML'
name: listed
tasks:
  - task_key: a
    shell_task: {command: 'true'}
  - task_key: b
    depends_on: [{task_key: a}]
    shell_task: {command: 'true'}
  - task_key: c
    depends_on: [{task_key: b}]
    shell_task: {command: 'true'}
YAML
serve() {
  rm -f "$work/home/serve.url"
  "$root/andon" serve "$work/jobs" --home "$work/home" --port 0 > "$work/serve.out" \
    2> "$work/serve.err" &
  pid=$!
  while [ ! -s "$work/home/serve.url" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve.err"; exit 2; }
    sleep 0.2
  done
  url=$(cat "$work/home/serve.url")
}
serve
first=$(curl -s -H "Authorization: Bearer bench" -X POST "$url/api/2.2/jobs/run-now" \
  -d '{"job_id": 1}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["run_id"])')
until curl -s "$url/api/2.2/jobs/runs/get?run_id=$first" | grep -q '"TERMINATED"'; do
  sleep 0.2
done
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
db=$(ls "$work/home"/*.db | head -1)
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = OFF;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $runs - 1)
INSERT INTO runs (job_name, job_file, job_key, definition, parameters, state, result_state,
  message, start_time, end_time, repair_count, owner_pid, owner_start, parent_run_id)
SELECT job_name, job_file, job_key, definition, parameters, state, result_state, message,
  start_time + i, end_time + i, repair_count, owner_pid, owner_start, parent_run_id
FROM runs, n WHERE run_id = $first;
INSERT INTO task_runs (run_id, task_key, iteration, state, result_state, outcome, attempts,
  start_time, end_time, task_values, message, input, pid, pid_start, repair_id)
SELECT r.run_id, t.task_key, t.iteration, t.state, t.result_state, t.outcome, t.attempts,
  t.start_time, t.end_time, t.task_values, t.message, t.input, t.pid, t.pid_start, t.repair_id
FROM runs r, task_runs t WHERE t.run_id = $first AND r.run_id <> $first;
SQL
echo "runs stored: $(sqlite3 "$db" 'SELECT count(*) FROM runs')"
serve
curl -s "$url/api/2.2/jobs/runs/list?limit=25" > /dev/null # warm-up
echo "## jobs/runs/list?limit=25"
wrk -t 1 -c "$conns" -d "${seconds}s" --latency "$url/api/2.2/jobs/runs/list?limit=25" \
  | grep -E "Latency|50%|90%|99%|Requests/sec"
# the goal's load: 200 requests/s in all, each connection waiting between its requests
# (wrk's delay(): plain wrk has no rate option)
printf 'function delay() return %d end\n' $((1000 * conns / 200)) > "$work/pace.lua"
echo "## jobs/runs/list?limit=25 at about 200 requests/s"
wrk -t 1 -c "$conns" -d "${seconds}s" --latency -s "$work/pace.lua" \
  "$url/api/2.2/jobs/runs/list?limit=25" | grep -E "Latency|50%|90%|99%|Requests/sec"
echo "## jobs/runs/get of one run"
wrk -t 1 -c "$conns" -d "${seconds}s" --latency "$url/api/2.2/jobs/runs/get?run_id=$first" \
  | grep -E "Latency|50%|90%|99%|Requests/sec"
