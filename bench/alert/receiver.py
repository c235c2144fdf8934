"""A Standard Webhooks receiver for the benchmark: verifies every signature,
rejects stale timestamps, counts unique webhook-ids. Prints its port, then
serves until killed; GET /stats returns {"requests", "unique", "bad"}."""
import base64
import hashlib
import hmac
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY = base64.b64decode(sys.argv[1][len("whsec_"):])
lock = threading.Lock()
stats = {"requests": 0, "unique": 0, "bad": 0}
seen = set()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_GET(self):
        body = json.dumps(stats).encode()
        self.send_response(200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        mid = self.headers.get("webhook-id", "")
        ts = self.headers.get("webhook-timestamp", "0")
        sig = self.headers.get("webhook-signature", "")
        want = base64.b64encode(hmac.new(KEY, f"{mid}.{ts}.".encode() + body, hashlib.sha256).digest()).decode()
        ok = abs(time.time() - int(ts)) < 300 and any(
            s.startswith("v1,") and hmac.compare_digest(s[3:], want) for s in sig.split(" "))
        with lock:
            stats["requests"] += 1
            if not ok:
                stats["bad"] += 1
            elif mid not in seen:
                seen.add(mid)
                stats["unique"] += 1
        self.send_response(200 if ok else 401)
        self.send_header("content-length", "0")
        self.end_headers()


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
