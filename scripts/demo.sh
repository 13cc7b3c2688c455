#!/usr/bin/env bash
# README command 1: installs what is needed, builds, and runs the main job on
# the bundled samples into ./workspace, then prints where each document went.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
build/scanstraat run samples --exclude '*.expected.json' --exclude '*.md' --workspace workspace --rules rules
echo
# The result records hold personal data in clear (they are for systems that
# may see it), so the demo shows only where each document went; the records
# themselves: build/scanstraat results --workspace workspace
echo "Where each document went (full records: build/scanstraat results --workspace workspace):"
build/scanstraat results --workspace workspace | /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    route = r.get("route") or {}
    reasons = ",".join(route.get("reasons") or [])
    print("  %-56s %-20s %-7s %s" % (r["document"]["source"], (r.get("doctype") or {}).get("id") or "-",
                                      route.get("decision") or "-", reasons))
'
