#!/usr/bin/env bash
# Runs CareFlows' whole test suite. Everything the tests need is set up here and torn down on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

source eng/postgres.sh

log=$(mktemp)
trap 'rm -f "$log"; postgres_stop || true' EXIT
# An interrupted run must still stop PostgreSQL: without these, SIGTERM would skip the EXIT trap.
trap 'exit 130' INT
trap 'exit 143' TERM

postgres_start

status=0
# The server's build also installs the web app's packages (npm ci) and builds it into the server's wwwroot.
dotnet test --solution CareFlows.sln -c Release 2>&1 | tee "$log" || status=$?

# The web app's component tests (Vitest, in jsdom).
(cd src/CareFlows.Web && npx vitest run --reporter=default) 2>&1 | tee -a "$log" || status=$?

# The browser tests drive the real server in Debian's headless Chromium, installed here when the machine lacks it.
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
node --test --test-reporter=tap --test-concurrency=1 tests/CareFlows.Web.BrowserTests/ 2>&1 | tee -a "$log" || status=$?

# One closing line in the plain form CI reads, summed over every test project: dotnet test's "succeeded: N",
# Vitest's "Tests  N passed" and node's "# pass N".
passed=$(( $(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}') \
  + $(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s+Tests\s+' | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}') \
  + $(grep -E '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ))
failed=$(( $(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}') \
  + $(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s+Tests\s+' | grep -oE '[0-9]+ failed' | awk '{s+=$1} END {print s+0}') \
  + $(grep -E '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ))
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then
  status=1
fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
