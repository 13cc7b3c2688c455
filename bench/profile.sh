#!/usr/bin/env bash
# Profiles the worker of `scanstraat run` with a Valgrind tool: instruction
# counts (callgrind) that do not depend on machine noise, or the heap over
# time (massif).
#
#   bench/profile.sh [--tool callgrind|massif] [--out FILE] [--bin PATH] INPUT...
#
# `scanstraat run` is a supervisor that starts its worker by re-executing
# /proc/self/exe, which under Valgrind is Valgrind's own tool, so the worker
# cannot be followed with --trace-children. This script instead lets a first
# run record the inputs and stop before doing any work (its worker refuses a
# rule file that does not parse, leaving every document to do), then runs
# that worker on its own under Valgrind (`--internal-worker=1`, the run id
# the first run got), with --jobs 1 and the rules in rules/. Workspace and
# rule folder are temporary.
#
# Example: bench/profile.sh --out /tmp/text20.cg some/born-digital/*.pdf
#          callgrind_annotate --inclusive=yes /tmp/text20.cg | head -60
set -euo pipefail
cd "$(dirname "$0")/.."
TOOL=callgrind OUT="" BIN=build/scanstraat
while [ $# -gt 0 ]; do
  case "$1" in
    --tool) TOOL=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; break ;;
    -*) echo "profile.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "profile.sh: no INPUT (files or folders)" >&2; exit 2; }
case "$TOOL" in callgrind|massif) ;; *) echo "profile.sh: --tool callgrind or massif" >&2; exit 2 ;; esac
command -v valgrind >/dev/null || { echo "profile.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
[ -x "$BIN" ] || { echo "profile.sh: $BIN not found; build first (scripts/build.sh)" >&2; exit 2; }
OUT=${OUT:-$TOOL.out}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/norules"
echo "this: [is not valid" > "$tmp/norules/x.yaml"
# First run: inputs recorded as run 1, no document done.
"$BIN" run "$@" --workspace "$tmp/ws" --rules "$tmp/norules" --jobs 1 --settle 0 --progress log >"$tmp/first.log" 2>&1 || true
OMP_THREAD_LIMIT=1 valgrind --tool="$TOOL" "--$TOOL-out-file=$OUT" \
  "$BIN" run "$@" --workspace "$tmp/ws" --rules rules --jobs 1 --settle 0 --progress log --internal-worker=1 \
  >"$tmp/worker.log" 2>"$tmp/valgrind.log" || { cat "$tmp/valgrind.log" >&2; exit 1; }
grep -E "Collected|total heap usage|peak" "$tmp/valgrind.log" || true

echo "written: $OUT"
