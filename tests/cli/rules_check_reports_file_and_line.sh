#!/usr/bin/env bash
# `rules check`: the shipped rules are clean (exit 0, no output); a rule file
# with a pattern that does not compile and one with a duplicate field give
# exit 1 and "file:line:col: message" for each.
source "$(dirname "$0")/lib/common.bash"
: "${SOURCE_DIR:?}"
out=$("$SCANSTRAAT" rules check --rules "$SOURCE_DIR/rules") || fail "shipped rules must pass rules check"
[ -z "$out" ] || fail "shipped rules: unexpected output: $out"

mkdir "$T/rules"
cp "$SOURCE_DIR"/rules/*.yaml "$T/rules/"
# Break the first pattern of factuur.yaml and remember its line.
line=$(grep -n '^ *pattern:' "$T/rules/factuur.yaml" | head -1 | cut -d: -f1)
sed -i "${line}s/pattern: .*/pattern: \"(unclosed\"/" "$T/rules/factuur.yaml"
set +e
"$SCANSTRAAT" rules check --rules "$T/rules" > "$T/out" 2>&1
rc=$?
set -e
[ "$rc" = 1 ] || fail "broken rule file must exit 1, got $rc"
grep -q "^$T/rules/factuur.yaml:$line:[0-9]*: pattern does not compile" "$T/out" || fail "no file:line for the bad pattern: $(cat "$T/out")"
[ "$(wc -l < "$T/out")" = 1 ] || fail "one problem expected: $(cat "$T/out")"

# A missing folder is a problem too, not a crash.
set +e
"$SCANSTRAAT" rules check --rules "$T/nothing" > "$T/out2" 2>&1; rc=$?
set -e
[ "$rc" = 1 ] || fail "missing rules folder must exit 1, got $rc"
"$SCANSTRAAT" rules --help | grep -q "Exit codes" || fail "rules --help lists exit codes"
ok "rules check reports file:line"
