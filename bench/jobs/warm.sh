#!/usr/bin/env bash
# The job benchmark inside one JVM that stays up: what a warm, compiled andon would give.
# Usage: bench/jobs/warm.sh [TASKS] [ROUNDS] [WARM-UP ROUNDS]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000}
R=${2:-10}
S=${3:-3}
OUT=bench/out/jobs
mkdir -p "$OUT"
HOMES=$(mktemp -d)
trap 'rm -rf "$HOMES"' EXIT
python3 bench/jobs/gen.py "$N" 100 "$OUT" >/dev/null
./andon --version >/dev/null   # builds the jar if needed
# both compilers, as a process that stays up would use them
java -XX:+UseParallelGC -cp target/andon.jar bench/jobs/Warm.java "$R" "$S" "$OUT" "$HOMES"
