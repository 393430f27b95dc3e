#!/usr/bin/env bash
# Builds the installers from the packaged jar: a runtime image (jlink), a Linux app image and a .deb (jpackage) in
# target/dist/. Called by `./mvnw -B -Ppackage package` after the jar and target/lib are built; see
# packaging/README.md. Usage: packaging/package.sh [--jdeps] [--type app-image|deb|all] [--no-cds]
#   --jdeps     print the JDK modules jdeps finds in the jar and target/lib, then stop
#   --no-cds    skip the class-data-sharing archive (faster to build, slower to start)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
target="$root/target"
work="$target/package"
dist="$target/dist"
name=attractor-lab
type=all
cds=1
jdeps_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --jdeps) jdeps_only=1 ;;
    --type) type="$2"; shift ;;
    --no-cds) cds=0 ;;
    *) echo "package.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
for tool in jlink jpackage jdeps; do
  if ! command -v "${jdk_bin}$tool" >/dev/null 2>&1; then
    echo "package.sh: ${jdk_bin}$tool not found: packaging needs a full JDK 17 or newer" >&2
    exit 1
  fi
done
jar="$target/$name.jar"
if [ ! -f "$jar" ] || [ ! -d "$target/lib" ]; then
  echo "package.sh: $jar or target/lib is missing: run ./mvnw -B -Ppackage package" >&2
  exit 1
fi
log() { echo "package.sh: $*" >&2; }

if [ "$jdeps_only" = 1 ]; then
  # module-info of several jars does not resolve on its own: look at their classes, on the class path
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  for j in "$jar" "$target"/lib/*.jar; do
    cp "$j" "$tmp/"
    zip -q -d "$tmp/$(basename "$j")" module-info.class 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
  done
  "${jdk_bin}jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$tmp"/*.jar
  exit 0
fi

version="$(unzip -p "$jar" META-INF/maven/org.attractorlab/attractor-lab/pom.properties 2>/dev/null \
  | sed -n 's/^version=//p')"
version="${version%%-*}"
version="${version:-0.1.0}"
# shellcheck source=linux/deb-fields
. "$here/linux/deb-fields"
mapfile -t java_options < <(grep -v '^\s*#' "$here/java-options" | sed '/^\s*$/d')
modules="$(grep -v '^\s*#' "$here/modules" | sed '/^\s*$/d' | paste -sd, -)"

rm -rf "$work" "$dist"
mkdir -p "$work/input/lib" "$dist"

# 1. what the app image's lib/app holds: the jar, its class path (target/lib, the build host's natives only: see
#    .mvn/maven.config), the samples, the stimulus set and the sensory CNN
cp "$jar" "$work/input/"
cp "$target"/lib/*.jar "$work/input/lib/"
mkdir -p "$work/input/samples" "$work/input/assets"
cp "$root"/samples/*.json "$work/input/samples/"
cp -r "$root/assets/stimuli" "$root/assets/sensory" "$work/input/assets/"

# 2. the runtime image: only the JDK modules the app needs
log "jlink: $modules"
"${jdk_bin}jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$work/runtime"

# 3. the app image
log "jpackage app-image $version"
opts=()
for o in "${java_options[@]}"; do opts+=(--java-options "$o"); done
if [ "$cds" = 1 ]; then
  opts+=(--java-options "-XX:SharedArchiveFile=\$APPDIR/$name.jsa" --java-options "-Xshare:auto")
fi
"${jdk_bin}jpackage" --type app-image --name "$name" --app-version "$version" \
  --vendor "$DEB_VENDOR" --description "$DEB_DESCRIPTION" \
  --input "$work/input" --main-jar "$name.jar" --main-class org.attractorlab.Launcher \
  --runtime-image "$work/runtime" --icon "$here/linux/icons/$name-256.png" \
  "${opts[@]}" --dest "$dist"
image="$dist/$name"
# what the package's scripts and /usr/bin/attractor-lab use (see linux/postinst): the launcher script, the desktop
# entry and the icons
install -m 755 "$here/linux/launcher.sh" "$image/lib/$name.sh"
install -m 755 "$here/linux/cds-dump.sh" "$image/lib/cds-dump.sh"
install -m 644 "$here/linux/$name.desktop" "$image/lib/$name.desktop"
mkdir -p "$image/lib/icons"
cp "$here"/linux/icons/*.png "$image/lib/icons/"

# 4. class-data sharing: the classes that `--help` and the first window load, listed, and dumped into an archive
#    that both start from (mapped memory rather than parsed jars)
if [ "$cds" = 1 ]; then
  "$here/cds.sh" "$image" "$name" "$work/cds"
fi

# 5. the .deb, from the app image
if [ "$type" = all ] || [ "$type" = deb ]; then
  log "jpackage deb"
  # the archive is valid only where it was dumped: the .deb carries the class list, its postinst dumps at /opt
  if [ -f "$image/lib/app/$name.jsa" ]; then mv "$image/lib/app/$name.jsa" "$work/$name.jsa"; fi
  deps=(--linux-package-deps "$DEB_DEPENDS")
  "${jdk_bin}jpackage" --type deb --name "$name" --app-version "$version" --app-image "$image" \
    --vendor "$DEB_VENDOR" --description "$DEB_DESCRIPTION" \
    --linux-deb-maintainer "$DEB_MAINTAINER_EMAIL" --linux-app-category "$DEB_SECTION" \
    --linux-menu-group Science "${deps[@]}" \
    --resource-dir "$here/linux" --install-dir /opt --dest "$dist"
  if [ -f "$work/$name.jsa" ]; then mv "$work/$name.jsa" "$image/lib/app/$name.jsa"; fi
fi
log "done:"
ls -la "$dist" >&2
