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
. "$root/bench/serve/lib.sh"
python3 "$root/bench/jobs/gen.py" "$tasks" 100 "$work" > /dev/null
start_serve "$work/shell.yml" --max-parallel 2
python3 "$root/bench/serve/warm.py" "$url" "$work" "$pid" "$repeats"
