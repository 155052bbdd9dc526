#!/usr/bin/env python3
"""Reads wrk --latency output on stdin; prints: requests/s, p50 ms, p99 ms, non-2xx/3xx responses, socket errors."""
import re
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def millis(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    return float(m.group(1)) * UNITS[m.group(2)]


out = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = millis(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
p99 = millis(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
print(f"{rps:.1f} {p50:.2f} {p99:.2f} {int(non2xx.group(1)) if non2xx else 0} "
      f"{sum(int(g) for g in errors.groups()) if errors else 0}")
