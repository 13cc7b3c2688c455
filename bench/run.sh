#!/usr/bin/env bash
# Speed and memory of `scanstraat run` against the bare engine and against
# OCRmyPDF, on the same pages, in one run (issue 6).
#
#   bench/run.sh [--jobs N] [--pages N] [--quick] [--scale A,B] [--no-scaling]
#                [--ocrmypdf parallel|serial] [--data DIR] [--out FILE]
#
#   --jobs N      parallel jobs for every tool (default: nproc)
#   --pages N     scanned pages, at least (whole documents; default 40)
#   --quick       a smoke run: 4 pages, text-layer sets of 20 and 200 documents
#   --scale A,B   text-layer documents for the memory-growth check (default 100,1000)
#   --mem-repeats K  run each memory-growth case K times (default 3; --quick 1)
#                 and count its highest peak: one run's peak depends on how
#                 many pages happened to be in flight at once
#   --no-scaling  skip the 1..N-1 jobs runs
#   --scale-scanned  also the memory-growth check on small scanned pages
#                 (1240 x 440 px strips, OCR'd), A and B of them, and B that
#                 are the A strips over and over (distinct bytes): a batch of
#                 B different strips meets harder pages than one of A, the
#                 repeated one differs from A in its length only
#   --ocrmypdf M  parallel (default): the per-document PDFs N at a time, each
#                 `ocrmypdf --jobs 1` (the peer at its best on 1-2 page files);
#                 serial: one file after another, each `ocrmypdf --jobs N`
#   --data DIR    keep the generated page sets in DIR and reuse them next time
#   --prepare-only  make the page sets (with --data) and stop
#   --out FILE    results (default bench/results/latest.json, --quick: quick.json);
#                 a .tsv beside it, the table on stdout
#
# Pages: sample generator, seed 9001, holdout variants, all six document types
# interleaved, whole 1-2 page documents, the scanner's own pixels (bilevel,
# grey or colour, A4 at 300 dpi). Each page set is written three ways: one PNG
# per page (bare tesseract), one PNG/multi-page TIFF per document and one
# image-only PDF per document (scanstraat, ocrmypdf). Measured, each with a
# fresh workspace/output folder:
#   limit       tesseract PAGE.png out -l nld+eng --oem 1 txt hocr, N processes
#               (xargs -P N), OMP_THREAD_LIMIT=1
#   scanstraat  scanstraat run DIR --jobs N --rules rules --settle 0 (images, PDFs)
#   ocrmypdf    ocrmypdf -l nld+eng --output-type pdfa on each document's PDF
#   text layer  scanstraat run on born-digital PDFs (no OCR), 2 batch sizes
#   scaling     scanstraat run --jobs 1..N-1 on the images
# Peak memory: max RSS of the largest process (/usr/bin/time -v) and the peak
# of the summed RSS of the whole process tree (sampled).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ARGS="$*"

CORES=$(nproc --all)
MEM_REPEATS=3 JOBS=$CORES PAGES=40 PREPARE_ONLY=0 SCALE_SCANNED=0 QUICK=0 SCALE=100,1000 SCALING=1 OCRMODE=parallel DATA="" OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) JOBS=$2; shift 2 ;;
    --pages) PAGES=$2; shift 2 ;;
    --quick) QUICK=1; PAGES=4; SCALE=20,200; MEM_REPEATS=1; shift ;;
    --mem-repeats) MEM_REPEATS=$2; shift 2 ;;
    --scale) SCALE=$2; shift 2 ;;
    --no-scaling) SCALING=0; shift ;;
    --scale-scanned) SCALE_SCANNED=1; shift ;;
    --prepare-only) PREPARE_ONLY=1; shift ;;
    --ocrmypdf) OCRMODE=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,43p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$OUT" ] || { [ "$QUICK" = 1 ] && OUT=bench/results/quick.json || OUT=bench/results/latest.json; }
SMALL=${SCALE%,*} LARGE=${SCALE#*,}
case "$OCRMODE" in parallel|serial) ;; *) echo "--ocrmypdf is parallel or serial" >&2; exit 2 ;; esac
for v in "$JOBS" "$PAGES" "$SMALL" "$LARGE" "$MEM_REPEATS"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: '$v' is not a positive number" >&2; exit 2; }
done

die() { echo "bench/run.sh: $*" >&2; exit 1; }
BIN=${SCANSTRAAT:-build/scanstraat}
[ -x "$BIN" ] || die "no $BIN: build first (scripts/build.sh)"
PY=/usr/bin/python3
for tool in tesseract ocrmypdf img2pdf pdfimages /usr/bin/time "$PY"; do
  command -v "$tool" >/dev/null || die "'$tool' is missing (scripts/setup.sh, apt-get install ocrmypdf)"
done
tesseract --list-langs 2>/dev/null | grep -qx nld || die "tesseract has no 'nld' language data"
"$PY" -c 'import PIL, reportlab' 2>/dev/null || die "$PY lacks python3-pil / python3-reportlab"

W=$(mktemp -d /tmp/scanstraat-bench.XXXXXX)
cleanup() {  # on failure keep the logs (paths in the error message), drop the bulk
  local rc=$?
  if [ "$rc" = 0 ]; then rm -rf "$W"
  else rm -rf "$W/data" "$W/out" "$W"/ws_* "$W/scanstraat"; echo "bench/run.sh: logs kept in $W/logs" >&2; fi
}
trap cleanup EXIT
trap 'echo "bench/run.sh: interrupted" >&2; exit 130' INT TERM
export OMP_THREAD_LIMIT=1   # for every tool: the limit, scanstraat, ocrmypdf's tesseract
M="$PY $ROOT/bench/lib/measure.py"
R="$W/records"; mkdir -p "$R" "$W/logs"

# A snapshot of the binary: others may rebuild build/ while this runs.
cp "$BIN" "$W/scanstraat"
SS="$W/scanstraat"
BIN_MTIME=$(date -u -r "$BIN" +%FT%TZ)
BIN_SHA=$(sha256sum "$SS" | cut -c1-16)
GIT_HEAD=$(git rev-parse HEAD 2>/dev/null || echo unknown)
GIT_DIRTY=$(git status --porcelain --untracked-files=no 2>/dev/null | wc -l)

# ---- pages ------------------------------------------------------------------
DATA=${DATA:-$W/data}
# measure.py writes these folders as $WORK and $DATA in the results, so the
# committed results name no machine's folders.
export BENCH_WORK=$W BENCH_DATA=$DATA
KEY="seed9001-holdout-p$PAGES-t$SMALL-$LARGE"
if [ ! -f "$DATA/$KEY.ok" ]; then
  rm -rf "$DATA/$KEY"; mkdir -p "$DATA/$KEY"
  PER_TYPE=$(( PAGES / 6 + 2 ))   # ~1.4 scanned pages per document, some born-digital
  echo "== generating $((PER_TYPE * 6)) documents (seed 9001, holdout) ..." >&2
  "$PY" tools/samplegen/generate.py --out "$DATA/$KEY/gen" --seed 9001 \
      --count-per-type "$PER_TYPE" --variants holdout -q
  "$PY" bench/lib/prepare_pages.py scanned "$DATA/$KEY/gen" "$DATA/$KEY/scan" "$PAGES" > "$DATA/$KEY/scan.json"
  "$PY" bench/lib/prepare_pages.py textlayer "$DATA/$KEY/gen" "$DATA/$KEY/text$SMALL" "$SMALL" > "$DATA/$KEY/text$SMALL.json"
  "$PY" bench/lib/prepare_pages.py textlayer "$DATA/$KEY/gen" "$DATA/$KEY/text$LARGE" "$LARGE" > "$DATA/$KEY/text$LARGE.json"
  touch "$DATA/$KEY.ok"
fi
D="$DATA/$KEY"
if [ "$SCALE_SCANNED" = 1 ] && [ ! -f "$D/small.ok" ]; then
  rm -rf "$D/small$SMALL" "$D/small$LARGE"
  "$PY" bench/lib/prepare_pages.py smallscan "$D/scan/pages" "$D/small$SMALL" "$SMALL" >/dev/null
  "$PY" bench/lib/prepare_pages.py smallscan "$D/scan/pages" "$D/small$LARGE" "$LARGE" >/dev/null
  touch "$D/small.ok"
fi
if [ "$SCALE_SCANNED" = 1 ] && [ ! -f "$D/repeat.ok" ]; then
  rm -rf "$D/repeat$LARGE"
  "$PY" bench/lib/prepare_pages.py repeat "$D/small$SMALL" "$D/repeat$LARGE" "$LARGE" >/dev/null
  touch "$D/repeat.ok"
fi
[ "$PREPARE_ONLY" = 0 ] || { echo "page sets ready in $D" >&2; exit 0; }
NP=$(ls "$D/scan/pages" | wc -l)
ND=$(ls "$D/scan/pdf" | wc -l)
[ "$NP" -ge "$PAGES" ] || die "page set has $NP pages, $PAGES wanted"
NT_SMALL=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pages"])' "$D/text$SMALL.json")
NT_LARGE=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pages"])' "$D/text$LARGE.json")

loadinfo() {  # $1: before|after
  { echo "== $1: $(date -u +%FT%TZ)"; uptime; top -bn1 -o %CPU | sed -n '7,14p'; } >> "$W/logs/load.txt"
}
loadinfo before
echo "== $NP scanned pages in $ND documents, $JOBS jobs, $CORES cores, load:$(uptime | sed 's/.*load average://')" >&2

# ---- checks on each tool's output ------------------------------------------
check_ss() {  # $1 log, $2 expected pages, $3 expected documents
  local line
  line=$(grep -E '^  pages ' "$1") || die "no summary in $1: $(tail -3 "$1")"
  "$PY" - "$line" "$2" "$(grep -E '^  failed ' "$1")" "$(grep -E '^  documents ' "$1")" "$3" <<'PY' || die "scanstraat run incomplete: $line (log $1)"
import re, sys
m = re.search(r"pages\s+(\d+): (\d+) OCR, (\d+) text layer, (\d+) failed", sys.argv[1])
failed_docs = int(sys.argv[3].split()[1])
docs = int(re.search(r"(\d+) processed", sys.argv[4]).group(1))
ok = m and int(m.group(1)) == int(sys.argv[2]) and int(m.group(4)) == 0 and failed_docs == 0 \
     and docs == int(sys.argv[5])
sys.exit(0 if ok else 1)
PY
}
count() { find "$1" -name "$2" | wc -l; }

# ---- measurements -----------------------------------------------------------
limit() {  # $1 jobs
  local o="$W/out/limit$1"; mkdir -p "$o"
  $M --label "limit_tesseract_j$1" --out "$R/limit_j$1.json" --pages "$NP" --jobs "$1" \
     --log "$W/logs/limit_j$1.log" -- bash -c \
     "cd '$D/scan/pages' && ls | xargs -P $1 -I{} tesseract {} '$o/{}' -l nld+eng --oem 1 txt hocr"
  [ "$(count "$o" '*.txt')" = "$NP" ] && [ "$(count "$o" '*.hocr')" = "$NP" ] \
     || die "tesseract did not write txt+hocr for every page (log $W/logs/limit_j$1.log)"
}
scanstraat() {  # $1 label, $2 input dir, $3 jobs, $4 pages, $5 documents
  rm -rf "$W/ws_$1"
  $M --label "$1" --out "$R/$1.json" --pages "$4" --jobs "$3" --log "$W/logs/$1.log" -- \
     "$SS" run "$2" --workspace "$W/ws_$1" --rules "$ROOT/rules" --jobs "$3" --settle 0 --progress log --quiet
  check_ss "$W/logs/$1.log" "$4" "$5"
  rm -rf "$W/ws_$1"
}
# The memory-growth cases: K runs; the record keeps the run with the median
# wall time for speed, and the highest peaks of all K for memory.
scanstraat_mem() {  # as scanstraat
  local k
  for ((k = 1; k <= MEM_REPEATS; k++)); do
    scanstraat "$1" "$2" "$3" "$4" "$5"
    mv "$R/$1.json" "$R/$1.run$k.json"
  done
  "$PY" - "$R/$1.json" "$R"/"$1".run*.json <<'PY'
import json, sys
runs = [json.load(open(p)) for p in sys.argv[2:]]
rec = dict(sorted(runs, key=lambda r: r["wall_s"])[len(runs) // 2])
for key in ("maxrss_mib", "tree_peak_rss_mib"):
    rec[key + "_runs"] = [r[key] for r in runs]
    rec[key] = max(r[key] for r in runs)
json.dump(rec, open(sys.argv[1], "w"))
PY
  rm -f "$R/$1".run*.json
}
ocrmypdf_run() {  # $1 jobs
  local o="$W/out/ocrmypdf"; mkdir -p "$o"
  local cmd
  if [ "$OCRMODE" = parallel ]; then
    cmd="ls | xargs -P $1 -I{} ocrmypdf -q --jobs 1 -l nld+eng --output-type pdfa {} '$o/{}'"
  else
    cmd="for f in *.pdf; do ocrmypdf -q --jobs $1 -l nld+eng --output-type pdfa \"\$f\" '$o/'\"\$f\" || exit 1; done"
  fi
  $M --label "ocrmypdf_${OCRMODE}_j$1" --out "$R/ocrmypdf_j$1.json" --pages "$NP" --jobs "$1" \
     --log "$W/logs/ocrmypdf.log" -- bash -c "cd '$D/scan/pdf' && $cmd"
  [ "$(count "$o" '*.pdf')" = "$ND" ] || die "ocrmypdf did not write every PDF (log $W/logs/ocrmypdf.log)"
}

echo "== measuring (each line: wall, pages/s, max RSS, summed tree RSS, other processes' CPU share)" >&2
limit "$JOBS"
scanstraat "scanstraat_images_j$JOBS" "$D/scan/img" "$JOBS" "$NP" "$ND"
scanstraat "scanstraat_pdfs_j$JOBS" "$D/scan/pdf" "$JOBS" "$NP" "$ND"
ocrmypdf_run "$JOBS"
scanstraat_mem "textlayer_${SMALL}_j$JOBS" "$D/text$SMALL" "$JOBS" "$NT_SMALL" "$SMALL"
scanstraat_mem "textlayer_${LARGE}_j$JOBS" "$D/text$LARGE" "$JOBS" "$NT_LARGE" "$LARGE"
if [ "$SCALE_SCANNED" = 1 ]; then
  scanstraat_mem "smallscan_${SMALL}_j$JOBS" "$D/small$SMALL" "$JOBS" "$SMALL" "$SMALL"
  scanstraat_mem "smallscan_${LARGE}_j$JOBS" "$D/small$LARGE" "$JOBS" "$LARGE" "$LARGE"
  scanstraat_mem "smallrepeat_${LARGE}_j$JOBS" "$D/repeat$LARGE" "$JOBS" "$LARGE" "$LARGE"
fi
if [ "$SCALING" = 1 ]; then
  for ((j = 1; j < JOBS; j++)); do
    scanstraat "scanstraat_images_j$j" "$D/scan/img" "$j" "$NP" "$ND"
  done
fi
loadinfo after

# ---- report -----------------------------------------------------------------
mkdir -p "$(dirname "$OUT")"
"$PY" bench/lib/report.py --records "$R" --out "$OUT" --jobs "$JOBS" --pages "$NP" --docs "$ND" \
  --small "$SMALL" --large "$LARGE" --ocrmypdf-mode "$OCRMODE" --quick "$QUICK" \
  --scan-info "$D/scan.json" --load "$W/logs/load.txt" \
  --binary "$BIN" --binary-mtime "$BIN_MTIME" --binary-sha256 "$BIN_SHA" \
  --git-commit "$GIT_HEAD" --git-dirty "$GIT_DIRTY" --command "bench/run.sh $ARGS"
