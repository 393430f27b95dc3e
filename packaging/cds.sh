#!/usr/bin/env bash
# Writes the app image's class list for class-data sharing, lib/app/NAME.classlist: the classes that `--help` loads
# and those that the first window loads (`app --smoke`, under the X display of $DISPLAY, or a private Xvfb when there
# is none), listed by two runs of the image's own runtime; then dumps the archive lib/app/NAME.jsa for the image
# where it is (lib/cds-dump.sh, which the .deb's postinst runs again at /opt). Without a display the list holds the
# command line's classes only, and says so. Usage: packaging/cds.sh APP_IMAGE NAME WORK_DIR
set -euo pipefail
image="$1"; name="$2"; work="$3"
java="$image/lib/runtime/bin/java"
cp="$(sed -n 's/^app\.classpath=\$APPDIR//p' "$image/lib/app/$name.cfg" | sed "s|^|$image/lib/app|" | paste -sd: -)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mapfile -t opts < <(grep -v '^\s*#' "$here/java-options" | sed '/^\s*$/d' | tr ' ' '\n')
mkdir -p "$work"
export OMP_NUM_THREADS=1
log() { echo "cds.sh: $*" >&2; }

"$java" -XX:DumpLoadedClassList="$work/help.lst" "${opts[@]}" -cp "$cp" org.attractorlab.Launcher --help >/dev/null 2>&1

xvfb_pid=""
cleanup() { if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
display="${DISPLAY:-}"
if { [ -z "$display" ] || ! xdpyinfo -display "$display" >/dev/null 2>&1; } && command -v Xvfb >/dev/null 2>&1; then
  for n in $(seq 170 189); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
      Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
      xvfb_pid=$!
      for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
      display=":$n"
      break
    fi
  done
fi
lists=("$work/help.lst")
if [ -n "$display" ] && DISPLAY="$display" "$java" -XX:DumpLoadedClassList="$work/app.lst" "${opts[@]}" \
    -cp "$cp" org.attractorlab.Launcher app --smoke >"$work/smoke.log" 2>&1; then
  lists+=("$work/app.lst")
  log "$(grep '^smoke:' "$work/smoke.log" || true)"
else
  log "no X display could be had: the archive holds the command line's classes only (the window starts slower)"
fi
# one list: the classes of the built-in loaders by name (ids are per run), each once, in the order first loaded
cat "${lists[@]}" | grep -v ' source: ' | sed 's/ id: [0-9]*$//' | awk '!seen[$0]++' > "$image/lib/app/$name.classlist"
"$image/lib/cds-dump.sh"
log "$(wc -l < "$image/lib/app/$name.classlist") classes in lib/app/$name.jsa ($(du -h "$image/lib/app/$name.jsa" | cut -f1))"
