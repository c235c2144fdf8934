#!/usr/bin/env bash
# Benchmark of the notification outbox, run by hand (never by mvn verify):
# N Standard-Webhooks-signed notifications to a local receiver that verifies
# every signature, sent (a) by andon's durable outbox (write each to SQLite,
# then deliver with retries and leases) and (b) by the peer, a direct Python
# sender with no durability. Reports wall times and the andon/peer ratio.
# Usage: bench/alert/run.sh [N]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-2000}"
[ -f target/andon.jar ] || ./mvnw -B -q package -DskipTests
export BENCH_SECRET="whsec_$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
WORK="$(mktemp -d)"
python3 bench/alert/receiver.py "$BENCH_SECRET" > "$WORK/port" &
RECEIVER=$!
trap 'kill $RECEIVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT="$(cat "$WORK/port")"

peer=$(python3 bench/alert/direct_sender.py "$PORT" "$BENCH_SECRET" "$N")
read -r enqueue deliver < <(java -cp target/andon.jar bench/alert/OutboxBench.java "$WORK/home" "$PORT" "$N")
stats=$(curl -s "http://127.0.0.1:$PORT/stats")
total=$(python3 -c "print(f'{$enqueue + $deliver:.3f}')")
echo "notifications:                 $N (signed, verified by the receiver)"
echo "receiver:                      $stats"
echo "peer (direct python, no outbox): ${peer} s  = $(python3 -c "print(f'{$N / $peer:.0f}')") msg/s"
echo "andon outbox write:            ${enqueue} s  = $(python3 -c "print(f'{$N / $enqueue:.0f}')") msg/s"
echo "andon outbox deliver:          ${deliver} s  = $(python3 -c "print(f'{$N / $deliver:.0f}')") msg/s"
echo "andon write+deliver:           ${total} s"
echo "ratio andon/peer (time):       $(python3 -c "print(f'{($enqueue + $deliver) / $peer:.2f}')")"
