#!/usr/bin/env python3
"""Where a server's processor time went, by layer: reads a JFR recording's execution samples (jfr print) and
prints, for each layer of the stack (Grizzly, Payara's web container, security, CDI/Faces, Newsdesk, the JDK),
the share of samples it was running in (self) and the share it was on the stack for (inclusive).

    python3 bench/jfr_layers.py target/read-hit.jfr [TITLE]

bench/read.sh records one while wrk loads a cached page on Newsdesk and one on the bare servlet, and prints both.
"""
import collections
import re
import subprocess
import sys

LAYERS = [
    ("Newsdesk", ("org.newsdesk.",)),
    ("CDI, Faces, OmniFaces", ("org.jboss.weld.", "com.sun.faces.", "org.omnifaces.", "jakarta.faces.")),
    ("security", ("com.sun.enterprise.security.", "org.glassfish.soteria.", "org.glassfish.exousia.",
                  "com.sun.web.security.", "fish.payara.security.")),
    ("web container", ("org.apache.catalina.", "org.apache.coyote.", "com.sun.enterprise.web.", "org.glassfish.web.",
                       "com.sun.enterprise.v3.services.impl.", "fish.payara.", "org.glassfish.", "com.sun.enterprise.")),
    ("Grizzly (HTTP, sockets)", ("org.glassfish.grizzly.",)),
    ("JDK", ("java.", "javax.", "jdk.", "sun.", "com.sun.")),
]


def layer(frame):
    for name, prefixes in LAYERS:
        if name == "web container" and frame.startswith("org.glassfish.grizzly."):
            continue
        if frame.startswith(prefixes):
            return name
    return "other"


def samples(path):
    out = subprocess.run(["jfr", "print", "--stack-depth", "200", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    for event in out.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        stack = event.split("stackTrace = [", 1)[1].split("]", 1)[0] if "stackTrace = [" in event else ""
        frames = [line.strip() for line in stack.splitlines() if line.strip() and not line.strip().startswith("...")]
        yield (thread.group(1) if thread else ""), frames


def main():
    path = sys.argv[1]
    title = sys.argv[2] if len(sys.argv) > 2 else path
    self_counts, inclusive, methods = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for thread, frames in samples(path):
        if not frames or "http-thread-pool" not in thread and "Grizzly" not in thread and "http-listener" not in thread:
            continue  # the request threads only: not the JIT, the collector or timers
        total += 1
        top = frames[0].split("(")[0]
        self_counts[layer(top)] += 1
        methods[top] += 1
        for name in {layer(f.split("(")[0]) for f in frames}:
            inclusive[name] += 1
    print(f"{title}: {total} samples of request threads")
    print(f"  {'layer':28} {'self':>6} {'on stack':>9}")
    for name, _ in LAYERS + [("other", ())]:
        if total:
            print(f"  {name:28} {100 * self_counts[name] / total:5.1f}% {100 * inclusive[name] / total:8.1f}%")
    print("  hottest methods (self):")
    for method, count in methods.most_common(8):
        print(f"    {100 * count / max(total, 1):5.1f}%  {method}")


if __name__ == "__main__":
    main()
