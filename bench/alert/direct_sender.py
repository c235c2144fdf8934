"""The peer: what a script does without an outbox. Signs each message the
Standard Webhooks way (stdlib hmac) and POSTs it over one keep-alive
connection (http.client), with no durability and no retries.
Usage: direct_sender.py PORT SECRET N"""
import base64
import hashlib
import hmac
import http.client
import json
import sys
import time

port, secret, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
key = base64.b64decode(secret[len("whsec_"):])
conn = http.client.HTTPConnection("127.0.0.1", port)
t0 = time.perf_counter()
for i in range(n):
    mid = f"msg_direct_{i}"
    body = json.dumps({"type": "run.failed", "timestamp": "2026-11-28T00:00:00Z",
                       "data": {"id": mid, "job_name": "bench", "run_id": i}}).encode()
    ts = str(int(time.time()))
    sig = base64.b64encode(hmac.new(key, f"{mid}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()
    conn.request("POST", "/hook", body, {"content-type": "application/json", "webhook-id": mid,
                                          "webhook-timestamp": ts, "webhook-signature": "v1," + sig})
    r = conn.getresponse()
    r.read()
    if r.status != 200:
        sys.exit(f"receiver answered {r.status}")
print(f"{time.perf_counter() - t0:.3f}")
