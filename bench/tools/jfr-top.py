#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording: top frames by self time and by total (inclusive) time.

usage: jfr-top.py RECORDING.jfr [--top N] [--match SUBSTRING]   (needs `jfr` from the JDK on the PATH)
--match keeps only samples whose stack contains SUBSTRING (e.g. a benchmark method or a resource class).
The total-time list leaves out thread, executor, reflection and JMH plumbing, which is on every stack.
"""
import argparse
import collections
import re
import subprocess
import sys

PLUMBING = ("java.lang.Thread.", "java.util.concurrent.", "jdk.internal.reflect.", "java.lang.reflect.",
            "org.openjdk.jmh.", "org.jobpricing.bench.jmh_generated.", "org.eclipse.jetty.util.thread.")
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
    args = parser.parse_args()
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
    if n == 0:
        print("  no CPU samples" + (" matching " + args.match if args.match else ""))
        return
    print(f"  {n} CPU samples" + (f" with {args.match} on the stack" if args.match else ""))
    print("  self time (the frame on top of the stack):")
    for frame, count in self_counts.most_common(args.top):
        print(f"    {100.0 * count / n:5.1f}%  {frame}")
    print("  total time (the frame anywhere on the stack):")
    shown = [(f, c) for f, c in total_counts.most_common() if not f.startswith(PLUMBING)]
    for frame, count in shown[:args.top]:
        print(f"    {100.0 * count / n:5.1f}%  {frame}")


if __name__ == "__main__":
    sys.exit(main())
