#!/usr/bin/env bash
# Installs the browser tests' npm packages (playwright-core) into
# tests/browser/node_modules. Idempotent: a fast no-op when node_modules
# already matches package.json and package-lock.json. Safe to run from
# several tests at once (a lock serialises them). Needs node and npm; the
# browser itself is Debian's chromium (/usr/bin/chromium), not downloaded.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v npm > /dev/null || { echo "install.sh: npm not found (apt-get install nodejs npm)" >&2; exit 1; }

stamp=node_modules/.scanstraat-install
want=$( { node --version; cat package.json; [ -f package-lock.json ] && cat package-lock.json; } | sha256sum | cut -c1-64)
current() { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d node_modules/playwright-core ]; }
current && exit 0

exec 9> .install.lock
flock 9
current && exit 0   # someone else installed it while we waited
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
echo "$want" > "$stamp"
