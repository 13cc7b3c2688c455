#!/usr/bin/env bash
# Installs every Debian package Scanstraat needs to build, run and test.
# Safe to run again: apt-get skips what is already installed.
# Usage: scripts/setup.sh        (needs root, or sudo without a password)
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build pkg-config
  # engines and libraries
  tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng tesseract-ocr-osd libtesseract-dev
  libleptonica-dev libpoppler-cpp-dev libtbb-dev libsqlite3-dev libssl-dev
  libyaml-cpp-dev libre2-dev libqpdf-dev libxml2-dev libcpp-httplib-dev libargon2-dev
  nlohmann-json3-dev
  # tests
  libgtest-dev libgmock-dev poppler-utils qpdf libxml2-utils sqlite3
  # sample generator (Debian's python3, not a virtualenv)
  python3 python3-pil python3-reportlab fonts-dejavu-core fonts-liberation2
  # benchmarks and sanitizers
  hyperfine time ocrmypdf clang libclang-rt-14-dev ccache
  # browser tests of the review screen (playwright-core from npm drives it)
  chromium nodejs npm
)

missing=()
for p in "${PACKAGES[@]}"; do
  # A Node.js from elsewhere (e.g. NodeSource) brings its own npm, and Debian's
  # npm package would conflict with it.
  if [ "$p" = npm ] && command -v npm > /dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
