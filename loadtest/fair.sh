#!/usr/bin/env bash
# S3-fair: ten callouts, each asking 10,000 helpers in one wave, planned at the same time over
# one pool of 100,000 helpers, with the embedded PostgreSQL and Redis. Goal: every helper's ask
# count within one of every other's, nobody asked twice for a callout.
#   loadtest/fair.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started="$(mktemp)"
trap 'rm -f "${started}"' EXIT
echo "Fair rotation benchmark: 10 callouts x 10,000 asks over 100,000 helpers (a few minutes)"
status=0
./mvnw --batch-mode --no-transfer-progress -Pfanout-benchmark -Dbenchmark=FairRotationBenchmark -Dbenchmark.heap=3g \
  -Dsurefire.failIfNoSpecifiedTests=false test || status=$?
# Only a table this run wrote: one left by an earlier run would pass for this one's.
table="$(find loadtest/results -name fair.md -newer "${started}" 2>/dev/null | sort | tail -n 1)"
if [[ -n "${table}" ]]; then
  cat "${table}"
else
  echo "No table: the benchmark stopped before writing one (see above)." >&2
fi
exit "${status}"
