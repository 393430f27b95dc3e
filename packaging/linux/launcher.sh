#!/bin/sh
# /usr/bin/attractor-lab (a link to this file, made by the package's postinst): what the source tree's
# ./attractor-lab script sets before it starts Java, then the package's own launcher, which starts its own runtime
# (no JDK needed) with the same JVM options (lib/app/attractor-lab.cfg).
here="$(dirname "$(readlink -f "$0")")"
# ND4J (sensory front end) reads this when its native library loads: one OpenMP thread, the engine has the cores
export OMP_NUM_THREADS=1
# what a cluster's array tasks run (sweep --backend slurm writes it into the job script)
export ATTRACTOR_LAB_LAUNCHER="${ATTRACTOR_LAB_LAUNCHER:-$(readlink -f "$0")}"
# extra JVM options, as with the source launcher
if [ -n "${ATTRACTOR_LAB_JAVA_OPTS:-}" ]; then
  export JDK_JAVA_OPTIONS="${JDK_JAVA_OPTIONS:-} $ATTRACTOR_LAB_JAVA_OPTS"
fi
exec "$here/../bin/attractor-lab" "$@"
