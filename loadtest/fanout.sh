#!/usr/bin/env bash
# The fan-out benchmark: 100,000 asks (selection, rotation, outbox rows, relay into the dev
# inbox's sinks) against the primitives measured in the same run. Everything runs on loopback
# with the embedded PostgreSQL and Redis; the heap is capped at 512 MB.
#   loadtest/fanout.sh [asks]      default 100000
set -euo pipefail
cd "$(dirname "$0")/.."
asks="${1:-100000}"
echo "Fan-out benchmark: ${asks} asks (this takes a few minutes; progress in target/surefire-reports)"
status=0
./mvnw --batch-mode --no-transfer-progress -Pfanout-benchmark -Dfanout.asks="${asks}" \
  -Dsurefire.failIfNoSpecifiedTests=false test || status=$?
latest="$(ls -d loadtest/results/*/ 2>/dev/null | sort | tail -n 1)"
if [[ -n "${latest}" && -f "${latest}fanout.md" ]]; then
  cat "${latest}fanout.md"
fi
exit "${status}"
