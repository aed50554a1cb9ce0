#!/usr/bin/env bash
# Renders assets/icons/ecoplan.svg to the PNGs the window, the packages and the README use.
# Needs rsvg-convert (Debian: librsvg2-bin) and, for the Windows .ico, ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for size in 16 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" ecoplan.svg -o "ecoplan-$size.png"
done
convert ecoplan-256.png ecoplan-128.png ecoplan-64.png ecoplan-48.png ecoplan-32.png ecoplan-16.png ecoplan.ico
