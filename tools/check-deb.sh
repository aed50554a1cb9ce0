#!/usr/bin/env bash
# Builds the Debian package, installs it with apt-get as a user would, starts the installed
# program under Xvfb and takes a screenshot, then uninstalls it. Run as root on Debian/Ubuntu;
# needs cargo-deb (installed here if missing), xvfb and the X and Mesa libraries `.ci/run` lists.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/ecoplan-target}"
shot="${1:-/tmp/ecoplan-deb-screenshot.png}"

command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
cargo deb --locked
deb=$(ls -t "$CARGO_TARGET_DIR"/debian/ecoplan_*.deb | head -n 1)
echo "package: $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
dpkg-deb --contents "$deb"

export DEBIAN_FRONTEND=noninteractive
apt-get install -y "$deb"
trap 'apt-get remove -y ecoplan >/dev/null' EXIT

# What a user gets: the program on the PATH, its menu entry, icon and examples.
command -v ecoplan
ecoplan --version
test -f /usr/share/applications/ecoplan.desktop
test -f /usr/share/icons/hicolor/256x256/apps/ecoplan.png
ecoplan check /usr/share/ecoplan/examples/hanyang-workspace.ron

# The window, on a virtual display.
rm -f "$shot"
xvfb-run -a ecoplan --screenshot "$shot" --lang zh /usr/share/ecoplan/examples/hanyang-high-growth.ron
test -s "$shot"
echo "screenshot: $shot"

apt-get remove -y ecoplan
trap - EXIT
# (The shell remembers where commands were: ask the package database and the file system.)
if dpkg-query -W -f='${Status}' ecoplan 2>/dev/null | grep -q "install ok installed" \
    || [ -e /usr/bin/ecoplan ] || [ -e /usr/share/applications/ecoplan.desktop ]; then
    echo "ecoplan is still installed" >&2
    exit 1
fi
echo "installed, ran and removed cleanly"
