#!/usr/bin/env bash
# OMP_THREAD_LIMIT must be in force in the process even when the caller did
# not set it (libgomp reads it at load time, so the program re-executes).
source "$(dirname "$0")/lib/common.bash"
out=$(env -u OMP_THREAD_LIMIT "$SCANSTRAAT" selftest)
echo "$out"
echo "$out" | grep -qx "omp_thread_limit 1" || fail "OpenMP thread limit is not 1 without the variable"
out=$(env OMP_THREAD_LIMIT=3 "$SCANSTRAAT" selftest)
echo "$out" | grep -qx "omp_thread_limit 3" || fail "an operator's own OMP_THREAD_LIMIT must be respected"
ok "OpenMP limited"
