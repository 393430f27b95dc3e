#!/usr/bin/env bash
# Renders the icon at the usual sizes from its one source, assets/icon/attractor-lab.svg, into packaging/linux/icons/
# (committed, so that packaging needs no ImageMagick). Run it after changing the source. Needs ImageMagick.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/../assets/icon/attractor-lab.svg"
out="$here/linux/icons"
mkdir -p "$out"
for size in 16 22 24 32 48 64 128 256 512; do
  convert -background none -density 300 "$src" -resize "${size}x${size}" -strip "PNG32:$out/attractor-lab-$size.png"
done
echo "wrote $(ls "$out" | wc -l) icons into $out"
