#!/usr/bin/env bash
# Archive files that cannot be written (SCANSTRAAT_FAULT_ARCHIVE: an I/O error
# on the Nth write, a full disk, a failing fsync or rename; store/fault_spec.h)
# stop the run with exit 3 and a clear message without personal data; nothing
# of the failed document is left in the archive or recorded, and the next run
# without the fault archives every document exactly once, verify clean.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/fault_checks.bash"
cd "$SOURCE_DIR"
make_batch "$T/in" factuur/01-digital.pdf factuur/05-fault-invalid-iban-digital.pdf \
  factuur/02-clean-scan.png bezwaarschrift/01-clean.png
run() { "$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --rules rules --sample-rate 0 --settle 0 --jobs 2; }

# SPEC | what the error says. Calls are counted over the whole run: the first
# archived document writes 4 or 6 files (each: write, fsync, rename).
while IFS='|' read -r spec says; do
  spec=$(echo $spec); says=$(echo $says)
  [ -n "$spec" ] || continue
  rm -rf "$T/ws"
  rc=0; SCANSTRAAT_FAULT_ARCHIVE=$spec run > "$T/fault.out" 2> "$T/fault.err" || rc=$?
  [ $rc -eq 3 ] || { cat "$T/fault.err"; fail "$spec: exit $rc, not 3"; }
  grep -q " error .*$says.*(injected)" "$T/fault.err" || { cat "$T/fault.err"; fail "$spec: no error saying '$says'"; }
  echo "$spec: exit 3, '$(grep -m1 " error " "$T/fault.err" | cut -c28-)'"
  next_run_completes "$spec" strict-archive
done <<'CASES'
write:1   | Input/output error
write:3   | Input/output error
full:5    | No space left on device
fsync:2   | fsync failed
rename:6  | rename failed
CASES
