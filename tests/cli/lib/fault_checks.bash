# Checks shared by the fault-injection and crash tests (sourced after
# common.bash, not run); the rules themselves are in fault_checks.py.
MDTO_XSD="$SHARED_DATA/../reference/mdto/MDTO-XML1.0.1.xsd"
FAULT_CHECKS="$(dirname "${BASH_SOURCE[0]}")/fault_checks.py"

# workspace_consistent WS [after-failure|strict-archive|complete]
workspace_consistent() { /usr/bin/python3 "$FAULT_CHECKS" consistent "$1" "${2:-after-failure}"; }

# results_exactly_once WS: one result per id in $T/ids.list and none else;
# prints "documents N, lost L, duplicated D".
results_exactly_once() { results "$1" | /usr/bin/python3 "$FAULT_CHECKS" once "$T/ids.list"; }

# no_personal_data FILE...: no field value of the batch's samples and no
# personal part of their file names in FILE...
no_personal_data() { /usr/bin/python3 "$FAULT_CHECKS" private "$T" "$@"; }

# verify_clean WS: `scanstraat verify` finds no problem.
verify_clean() {
  "$SCANSTRAAT" verify --workspace "$1" --schema "$MDTO_XSD" > "$T/verify.txt" 2>&1 \
    || { cat "$T/verify.txt"; fail "verify found problems"; }
  tail -n 1 "$T/verify.txt"
}

# next_run_completes SPEC MODE [ARG...]: after a run that stopped on the
# injected fault SPEC (its output in $T/fault.out and $T/fault.err), nothing
# personal is in that output and the workspace $T/ws is consistent in MODE
# (see workspace_consistent); then `run ARG...` without the fault finishes the
# work: complete, every document exactly once, verify clean.
next_run_completes() {
  local spec=$1 mode=$2 state once
  shift 2
  no_personal_data "$T/fault.out" "$T/fault.err" > /dev/null || fail "$spec: personal data in the output"
  state=$(workspace_consistent "$T/ws" "$mode") || fail "$spec: inconsistent after the fault"
  run "$@" > "$T/out.txt" 2> "$T/err.txt" || { cat "$T/err.txt"; fail "$spec: the run after the fault"; }
  workspace_consistent "$T/ws" complete > /dev/null || fail "$spec: incomplete after the next run"
  once=$(results_exactly_once "$T/ws") || fail "$spec: $once"
  verify_clean "$T/ws" > /dev/null
  echo "  after the fault: ${state#consistent ($mode): }"
  ok "$spec: the next run finished; $once; verify clean"
}

# make_batch DIR SAMPLE...: copies samples (paths under samples/) into DIR
# under names that carry made-up personal data, as real scans are often
# named; lists their expected results, the personal name parts and the
# document ids in $T/expected.list, $T/names.list and $T/ids.list.
make_batch() {
  local dir=$1 i=0 s name
  shift
  mkdir -p "$dir"
  : > "$T/expected.list"
  printf '%s\n' "J. de Vries-Bakker" "111222333" > "$T/names.list"
  : > "$T/ids.list"
  for s in "$@"; do
    i=$((i + 1))
    name="scan $i J. de Vries-Bakker bsn 111222333 ${s##*/}"
    cp "$SOURCE_DIR/samples/$s" "$dir/$name"
    echo "$SOURCE_DIR/samples/${s%.*}.expected.json" >> "$T/expected.list"
    sha256sum "$dir/$name" | cut -c1-64 >> "$T/ids.list"
  done
  sort -u -o "$T/ids.list" "$T/ids.list"
}
