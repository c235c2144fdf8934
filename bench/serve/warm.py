#!/usr/bin/env python3
"""Times `make -j2` and the same DAG submitted to a running `andon serve`, side by side.

Usage: warm.py URL WORK SERVICE_PID REPEATS

One process for the whole comparison: the run is submitted and followed over one keep-alive
connection (jobs/runs/list every 50 ms), so that following it costs the machine next to nothing.
A poll that started a client process (curl, a Python interpreter) each time would take CPU from
the tasks on the service's side only, and not from make's. Prints, for each pair, the wall time
of each and the CPU time per task: make's and its children's (getrusage), the service's own and
its reaped tasks' (/proc/PID/stat).
"""
import http.client
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import urllib.parse

url, work, service_pid, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
tasks = sum(1 for line in open(os.path.join(work, "shell.yml")) if line.startswith("  - task_key:"))
tick = os.sysconf("SC_CLK_TCK")
parts = urllib.parse.urlparse(url)
conn = None
headers = {"Authorization": "Bearer " + os.environ.get("ANDON_TOKEN", "bench")}


def call(method, path, body=None):
    conn.request(method, path, body, headers)
    response = conn.getresponse()
    data = response.read()
    if response.status != 200:
        sys.exit(f"{method} {path}: HTTP {response.status} {data[:300]!r}")
    return json.loads(data)


def service_cpu():
    """(the service's own CPU seconds, those of the children it reaped)."""
    with open(f"/proc/{service_pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    own = (int(fields[11]) + int(fields[12])) / tick
    reaped = (int(fields[13]) + int(fields[14])) / tick
    return own, reaped


def make_once():
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(["make", "-s", "-j2", "-C", work], check=True, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def serve_once():
    global conn  # a new connection each time: the service closes one left idle while make runs
    conn = http.client.HTTPConnection(parts.hostname, parts.port)
    own0, reaped0 = service_cpu()
    start = time.monotonic()
    run = call("POST", "/api/2.2/jobs/run-now", json.dumps({"job_id": 1}))["run_id"]
    while True:
        runs = call("GET", "/api/2.2/jobs/runs/list?job_id=1&limit=1")["runs"]
        state = runs[0]["state"]["life_cycle_state"]
        if runs[0]["run_id"] == run and state in ("TERMINATED", "SKIPPED", "INTERNAL_ERROR"):
            break
        time.sleep(0.05)
    wall = time.monotonic() - start
    own1, reaped1 = service_cpu()
    conn.close()
    return wall, own1 - own0, reaped1 - reaped0


def load():
    return open("/proc/loadavg").read().split()[0]


rows = []
for i in range(repeats):
    load0 = load()
    make_wall, make_cpu = make_once()
    serve_wall, own, reaped = serve_once()
    rows.append((make_wall, serve_wall))
    ms = lambda s: f"{1000 * s / tasks:.2f}"
    print(
        f"make -j2 {make_wall:.2f} s, andon serve {serve_wall:.2f} s, ratio"
        f" {serve_wall / make_wall:.2f}; CPU per task: make and its tasks {ms(make_cpu)} ms,"
        f" the service {ms(own)} ms + its tasks {ms(reaped)} ms; load average {load0}",
        flush=True,
    )
m = statistics.median(r[0] for r in rows)
s = statistics.median(r[1] for r in rows)
print(f"{tasks} tasks, medians of {len(rows)}: make -j2 {m:.2f} s, andon serve {s:.2f} s, ratio {s / m:.2f}")
