#!/bin/sh
# Dumps the class-data-sharing archive lib/app/attractor-lab.jsa of the app image this script is in (lib/), from
# the class list made at package time (lib/app/attractor-lab.classlist: the classes that `--help` and the first
# window load). A CDS archive holds the class path it was dumped with and is refused anywhere else, so it is made
# where the image lives: by packaging/cds.sh for target/dist/, and by the .deb's postinst for /opt/attractor-lab.
# Without it (or after the image moves) the launcher starts as usual, only slower (-Xshare:auto).
set -e
lib="$(cd "$(dirname "$0")" && pwd)"
app="$lib/app"
name=attractor-lab
[ -f "$app/$name.classlist" ] || { echo "cds-dump.sh: $app/$name.classlist is missing" >&2; exit 1; }
# the class path exactly as the launcher builds it, from its .cfg
cp="$(sed -n 's/^app\.classpath=\$APPDIR//p' "$app/$name.cfg" | sed "s|^|$app|" | paste -sd: -)"
# the options of the .cfg that shape the archive (the module graph and the VM flags), as the launcher passes them
opts="$(sed -n 's/^java-options=//p' "$app/$name.cfg" | grep -v -e SharedArchiveFile -e Xshare | tr '\n' ' ')"
rm -f "$app/$name.jsa"
# shellcheck disable=SC2086 # opts are single words, split on purpose
"$lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/$name.classlist" \
  -XX:SharedArchiveFile="$app/$name.jsa" $opts -cp "$cp" > "$app/$name.jsa.log" 2>&1 || {
  tail -5 "$app/$name.jsa.log" >&2; rm -f "$app/$name.jsa"; exit 1; }
rm -f "$app/$name.jsa.log"
