#!/usr/bin/env bash
# The fan-out benchmark: 100,000 asks (selection, rotation, outbox rows, relay into the dev
# inbox's sinks) against the primitives measured in the same run. Everything runs on loopback
# with the embedded PostgreSQL and Redis; the heap is capped at 512 MB.
#   loadtest/fanout.sh [asks]      default 100000
set -euo pipefail
cd "$(dirname "$0")/.."
started="$(mktemp)"
trap 'rm -f "${started}"' EXIT
asks="${1:-100000}"
echo "Fan-out benchmark: ${asks} asks (this takes a few minutes; progress in target/surefire-reports)"
status=0
./mvnw --batch-mode --no-transfer-progress -Pfanout-benchmark -Dfanout.asks="${asks}" \
  -Dsurefire.failIfNoSpecifiedTests=false test || status=$?
# Only a table this run wrote: one left by an earlier run would pass for this one's.
table="$(find loadtest/results -name fanout.md -newer "${started}" 2>/dev/null | sort | tail -n 1)"
if [[ -n "${table}" ]]; then
  cat "${table}"
else
  echo "No table: the benchmark stopped before writing one (see above)." >&2
fi
exit "${status}"
