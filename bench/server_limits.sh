#!/usr/bin/env bash
# The service's limits under hostile load (issue 16), on loopback with the release build:
#   1. a ~5 MB page (one paragraph repeated) posted with a per-request limit of 2 s and
#      of 0.5 s, and an ordinary page posted while it runs: statuses and the time until
#      the response starts;
#   2. the server's CPU use in the 3 s after the big page is answered (from /proc);
#   3. 200 connections that send headers and never their body: how long until the
#      server has closed them all;
#   4. resident memory before, right after and 5 s after a burst of eight 5 MB posts.
# Usage: bench/server_limits.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cargo build --quiet --release -p nutgraf-cli --manifest-path "$root/Cargo.toml"
source "$root/scripts/target-dir.sh"
python3 - "$target/release/nutgraf" <<'PY'
import socket, subprocess, sys, threading, time, random

binary = sys.argv[1]
para = ("<p>The council voted on Tuesday to close the old bridge for repairs, a decision that "
        "officials said would add twenty minutes to the commute of thousands of residents.</p>\n")
big = ("<html><body><article><h1>Bridge closes</h1>" + para * (4_900_000 // len(para)) +
       "</article></body></html>").encode()
small = ("<html><head><title>Dam opens</title></head><body><article><h1>Dam opens</h1>" +
         para * 6 + "</article></body></html>").encode()

def start(timeout):
    port = random.randint(20000, 40000)
    p = subprocess.Popen([binary, "serve", "--addr", f"127.0.0.1:{port}", "--timeout", str(timeout)],
                         stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return p, port
        except OSError:
            time.sleep(0.05)
    raise SystemExit("server did not start")

def post(port, body, out, key):
    t = time.time()
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    s.sendall(b"POST /v1/digest HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
              b"Content-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    first = s.recv(65536)
    answered = time.time() - t  # the status line is in
    parts = [first]
    while parts[-1]:
        parts.append(s.recv(1 << 20))
    data = b"".join(parts)
    out[key] = (int(data.split()[1]) if data else 0, answered)

def cpu_seconds(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / 100.0

def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

for limit in (2.0, 0.5):
    p, port = start(limit)
    out = {}
    tb = threading.Thread(target=post, args=(port, big, out, "big")); tb.start()
    time.sleep(0.2)
    ts = threading.Thread(target=post, args=(port, small, out, "small")); ts.start()
    tb.join(); ts.join()
    c0 = cpu_seconds(p.pid); time.sleep(3); c1 = cpu_seconds(p.pid)
    print(f"limit {limit} s: {len(big)/1e6:.1f} MB page -> {out['big'][0]} in {out['big'][1]:.2f} s; "
          f"ordinary page posted 0.2 s later -> {out['small'][0]} in {out['small'][1]:.2f} s; "
          f"server CPU in the 3 s after: {c1 - c0:.2f} s")
    p.terminate(); p.wait()

p, port = start(10)
socks = []
for _ in range(200):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /v1/digest HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<p>")
    socks.append(s)
t = time.time(); open_ = set(range(200))
while open_ and time.time() - t < 60:
    for i in list(open_):
        socks[i].settimeout(0.01)
        try:
            if socks[i].recv(65536) == b"":
                open_.discard(i)
        except socket.timeout:
            pass
        except OSError:
            open_.discard(i)
    time.sleep(0.05)
print(f"200 connections that never send their body: all closed by the server after {time.time() - t:.1f} s"
      if not open_ else f"{len(open_)} of 200 still open after 60 s")
before = rss_mb(p.pid)
out = {}
threads = [threading.Thread(target=post, args=(port, big, out, i)) for i in range(8)]
for th in threads: th.start()
peak = 0.0
while any(th.is_alive() for th in threads):
    peak = max(peak, rss_mb(p.pid)); time.sleep(0.05)
after = rss_mb(p.pid); time.sleep(5); later = rss_mb(p.pid)
codes = sorted(v[0] for v in out.values())
print(f"burst of 8 x 5 MB posts (statuses {codes}): RSS before {before:.0f} MB, peak {peak:.0f} MB, "
      f"right after {after:.0f} MB, 5 s later {later:.0f} MB")
p.terminate(); p.wait()
PY
