#!/usr/bin/env bash
# A store that fails under a run (SCANSTRAAT_FAULT_STORE: an I/O error on the
# Nth write, a full disk, a failing fsync; store/fault_spec.h) stops the run
# with exit 3 and a clear message without personal data, leaves the database
# sound with no document half done, and the next run without the fault
# finishes the work: one result per document, each archived once, verify clean.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/fault_checks.bash"
cd "$SOURCE_DIR"
make_batch "$T/in" factuur/01-digital.pdf factuur/05-fault-invalid-iban-digital.pdf \
  factuur/02-clean-scan.png bezwaarschrift/01-clean.png
run() { "$SCANSTRAAT" run "$@" --workspace "$T/ws" --rules rules --sample-rate 0 --settle 0 --jobs 2; }

# SPEC | WORKSPACE | what the error says. "@worker": counted in the run's
# worker only; without it the supervisor fails first. An existing workspace
# has the batch's first document done by an earlier run.
while IFS='|' read -r spec workspace says; do
  spec=$(echo $spec); workspace=$(echo $workspace); says=$(echo $says)
  [ -n "$spec" ] || continue
  rm -rf "$T/ws"
  if [ "$workspace" = existing ]; then
    run "$T/in/$(ls "$T/in" | head -n 1)" > /dev/null 2>&1 || fail "$spec: the earlier run"
  fi
  rc=0; SCANSTRAAT_FAULT_STORE=$spec run "$T/in" > "$T/fault.out" 2> "$T/fault.err" || rc=$?
  [ $rc -eq 3 ] || { cat "$T/fault.err"; fail "$spec: exit $rc, not 3"; }
  grep -q "fault injection: store" "$T/fault.err" || fail "$spec: the fault did not happen"
  grep -q " error .*$says" "$T/fault.err" || { cat "$T/fault.err"; fail "$spec: no error saying '$says'"; }
  echo "$spec ($workspace workspace): exit 3, '$(grep -m1 " error " "$T/fault.err" | cut -c28-)'"
  next_run_completes "$spec" after-failure "$T/in"
done <<'CASES'
write:1@worker   | new      | disk I/O error
write:30@worker  | new      | disk I/O error
full:20+@worker  | new      | database or disk is full
write:3          | new      | disk I/O error
write:3          | existing | disk I/O error
fsync:1          | new      | disk I/O error
CASES
