"""Reference Standard Webhooks signatures for io.andon.alert.WebhookSignerTest.

Computed with Python's own hmac/hashlib/base64, independently of the Java code.
The first vector is the one published in the Standard Webhooks specification's
test suite. Run: python3 src/test/python/alert_webhook_signatures.py
"""
import base64
import hashlib
import hmac
import json
import os

VECTORS = [
    ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
     '{"test": 2432232314}'),
    ("whsec_" + base64.b64encode(bytes(range(32))).decode(), "msg_0123456789abcdef", 1700000000,
     '{"type":"run.failed","data":{"job_name":"nightly","run_id":12}}'),
    ("whsec_" + base64.b64encode(b"andon-test-key-24-bytes!").decode(), "msg_\u00e9t\u00e9", 0,
     '{"text":"caf\u00e9 \u2014 drift \U0001F525"}'),
]

out = []
for secret, msg_id, ts, body in VECTORS:
    key = base64.b64decode(secret[len("whsec_"):])
    mac = hmac.new(key, f"{msg_id}.{ts}.{body}".encode("utf-8"), hashlib.sha256).digest()
    out.append({"secret": secret, "id": msg_id, "timestamp": ts, "body": body,
                "signature": "v1," + base64.b64encode(mac).decode()})

path = os.path.join(os.path.dirname(__file__), "..", "resources", "alert", "webhook_signatures.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")

# GitHub style: X-Hub-Signature-256 = "sha256=" + hex(HMAC-SHA256(secret as UTF-8 bytes, body))
GITHUB = [
    ("It's a Secret to Everybody", "Hello, World!"),  # the example in GitHub's documentation
    ("andon-secret", '{"type":"run.failed","data":{"run_id":12}}'),
]
gh = [{"secret": s, "body": b,
       "signature": "sha256=" + hmac.new(s.encode("utf-8"), b.encode("utf-8"), hashlib.sha256).hexdigest()}
      for s, b in GITHUB]
path = os.path.join(os.path.dirname(__file__), "..", "resources", "alert", "github_signatures.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(gh, f, indent=2, ensure_ascii=False)
    f.write("\n")
