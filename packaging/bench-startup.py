#!/usr/bin/env python3
"""Start-up benchmark (not a test): the installed package against the source launcher, side by side.

For each launcher, the median of N runs (default 5) of
  * window: from launching `app --smoke` to the first frame with the sample's trajectories drawn in the 3D pane:
    the time until its line "smoke: window ready after M ms ... checked after C ms" less the C - M ms the check
    took after that frame (a snapshot of the pane; the process's exit is not counted either), and
  * --help: from launching `--help` to its exit.
The source launcher is the source tree's ./attractor-lab with its jar already built; the installed one is
/usr/bin/attractor-lab (from the .deb) or the app image's lib/attractor-lab.sh given with --installed;
--source-only leaves it out. --compare NAME=LAUNCHER adds another launcher (e.g. a copy of the source tree at
another commit, its jar built), measured in the same run. The runs alternate between the launchers, so that a
change in the machine's load falls on all of them alike. Each run also reports the process's processor time
(user + system of the whole process tree), which a busy machine stretches far less than the wall time.

  python3 packaging/bench-startup.py [--runs 5] [--display :108] [--installed /usr/bin/attractor-lab]
                                     [--source-only] [--compare before=/tmp/before/attractor-lab]
"""
import argparse
import os
import re
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cpu_seconds():
    """Processor time (user + system) of the finished children so far."""
    r = os.times()
    return r.children_user + r.children_system


def window_seconds(cmd, env):
    start = time.monotonic()
    p = subprocess.Popen(cmd + ["app", "--smoke"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                         text=True)
    ready = None
    for line in p.stdout:
        if line.startswith("smoke: window ready"):
            ready = time.monotonic() - start
            m = re.search(r"ready after (\d+) ms.*checked after (\d+) ms", line)
            if m:  # the snapshot and its check ran after the frame was on screen
                ready -= (int(m.group(2)) - int(m.group(1))) / 1000
    p.wait()
    if ready is None or p.returncode != 0:
        raise SystemExit(f"{cmd[0]} app --smoke failed (exit {p.returncode})")
    return ready


def help_seconds(cmd, env):
    start = time.monotonic()
    subprocess.run(cmd + ["--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.monotonic() - start


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--runs", type=int, default=5)
    a.add_argument("--display", default=os.environ.get("DISPLAY", ":99"))
    a.add_argument("--installed", default="/usr/bin/attractor-lab")
    a.add_argument("--source-only", action="store_true", help="leave the installed package out")
    a.add_argument("--compare", action="append", default=[], metavar="NAME=LAUNCHER",
                   help="another launcher to measure in the same run")
    args = a.parse_args()
    env = dict(os.environ, DISPLAY=args.display)
    launchers = {} if args.source_only else {"installed package": [args.installed]}
    for c in args.compare:
        name, _, path = c.partition("=")
        launchers[name] = [path]
    launchers["source launcher"] = [str(ROOT / "attractor-lab")]
    if not (ROOT / "target" / "attractor-lab.jar").exists():
        raise SystemExit("build the jar first: ./mvnw -B -q -DskipTests package")
    for cmd in launchers.values():
        help_seconds(cmd, env)  # one unmeasured run each: page cache, ND4J/JavaFX native caches in ~, CDS archives
        window_seconds(cmd, env)
    times = {name: {"window": [], "window cpu": [], "help": [], "help cpu": []} for name in launchers}
    loads = []
    for _ in range(args.runs):
        for name, cmd in launchers.items():  # alternating: run i of every launcher, then run i + 1
            t = times[name]
            c0 = cpu_seconds()
            t["window"].append(window_seconds(cmd, env))
            c1 = cpu_seconds()
            t["help"].append(help_seconds(cmd, env))
            c2 = cpu_seconds()
            t["window cpu"].append(c1 - c0)
            t["help cpu"].append(c2 - c1)
            loads.append(os.getloadavg()[0])
    print(f"start-up, median of {args.runs} (min-max), runs alternating, {os.cpu_count()} cores, "
          f"load average {min(loads):.1f}-{max(loads):.1f}")
    print(f"{'':20} {'window (s)':>22} {'window cpu (s)':>16} {'--help (s)':>22} {'--help cpu (s)':>16}")

    def cell(v):
        return f"{statistics.median(v):8.2f} ({min(v):.2f}-{max(v):.2f})"
    for name, t in times.items():
        print(f"{name:20} {cell(t['window'])} {statistics.median(t['window cpu']):16.2f} {cell(t['help'])} "
              f"{statistics.median(t['help cpu']):16.2f}")


if __name__ == "__main__":
    main()
