#!/usr/bin/env bash
# Loads the HTTP service from a loopback client (issue 6): 2,000 POST /v1/digest of the
# built-in example with 8 concurrent connections, then a round of bad requests; reports
# errors, requests/s and the server's resident memory after warm-up and at the end.
#
# Usage: bench/server_load.sh [REQUESTS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
n="${1:-2000}"
cargo build --quiet --release -p nutgraf-cli --manifest-path "$root/Cargo.toml"
port=$((20000 + RANDOM % 20000))
source "$root/scripts/target-dir.sh"
"$target/release/nutgraf" serve --addr "127.0.0.1:$port" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
python3 - "$port" "$n" "$pid" <<'PY'
import http.client, json, sys, threading, time
port, n, pid = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
example = http.client.HTTPConnection("127.0.0.1", port)
example.request("GET", "/v1/example"); page = example.getresponse().read().decode()
body = json.dumps({"html": page})
errors, done, lock = [], [0], threading.Lock()
def worker(count):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(count):
        c.request("POST", "/v1/digest", body, {"Content-Type": "application/json"})
        r = c.getresponse(); r.read()
        with lock:
            done[0] += 1
            if r.status != 200: errors.append(r.status)
def run(total, threads=8):
    ts = [threading.Thread(target=worker, args=(total // threads,)) for _ in range(threads)]
    [t.start() for t in ts]; [t.join() for t in ts]
run(200)
warm = rss()
t0 = time.time()
steps = []
for _ in range(5):
    run(n // 5)
    steps.append(rss())
dt = time.time() - t0
bad = [("application/json", b"{oops"), ("image/png", b"x"), ("text/html", b"a" * (6 << 20))]
codes = []
for ct, b in bad:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.request("POST", "/v1/digest", b, {"Content-Type": ct}); r = c.getresponse(); r.read(); codes.append(r.status)
    except Exception as e:
        codes.append(str(e))
c = http.client.HTTPConnection("127.0.0.1", port); c.request("GET", "/healthz"); alive = c.getresponse().status
print(f"{n} requests: {len(errors)} errors, {n/dt:.0f} requests/s")
print(f"server RSS after warm-up {warm:.1f} MB, after each fifth of the run: " + ", ".join(f"{x:.1f}" for x in steps) + " MB")
print(f"bad requests answered {codes}; /healthz afterwards: {alive}")
PY
