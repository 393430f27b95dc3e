#!/bin/sh
# /usr/bin/attractor-lab (a link to this file, made by the package's postinst): what the source tree's
# ./attractor-lab script sets before it starts Java, then the package's own runtime (no JDK needed) with the same JVM
# options (lib/app/attractor-lab.cfg).
here="$(dirname "$(readlink -f "$0")")"
# ND4J (sensory front end) reads this when its native library loads: one OpenMP thread, the engine has the cores
export OMP_NUM_THREADS=1
# what a cluster's array tasks run (sweep --backend slurm writes it into the job script)
export ATTRACTOR_LAB_LAUNCHER="${ATTRACTOR_LAB_LAUNCHER:-$(readlink -f "$0")}"
# The runtime's java is started directly, with the options and the class path of the image's .cfg (the class path in
# its order, which the class-data-sharing archive was dumped with), then the extra options of
# ATTRACTOR_LAB_JAVA_OPTS, as with the source launcher. Not through the image's own launcher (bin/attractor-lab):
# that one ignores extra options (it reads its .cfg only, not JDK_JAVA_OPTIONS) and takes about 0.2 s longer to
# start the JVM. Shell built-ins only: the .cfg is read line by line and the arguments are built in "$@".
app="$here/app"
n=$#
cp=
main=
while IFS= read -r line; do
  case "$line" in
    java-options=*)
      o="${line#java-options=}"
      case "$o" in *'$APPDIR'*) o="${o%%\$APPDIR*}$app${o#*\$APPDIR}" ;; esac
      set -- "$@" "$o" ;;
    app.classpath=*) c="${line#app.classpath=}"; cp="${cp:+$cp:}$app${c#\$APPDIR}" ;;
    app.mainclass=*) main="${line#app.mainclass=}" ;;
  esac
done < "$app/attractor-lab.cfg"
# the app only: the optimising compiler waits for 20x its usual counts, except in core (a faster window; see
# ../attractor-lab)
if [ "$n" -eq 0 ] || [ "$1" = app ]; then
  set -- "$@" -XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=12000 \
    -XX:Tier4CompileThreshold=300000 -XX:Tier4BackEdgeThreshold=800000 -XX:CompileCommand=quiet \
    '-XX:CompileCommand=CompileThresholdScaling,org.attractorlab.core.*::*,0.05'
fi
# shellcheck disable=SC2086 # the extra options are words, split on purpose (as the source launcher does)
set -- "$@" ${ATTRACTOR_LAB_JAVA_OPTS:-} -cp "$cp" "$main"
# the user's arguments came first: move them to the end
i=0
while [ "$i" -lt "$n" ]; do
  set -- "$@" "$1"
  shift
  i=$((i + 1))
done
exec "$here/runtime/bin/java" "$@"
