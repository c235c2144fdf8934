#!/bin/sh
# The warm path: the layered DAG of bench/jobs (TASKS `true` tasks, each on two of the previous
# layer) run by `make -j2` and submitted to a running `andon serve --max-parallel 2`, side by
# side, REPEATS times. The service run is timed from run-now to the run's end, as a client sees
# it; bench/serve/warm.py does both, from one process (see there why).
# Usage: bench/serve/run.sh [TASKS] [REPEATS]; needs python3 and make.
set -eu
tasks=${1:-10000}
repeats=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
serve_pid=
trap 'if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
python3 "$root/bench/jobs/gen.py" "$tasks" 100 "$work" > /dev/null
export ANDON_TOKEN=bench
"$root/andon" --version > /dev/null # builds the jar first when needed
"$root/andon" serve "$work/shell.yml" --home "$work/home" --port 0 --max-parallel 2 \
  > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
while [ ! -s "$work/home/serve.url" ]; do sleep 0.2; done
# the launcher script execs java: the pid started is the service's
python3 "$root/bench/serve/warm.py" "$(cat "$work/home/serve.url")" "$work" "$serve_pid" "$repeats"
