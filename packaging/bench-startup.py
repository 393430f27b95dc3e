#!/usr/bin/env python3
"""Start-up benchmark (not a test): the installed package against the source launcher, side by side.

For each launcher, the median of N runs (default 5) of
  * window: from launching `app --smoke` to its line "smoke: window ready" (the first frame with the sample's
    trajectories drawn in the 3D pane; the process's exit is not counted), and
  * --help: from launching `--help` to its exit.
The source launcher is the source tree's ./attractor-lab with its jar already built; the installed one is
/usr/bin/attractor-lab (from the .deb) or the app image's lib/attractor-lab.sh given with --installed.

  python3 packaging/bench-startup.py [--runs 5] [--display :108] [--installed /usr/bin/attractor-lab]
"""
import argparse
import os
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def window_seconds(cmd, env):
    start = time.monotonic()
    p = subprocess.Popen(cmd + ["app", "--smoke"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                         text=True)
    ready = None
    for line in p.stdout:
        if line.startswith("smoke: window ready"):
            ready = time.monotonic() - start
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
    args = a.parse_args()
    env = dict(os.environ, DISPLAY=args.display)
    launchers = {"installed package": [args.installed], "source launcher": [str(ROOT / "attractor-lab")]}
    if not (ROOT / "target" / "attractor-lab.jar").exists():
        raise SystemExit("build the jar first: ./mvnw -B -q -DskipTests package")
    rows = []
    for name, cmd in launchers.items():
        help_seconds(cmd, env)  # one unmeasured run: page cache, ND4J/JavaFX native caches in ~
        w = [window_seconds(cmd, env) for _ in range(args.runs)]
        h = [help_seconds(cmd, env) for _ in range(args.runs)]
        rows.append((name, statistics.median(w), min(w), max(w), statistics.median(h), min(h), max(h)))
    print(f"start-up, median of {args.runs} (min-max), {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"{'':20} {'window (s)':>22} {'--help (s)':>22}")
    for r in rows:
        print(f"{r[0]:20} {r[1]:8.2f} ({r[2]:.2f}-{r[3]:.2f}) {r[4]:12.2f} ({r[5]:.2f}-{r[6]:.2f})")


if __name__ == "__main__":
    main()
