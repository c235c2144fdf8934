#!/usr/bin/env bash
# Schedule lag: JOBS jobs each on an every-minute cron, tasks `true`, fired on the wall clock for
# SECONDS; prints the p50/p99/max lag from each planned time to its fire and to its run's start.
# Usage: bench/serve/schedule-lag/run.sh [JOBS] [SECONDS] [THREADS]   (from anywhere)
# The figure in the README: bench/serve/schedule-lag/run.sh 1000 600
set -euo pipefail
cd "$(dirname "$0")/../../.."
JOBS=${1:-1000}
SECONDS_=${2:-600}
THREADS=${3:-32}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./andon --version >/dev/null   # builds the jar if needed
java -XX:+UseParallelGC -cp target/andon.jar bench/serve/schedule-lag/ScheduleLag.java \
  "$JOBS" "$SECONDS_" "$THREADS" "$WORK"
