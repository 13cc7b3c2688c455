# Shared helpers for the CLI behaviour tests (sourced, not run).
# Environment from ctest: SCANSTRAAT (binary), SOURCE_DIR, SHARED_DATA.
set -euo pipefail
: "${SCANSTRAAT:?}" "${SHARED_DATA:?}"
TESTING="$SHARED_DATA/ocr-ground-truth/tesseract-test/testing"
OCRMYPDF="$SHARED_DATA/robustness/ocrmypdf/tests/resources"
POPPLER="$SHARED_DATA/robustness/poppler-test/unittestcases"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export OMP_THREAD_LIMIT=1

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
# Runs a Python snippet over `scanstraat results` lines on stdin.
py() { /usr/bin/python3 -c "$1" "${@:2}"; }
results() { "$SCANSTRAAT" results --workspace "$1" "${@:2}"; }
count_results() { results "$@" | wc -l; }
sql() { sqlite3 "$1/scanstraat.db" "$2"; }
