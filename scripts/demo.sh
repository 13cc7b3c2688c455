#!/usr/bin/env bash
# README command 1: installs what is needed, builds, and runs the main job on
# the bundled samples into ./workspace, then prints the first results.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
build/scanstraat run samples --exclude '*.expected.json' --exclude '*.md' --workspace workspace --rules rules
echo
echo "First results (scanstraat results --workspace workspace | head -n 3):"
build/scanstraat results --workspace workspace | head -n 3
