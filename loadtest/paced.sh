#!/usr/bin/env bash
# S3b: paced fan-out of SMS asks through the real Twilio adapter and SDK to the Twilio stub,
# which creates at most 100 messages per second and answers 429 (error 20429) beyond; the
# service is paced at 98 per second, a little under it. Embedded PostgreSQL and Redis, loopback only.
#   loadtest/paced.sh [asks]      default 6000 (a minute of sending)
# LOADTEST_RESULTS=<folder> writes the table there (run.sh does) instead of a folder of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
started="$(mktemp)"
trap 'rm -f "${started}"' EXIT
asks="${1:-6000}"
echo "Paced fan-out benchmark: ${asks} SMS asks at 98/s to a limit of 100/s (about $((asks / 100 + 60)) s)"
status=0
./mvnw --batch-mode --no-transfer-progress -Pfanout-benchmark -Dbenchmark=PacedFanOutBenchmark \
  -Dpaced.asks="${asks}" -Dbenchmark.results="${LOADTEST_RESULTS:-}" -Dsurefire.failIfNoSpecifiedTests=false test \
  || status=$?
# Only a table this run wrote: one left by an earlier run would pass for this one's.
table="$(find loadtest/results -name paced.md -newer "${started}" 2>/dev/null | sort | tail -n 1)"
if [[ -n "${table}" ]]; then
  cat "${table}"
else
  echo "No table: the benchmark stopped before writing one (see above)." >&2
fi
exit "${status}"
