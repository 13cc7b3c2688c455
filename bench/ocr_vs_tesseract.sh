#!/usr/bin/env bash
# Throughput and peak memory of `scanstraat run` against the physical limit,
# the bare `tesseract` CLI, on the same page images in one run.
#
#   bench/ocr_vs_tesseract.sh [--jobs N] [--pages N] [--scale-pages N] [PAGES_DIR]
#
# PAGES_DIR holds single-page images (PNG/TIFF/JPEG at 300 dpi). Without it,
# a page set is made with the sample generator (seed 9001, holdout layouts)
# and converted to one greyscale PNG per page.
#   1. the limit: `tesseract IMG out -l nld+eng txt hocr`, N processes in
#      parallel (xargs -P N), OMP_THREAD_LIMIT=1;
#   2. `scanstraat run --jobs N` on the same files, fresh workspace;
#   3. peak memory of scanstraat for the page set and for --scale-pages pages
#      (copies that differ by one pixel, so none is skipped as a duplicate).
# Prints pages/s, peak RSS and the ratio scanstraat / limit.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=2 PAGES=24 SCALE=200 DIR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) JOBS=$2; shift 2 ;;
    --pages) PAGES=$2; shift 2 ;;
    --scale-pages) SCALE=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) DIR=$1; shift ;;
  esac
done
BIN=${SCANSTRAAT:-build/scanstraat}
[ -x "$BIN" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export OMP_THREAD_LIMIT=1

if [ -z "$DIR" ]; then
  /usr/bin/python3 tools/samplegen/generate.py --out "$W/gen" --seed 9001 --count-per-type 8 --variants holdout >/dev/null
  DIR="$W/pages"
fi
mkdir -p "$W/in"
# One greyscale PNG per page, $PAGES pages (PDF pages rasterised at 300 dpi).
/usr/bin/python3 - "$DIR" "$W/gen" "$W/in" "$PAGES" <<'PY'
import sys, os, glob, subprocess
from PIL import Image
src, gen, out, want = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
files = sorted(glob.glob(os.path.join(src if os.path.isdir(src) else gen, "**", "*"), recursive=True))
n = 0
for f in files:
    if n >= want: break
    if f.endswith((".json", ".md")) or not os.path.isfile(f): continue
    frames = []
    if f.endswith(".pdf"):
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", f, os.path.join(out, "tmp")], check=True)
        for p in sorted(glob.glob(os.path.join(out, "tmp*.png"))):
            frames.append(Image.open(p).convert("L")); os.remove(p)
    else:
        try:
            im = Image.open(f)
        except Exception:
            continue
        for i in range(getattr(im, "n_frames", 1)):
            im.seek(i); frames.append(im.convert("L"))
    for fr in frames:
        if n >= want: break
        fr.save(os.path.join(out, "page%04d.png" % n), dpi=(300, 300)); n += 1
print(n, "pages", file=sys.stderr)
PY
N=$(ls "$W/in" | wc -l)

peak() { grep "Maximum resident" "$1" | awk '{printf "%.0f", $6/1024}'; }
wall() { grep "Elapsed (wall" "$1" | awk '{print $8}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }

echo "== $N pages, $JOBS jobs, nld+eng, $(nproc) cores =="
mkdir -p "$W/bare"
/usr/bin/time -v -o "$W/t_bare" bash -c "ls '$W/in' | xargs -P $JOBS -I{} tesseract '$W/in/{}' '$W/bare/{}' -l nld+eng txt hocr >/dev/null 2>&1"
/usr/bin/time -v -o "$W/t_ss" "$BIN" run "$W/in" --workspace "$W/ws" --jobs "$JOBS" --settle 0 --progress log --quiet >/dev/null
tb=$(wall "$W/t_bare"); ts=$(wall "$W/t_ss")
python3 - "$N" "$tb" "$ts" "$(peak "$W/t_bare")" "$(peak "$W/t_ss")" <<'PY'
import sys
n, tb, ts, mb, ms = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
print("%-32s %8.2f pages/s  %6.1f s  peak %s MiB (one process)" % ("bare tesseract (limit)", n / tb, tb, mb))
print("%-32s %8.2f pages/s  %6.1f s  peak %s MiB" % ("scanstraat run", n / ts, ts, ms))
print("ratio scanstraat / limit: %.2f" % (tb / ts))
PY

if [ "$SCALE" -gt 0 ]; then
  mkdir -p "$W/scale"
  /usr/bin/python3 - "$W/in" "$W/scale" "$SCALE" <<'PY'
import sys, os, glob
from PIL import Image
src, out, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = sorted(glob.glob(os.path.join(src, "*.png")))
for i in range(want):
    im = Image.open(pages[i % len(pages)]).copy()
    im.putpixel((i % im.width, 0), (i * 37) % 256)   # one pixel differs: a distinct document
    im.save(os.path.join(out, "p%05d.png" % i), dpi=(300, 300))
PY
  /usr/bin/time -v -o "$W/t_scale" "$BIN" run "$W/scale" --workspace "$W/ws_scale" --jobs "$JOBS" --settle 0 --progress log --quiet >/dev/null
  echo "peak memory: $N pages $(peak "$W/t_ss") MiB, $SCALE pages $(peak "$W/t_scale") MiB ($(python3 -c "print('%.2f' % ($SCALE/$(wall "$W/t_scale"))))") pages/s)"
fi
