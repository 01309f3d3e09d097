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
dotnet test --solution CareFlows.sln -c Release 2>&1 | tee "$log" || status=$?

# One closing line in the plain form CI reads, summed over every test project.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
