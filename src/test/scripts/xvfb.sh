#!/usr/bin/env bash
# Makes sure an X display exists for the UI tests: starts Xvfb on the given display unless something already
# serves it. Called by Maven before the tests run; the tests get DISPLAY from surefire's configuration.
set -u
display="${1:-:99}"
# JavaFX's glass toolkit needs GTK 3 (a fresh machine may have only GTK 2)
if ! ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0'; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "xvfb.sh: installing GTK 3 for the UI tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgtk-3-0) >/dev/null 2>&1
  else
    echo "xvfb.sh: GTK 3 is not installed; JavaFX needs it for the UI tests (Debian: apt-get install libgtk-3-0)" >&2
  fi
fi
if command -v xdpyinfo >/dev/null 2>&1 && xdpyinfo -display "$display" >/dev/null 2>&1; then
  exit 0
fi
if ! command -v Xvfb >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "xvfb.sh: installing Xvfb for the UI tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb x11-utils) >/dev/null 2>&1
  fi
fi
if ! command -v Xvfb >/dev/null 2>&1; then
  echo "xvfb.sh: Xvfb is not installed; the UI tests need it (Debian: apt-get install xvfb x11-utils)" >&2
  exit 1
fi
nohup Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
for _ in $(seq 1 50); do
  if [ -e "/tmp/.X11-unix/X${display#:}" ]; then
    exit 0
  fi
  sleep 0.1
done
echo "xvfb.sh: Xvfb did not start on $display" >&2
exit 1
