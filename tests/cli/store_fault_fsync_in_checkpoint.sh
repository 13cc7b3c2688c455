#!/usr/bin/env bash
# An fsync that fails in the worker's WAL checkpoint (SQLite runs one after a
# commit once the WAL holds 1000 pages; its own automatic checkpoint ignored
# the error) stops the run with exit 3; the database stays sound and the next
# run finishes the work exactly once. The batch is the samples with the
# largest page images, so that a checkpoint comes after a few pages.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/fault_checks.bash"
cd "$SOURCE_DIR"
make_batch "$T/in" factuur/04-poor-skew.jpg omgevingsvergunning/03-poor-rotated.tif \
  verhuizing/02-poor-skew-noise.jpg archiefstuk/01-brief-colour.jpg verhuizing/01-clean.png \
  bezwaarschrift/05-fault-missing.pdf aanvraag_bijstand/03-poor-rotated-p2.pdf \
  verhuizing/04-fault-impossible-date.png bezwaarschrift/04-fault-invalid-bsn.png
run() { "$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --rules rules --sample-rate 0 --settle 0 --jobs 2; }

for spec in fsync:1@worker fsync:2@worker; do   # the WAL's sync, then the database's
  rm -rf "$T/ws"
  rc=0; SCANSTRAAT_FAULT_STORE=$spec run > "$T/fault.out" 2> "$T/fault.err" || rc=$?
  [ $rc -eq 3 ] || { cat "$T/fault.err"; fail "$spec: exit $rc, not 3"; }
  grep -q "fault injection: store fsync" "$T/fault.err" || fail "$spec: the fault did not happen"
  grep -q " error .*disk I/O error" "$T/fault.err" || { cat "$T/fault.err"; fail "$spec: no error"; }
  echo "$spec: exit 3, '$(grep -m1 " error " "$T/fault.err" | cut -c28-)'"
  echo "  $(grep -m1 "fault injection" "$T/fault.err" | cut -c22-)"
  next_run_completes "$spec" after-failure
done
