#!/usr/bin/env bash
# Builds the libFuzzer targets into build-fuzz/ (clang++, ASan+UBSan) and runs
# each in turn for SECONDS_PER_TARGET (default 300), one process at a time,
# at the lowest CPU priority. Seeds: matching files from ../shared/data (linked,
# not copied), the rule files in rules/, and the hand-made fuzz/corpus/<target>/.
# Findings land in build-fuzz/artifacts/<target>/ (crash-*, timeout-*, oom-*,
# leak-*); after a finding the fuzzer is started again until the time is used,
# so one run shows them all. Corpora grow in build-fuzz/corpus/<target>/ and
# are reused next time.
#
# Usage: fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#   TARGET: pdf_intake, image_intake, rule_loader, two_tone_content (default: all)
#   Env: SHARED_DATA (default ../shared/data), JOBS (build jobs, default 2),
#        FUZZ_ARGS (extra libFuzzer flags), ASAN_OPTIONS (e.g.
#        detect_stack_use_after_scope=0 to fuzz past a known, open finding).
# Exit status: 0 when no target found anything, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pdf_intake image_intake rule_loader two_tone_content)
shared=${SHARED_DATA:-$PWD/../shared/data}
build=build-fuzz
# Leaks inside Debian's libraries that we cannot fix (each explained there).
export LSAN_OPTIONS=suppressions=$PWD/scripts/sanitizers/lsan.supp:print_suppressions=0

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DSCANSTRAAT_SANITIZE=address -DSCANSTRAAT_FUZZ=ON >/dev/null
nice -n 19 ninja -C "$build" -j"${JOBS:-2}" "${targets[@]/%/_fuzzer}"

# Links every file under $1 whose name matches one of the patterns (max 256
# KiB: bigger inputs only slow the mutations down) into the seed folder $2.
link_seeds() {
  local from=$1 to=$2
  shift 2
  local expr=() p
  for p in "$@"; do expr+=(-o -iname "$p"); done
  [ -d "$from" ] || return 0
  find "$from" -type f -size -257k \( "${expr[@]:1}" \) -print0 |
    while IFS= read -r -d '' f; do
      ln -sf "$(realpath "$f")" "$to/$(printf '%s' "$f" | sha1sum | cut -c1-12)-$(basename "$f")"
    done
}

found=0
for t in "${targets[@]}"; do
  seeds=$build/seeds/$t corpus=$build/corpus/$t artifacts=$build/artifacts/$t
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus" "$artifacts"
  cp -f fuzz/corpus/"$t"/* "$seeds"/ 2>/dev/null || true
  dict=()
  case $t in
    pdf_intake) link_seeds "$shared" "$seeds" '*.pdf' '*.fuzz' ;;
    image_intake) link_seeds "$shared" "$seeds" '*.png' '*.jpg' '*.jpeg' '*.tif' '*.tiff' '*.gif' '*.bmp' '*.webp' ;;
    rule_loader) link_seeds rules "$seeds" '*.yaml' ;;
    two_tone_content) ;;  # fuzz/corpus only: content streams, not whole files
    *) echo "unknown target $t" >&2; exit 2 ;;
  esac
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  # Memory limits per input, as in fuzz/CMakeLists.txt: at the fuzz limits an
  # image is at most 2 Mpixel, so a larger allocation is a decompression bomb.
  limits=(-rss_limit_mb=2560)
  [ "$t" = image_intake ] && limits+=(-malloc_limit_mb=256)
  echo "== $t: ${seconds}s, $(ls "$seeds" | wc -l) seeds, corpus $(ls "$corpus" | wc -l) inputs"
  before=$(ls "$artifacts" | wc -l)
  start=$(date +%s)
  deadline=$((start + seconds))
  : > "$build/$t.log"
  # libFuzzer stops at its first finding; start it again (with the corpus it
  # grew) until the time is used. A seed that is itself a finding is left out
  # of the next start so that it is not found again and again.
  while [ "$(date +%s)" -lt "$deadline" ]; do
    n=$(ls "$artifacts" | wc -l)
    rc=0
    nice -n 19 "$build/fuzz/${t}_fuzzer" "$corpus" "$seeds" "${dict[@]}" \
      -max_total_time=$((deadline - $(date +%s))) -timeout=25 "${limits[@]}" \
      -artifact_prefix="$artifacts/" -print_final_stats=1 ${FUZZ_ARGS:-} \
      >> "$build/$t.log" 2>&1 || rc=$?
    [ "$rc" -ne 0 ] && [ "$(ls "$artifacts" | wc -l)" -gt "$n" ] || break
    for a in $(ls -t "$artifacts" | head -n $(( $(ls "$artifacts" | wc -l) - n ))); do
      for s in "$seeds"/* "$corpus"/*; do
        if cmp -s "$s" "$artifacts/$a"; then rm -f "$s"; fi
      done
    done
  done
  after=$(ls "$artifacts" | wc -l)
  runs=$(grep -h '^stat::number_of_executed_units' "$build/$t.log" | awk '{s += $2} END {print s + 0}')
  echo "   $(( $(date +%s) - start ))s, $runs inputs executed; corpus now $(ls "$corpus" | wc -l);" \
       "new findings: $((after - before)) (log: $build/$t.log)"
  [ "$after" -eq "$before" ] || { found=1; ls -1t "$artifacts" | head -n $((after - before)) | sed 's/^/   /'; }
done
exit $found
