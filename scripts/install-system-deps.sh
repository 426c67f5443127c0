#!/usr/bin/env bash
# Installs the Debian packages beleidstheorie needs when they are missing:
# graphviz (the real `dot` for diagrams), chromium (headless browser tests of the
# interactive HTML), DejaVu fonts (diagram text) and Virtuoso (a SPARQL server the
# store tests start on loopback; the Oxigraph server comes from PyPI with the test extras).
set -euo pipefail
missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
