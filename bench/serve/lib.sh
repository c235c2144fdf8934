# What the scripts of bench/serve share, sourced after `set -eu` and setting `root` to the
# checkout:  root=...; . "$root/bench/serve/lib.sh"
# It builds andon when needed, makes a scratch folder `work`, exports the token `bench`, and on
# exit stops the service it started (if any) and removes the folder.
"$root/andon" --version > /dev/null # builds the jar if needed
work=$(mktemp -d)
pid=""
url=""
export ANDON_TOKEN=bench
trap 'stop_serve; rm -rf "$work"' EXIT

# start_serve ARG...: `andon serve ARG... --home $work/home --port 0` in the background, its
# output in $work/serve.out and .err; waits for its address and sets `pid` (the service's JVM:
# the launcher execs java) and `url`. When the service ends first, prints its errors and exits 2.
start_serve() {
  rm -f "$work/home/serve.url"
  "$root/andon" serve "$@" --home "$work/home" --port 0 > "$work/serve.out" 2> "$work/serve.err" &
  pid=$!
  while [ ! -s "$work/home/serve.url" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve.err"; exit 2; }
    sleep 0.2
  done
  url=$(cat "$work/home/serve.url")
}

# stop_serve: SIGTERM to the service started last, and waits for it to end (the runs in progress
# finish first).
stop_serve() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
  fi
}
