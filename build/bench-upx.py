"""Start-up timings for build/bench-upx.sh: time to first output, time to first HTTP response,
anonymous (private, not file-backed) memory. Medians over repeated runs; prints one JSON object per measurement."""
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request


def first_output_ms(exe):
    start = time.perf_counter()
    proc = subprocess.Popen([exe], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=os.path.dirname(exe))
    proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    proc.wait()
    return elapsed


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def anonymous_kib(pid):
    # Memory no file backs: a packed executable decompresses its code into it, so it cannot be
    # shared between processes or dropped under memory pressure. Unpacked code is file-backed.
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Anonymous:"):
                return int(line.split()[1])
    return 0


def first_response_ms(exe):
    port = free_port()
    env = dict(os.environ, ASPNETCORE_HTTP_PORTS=str(port), ASPNETCORE_URLS="")
    start = time.perf_counter()
    proc = subprocess.Popen([exe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=os.path.dirname(exe), env=env)
    try:
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"{exe} exited before answering with {proc.returncode}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    r.read()
                break
            except OSError:
                time.sleep(0.002)
            if time.perf_counter() - start > 30:
                raise SystemExit(f"{exe} did not answer in 30 s")
        elapsed = (time.perf_counter() - start) * 1000
        return elapsed, anonymous_kib(proc.pid)
    finally:
        proc.kill()
        proc.wait()


def main():
    kind, label, exe, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    if kind == "console":
        first_output_ms(exe)
        times = [first_output_ms(exe) for _ in range(runs)]
        print(json.dumps({"label": label, "kind": kind, "runs": runs, "median_ms": round(statistics.median(times), 1)}))
    else:
        first_response_ms(exe)
        samples = [first_response_ms(exe) for _ in range(runs)]
        print(json.dumps({"label": label, "kind": kind, "runs": runs,
                          "median_ms": round(statistics.median(s[0] for s in samples), 1),
                          "median_anonymous_kib": int(statistics.median(s[1] for s in samples))}))


if __name__ == "__main__":
    main()
