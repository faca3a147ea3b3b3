#!/usr/bin/env bash
# S3-fair: ten callouts, each asking 10,000 helpers in one wave, planned at the same time over
# one pool of 100,000 helpers, with the embedded PostgreSQL and Redis. Goal: every helper's ask
# count within one of every other's, nobody asked twice for a callout.
#   loadtest/fair.sh [helpers] [callouts] [wave]     default 100000 10 10000
# LOADTEST_RESULTS=<folder> writes the table there (run.sh does) instead of a folder of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
started="$(mktemp)"
trap 'rm -f "${started}"' EXIT
helpers="${1:-100000}" callouts="${2:-10}" wave="${3:-10000}"
echo "Fair rotation benchmark: ${callouts} callouts x ${wave} asks over ${helpers} helpers (a few minutes)"
status=0
# Ten plannings at once in one JVM are ten replicas' work: they get ten replicas' heap.
./mvnw --batch-mode --no-transfer-progress -Pfanout-benchmark -Dbenchmark=FairRotationBenchmark -Dbenchmark.heap=3g \
  -Dfair.helpers="${helpers}" -Dfair.callouts="${callouts}" -Dfair.wave="${wave}" \
  -Dbenchmark.results="${LOADTEST_RESULTS:-}" -Dsurefire.failIfNoSpecifiedTests=false test || status=$?
# Only a table this run wrote: one left by an earlier run would pass for this one's.
table="$(find loadtest/results -name fair.md -newer "${started}" 2>/dev/null | sort | tail -n 1)"
if [[ -n "${table}" ]]; then
  cat "${table}"
else
  echo "No table: the benchmark stopped before writing one (see above)." >&2
fi
exit "${status}"
