#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording: top frames by self time and by total (inclusive) time.

usage: jfr-top.py RECORDING.jfr [--top N] [--match SUBSTRING] [--part LABEL=SUBSTRING ...]
(needs `jfr` from the JDK on the PATH)
--match keeps only samples whose stack contains SUBSTRING (e.g. a benchmark method or a resource class).
--part  adds a breakdown: the share of those samples with SUBSTRING anywhere on the stack (parts may overlap).
The total-time list leaves out thread, executor, reflection, JMH, Jetty and Jersey plumbing, which wraps
every request.
"""
import argparse
import collections
import re
import subprocess
import sys

PLUMBING = ("java.lang.Thread.", "java.util.concurrent.", "jdk.internal.reflect.", "java.lang.reflect.",
            "org.openjdk.jmh.", "org.jobpricing.bench.jmh_generated.", "org.eclipse.jetty.", "org.glassfish.jersey.",
            "io.dropwizard.jetty.", "io.dropwizard.servlets.", "io.dropwizard.metrics.jetty12.")
FRAME = re.compile(r"^\s+(\S+?)(?:\(.*?\))?\s+line:")


def samples(recording):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording],
                          check=True, capture_output=True, text=True).stdout
    stack = None
    for line in text.splitlines():
        if line.strip().startswith("stackTrace = ["):
            stack = []
        elif stack is not None and line.strip() == "]":
            yield stack
            stack = None
        elif stack is not None:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("recording")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--match", default=None)
    parser.add_argument("--part", action="append", default=[])
    args = parser.parse_args()
    parts = [p.split("=", 1) for p in args.part]
    part_counts = collections.Counter()
    self_counts = collections.Counter()
    total_counts = collections.Counter()
    n = 0
    for stack in samples(args.recording):
        if not stack or (args.match and not any(args.match in f for f in stack)):
            continue
        n += 1
        self_counts[stack[0]] += 1
        for frame in set(stack):
            total_counts[frame] += 1
        for label, needle in parts:
            if any(needle in f for f in stack):
                part_counts[label] += 1
    if n == 0:
        print("  no CPU samples" + (" matching " + args.match if args.match else ""))
        return
    print(f"  {n} CPU samples" + (f" with {args.match} on the stack" if args.match else ""))
    if parts:
        print("  breakdown (share of these samples with the part on the stack):")
        for label, _ in parts:
            print(f"    {100.0 * part_counts[label] / n:5.1f}%  {label}")
    print("  self time (the frame on top of the stack):")
    for frame, count in self_counts.most_common(args.top):
        print(f"    {100.0 * count / n:5.1f}%  {frame}")
    print("  total time (the frame anywhere on the stack):")
    shown = [(f, c) for f, c in total_counts.most_common() if not f.startswith(PLUMBING)]
    for frame, count in shown[:args.top]:
        print(f"    {100.0 * count / n:5.1f}%  {frame}")


if __name__ == "__main__":
    sys.exit(main())
