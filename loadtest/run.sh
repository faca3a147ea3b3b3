#!/usr/bin/env bash
# Surge behaviour against this machine's own limits, in one run:
#   loadtest/run.sh [quick|full]     quick: 5 bursts, 10-20 s per scenario; full: 20 bursts, 30-60 s
# Builds the service jar; starts Debian's PostgreSQL (synchronous commit on), redis-server
# (append-only file, fsync every second) and nginx as separate processes on 127.0.0.1, and the
# service against them, its SMS going to a Twilio stub (nginx) and its email to an SMTP sink,
# both on loopback, so that nothing leaves the machine; measures the
# primitives, then the scenarios; checks the invariants in the database after every burst;
# prints one table and writes loadtest/results/<yyyyMMdd-HHmmss>/summary.md and summary.json.
# Every process it starts is stopped at the end, also on Ctrl-C.
# S4 fans a callout out to many seeded helpers (through the real Twilio and SMTP adapters to
# those stubs) alone and then while S1
# runs at 50 %, and compares both the fan-out time and S1's p99 with their solo figures.
# S3-fair and S3b come last, through fair.sh and paced.sh (embedded datastores of their own).
# LOADTEST_GATLING=1 also runs the open model and a burst with Gatling (loadtest/gatling), whose
# HTML reports stay in the run's folder under gatling/.
# LOADTEST_INSTANCES=2 runs two instances of the service on the same PostgreSQL and Redis, behind
# nginx as a round-robin proxy, and sends every scenario through the proxy.
set -euo pipefail
mode="${1:-quick}"
case "${mode}" in
  quick) measure_s=10; warm_s=60; burst_timeout=60; s1_s=15; s1lat_s=20; s2_reps=5; s1_tokens=80000; s1lat_tokens=60000
    s4_tokens=60000; fanout_asks=30000; fanout_warmups=4; fanout_timeout=300; fair_sizes="10000 10 1000"; paced_asks=3000 ;;
  full) measure_s=30; warm_s=90; burst_timeout=120; s1_s=60; s1lat_s=60; s2_reps=20; s1_tokens=300000; s1lat_tokens=200000
    s4_tokens=300000; fanout_asks=100000; fanout_warmups=3; fanout_timeout=900; fair_sizes="100000 10 10000"; paced_asks=6000 ;;
  *) echo "usage: loadtest/run.sh [quick|full]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
root="${PWD}"
results="${root}/loadtest/results/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "${results}"
pg_port=55432 redis_port=56379 nginx_port=58080 service_port=58081 proxy_port=58083 twilio_port=58084 smtp_port=58025
# The account the service sends SMS as, to the stub, which checks the credentials.
twilio_sid="AC$(printf 'loadtest' | md5sum | cut -c1-32)" twilio_token="$(printf 'token' | md5sum | cut -c1-32)"
instances="${LOADTEST_INSTANCES:-1}"
[[ "${instances}" == 1 || "${instances}" == 2 ]] || { echo "LOADTEST_INSTANCES must be 1 or 2" >&2; exit 2; }
burst=10000 s2_slots=50 s2_duplicates=0.05
started_at=$(date +%s)

log() { printf '[%s +%3ss] %s\n' "$(date -u +%H:%M:%S)" "$(($(date +%s) - started_at))" "$*" | tee -a "${results}/progress.log"; }

# --- tools ---------------------------------------------------------------------------------
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
missing=()
[[ -x "${pg_bin}/postgres" ]] || missing+=(postgresql)
command -v psql >/dev/null && command -v pgbench >/dev/null || missing+=(postgresql-client)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v redis-benchmark >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-tools)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v wrk >/dev/null || missing+=(wrk)
command -v python3 >/dev/null || missing+=(python3)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]} > 0)); then
  log "Installing ${missing[*]} (Debian packages)"
  if [[ "$(id -u)" != 0 ]]; then echo "Run as root, or install: ${missing[*]}" >&2; exit 1; fi
  apt-get update -q >"${results}/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >>"${results}/apt.log" 2>&1
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
# 10,000 connections at once need as many descriptors in the client and in each server.
ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < 2 * burst)); then log "warning: only $(ulimit -n) file descriptors allowed"; fi

# --- processes, stopped on exit --------------------------------------------------------------
pids=()
pg_data="${results}/postgres"
as_pg=()
[[ "$(id -u)" == 0 ]] && as_pg=(runuser -u postgres --)
stop_all() {
  trap - EXIT INT TERM
  log "Stopping everything this run started"
  # Last started, first stopped, each before the next: the service ends before the stores it uses, whose going
  # would fill its log with reconnects.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.2; done
    kill -9 "${pids[i]}" 2>/dev/null || true
  done
  if [[ -f "${pg_data}/postmaster.pid" ]]; then
    "${as_pg[@]}" "${pg_bin}/pg_ctl" -D "${pg_data}" -m fast -w stop >/dev/null 2>&1 || true
  fi
  # The databases take half a gigabyte a run; LOADTEST_KEEP_DATA=1 keeps them to look into.
  if [[ -z "${LOADTEST_KEEP_DATA:-}" ]]; then rm -rf "${pg_data}" "${results}/redis"; fi
}
trap stop_all EXIT
trap 'log "Interrupted"; exit 130' INT TERM

psql_() { psql -X -q -h 127.0.0.1 -p "${pg_port}" -U postgres -d zeitspende -v ON_ERROR_STOP=1 "$@"; }
redis_() { redis-cli -h 127.0.0.1 -p "${redis_port}" "$@"; }
client() { java -Xmx512m -cp "${results}/client" LoadClient "$@"; }
# CPU time the servers have used so far, in ms, as key=value lines (for CPU per request).
cpu() {
  local tck total pid key
  tck="$(getconf CLK_TCK)"
  for key in service postgres redis nginx sink; do
    total=0
    for pid in ${cpu_pids[${key}]:-}; do
      [[ -r "/proc/${pid}/stat" ]] || continue
      read -r -a stat <"/proc/${pid}/stat"
      total=$((total + stat[13] + stat[14]))
    done
    echo "${key}=$((total * 1000 / tck))"
  done >"${results}/cpu-$1.txt"
}
declare -A cpu_pids

log "Mode ${mode}; results in ${results#"${root}/"}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
log "Building the service jar"
./mvnw -q -DskipTests package >"${results}/build.log" 2>&1
jar="$(ls target/zeitspende-*.jar | grep -v -- '-plain' | head -n 1)"
mkdir -p "${results}/client"
javac -d "${results}/client" loadtest/java/*.java
if [[ -n "${LOADTEST_GATLING:-}" ]]; then
  log "Compiling the Gatling simulation (loadtest/gatling)"
  ./mvnw -q -f loadtest/gatling/pom.xml test-compile >"${results}/gatling-build.log" 2>&1
fi

log "Starting PostgreSQL ($("${pg_bin}/postgres" --version | awk '{print $3}'), synchronous_commit on) on 127.0.0.1:${pg_port}"
mkdir -p "${pg_data}"
[[ "$(id -u)" == 0 ]] && chown postgres: "${pg_data}"
"${as_pg[@]}" "${pg_bin}/initdb" -D "${pg_data}" -U postgres -A trust -E UTF8 --no-locale >"${results}/initdb.log"
cat >>"${pg_data}/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = ${pg_port}
unix_socket_directories = '${pg_data}'
max_connections = 200
shared_buffers = 256MB
fsync = on
synchronous_commit = on
EOF
"${as_pg[@]}" "${pg_bin}/pg_ctl" -D "${pg_data}" -l "${pg_data}/server.log" -w start >/dev/null
psql -X -q -h 127.0.0.1 -p "${pg_port}" -U postgres -c 'create database zeitspende'

log "Starting redis-server ($(redis-server --version | awk '{print $3}' | tr -d v=), appendonly yes, appendfsync everysec) on 127.0.0.1:${redis_port}"
mkdir -p "${results}/redis"
redis-server --bind 127.0.0.1 --port "${redis_port}" --dir "${results}/redis" --appendonly yes \
  --appendfsync everysec --maxmemory-policy noeviction --save '' --logfile "${results}/redis/redis.log" &
pids+=($!)

log "Starting nginx on 127.0.0.1:${nginx_port} (static 120-byte response)"
mkdir -p "${results}/nginx/www"
printf '{"outcome":"FULL","ask":{"activity":"Fahrdienst","place":"Grone","details":"static response of the anchor"}}\n' \
  >"${results}/nginx/www/small.json"
cat >"${results}/nginx/nginx.conf" <<EOF
worker_processes auto;
worker_rlimit_nofile $(ulimit -n);
daemon off;
$([[ "$(id -u)" == 0 ]] && echo 'user root;')
pid ${results}/nginx/nginx.pid;
error_log ${results}/nginx/error.log warn;
events { worker_connections 16384; }
http {
  access_log off;
  keepalive_requests 1000000;
  default_type application/json;
  client_body_temp_path ${results}/nginx/tmp;
  proxy_temp_path ${results}/nginx/tmp;
  fastcgi_temp_path ${results}/nginx/tmp;
  uwsgi_temp_path ${results}/nginx/tmp;
  scgi_temp_path ${results}/nginx/tmp;
  server {
    # The same accept queue as the service's (Netty takes net.core.somaxconn).
    listen 127.0.0.1:${nginx_port} backlog=$(cat /proc/sys/net/core/somaxconn);
    root ${results}/nginx/www;
  }
  # The Twilio stub of the fan-out: creates every message the account posts, answering as
  # Twilio's Messages resource does (201, a message with a SID of its own), and logs each status.
  log_format status '\$status';
  server {
    listen 127.0.0.1:${twilio_port} backlog=$(cat /proc/sys/net/core/somaxconn);
    access_log ${results}/twilio-stub.log status;
    location = /2010-04-01/Accounts/${twilio_sid}/Messages.json {
      if (\$request_method != POST) { return 405; }
      if (\$http_authorization != "Basic $(printf '%s:%s' "${twilio_sid}" "${twilio_token}" | base64 -w0)") {
        return 401 '{"code":20003,"message":"Authenticate","status":401}';
      }
      return 201 '{"sid":"SM\$request_id","account_sid":"${twilio_sid}","status":"queued","direction":"outbound-api","api_version":"2010-04-01","num_segments":"1","uri":"/2010-04-01/Accounts/${twilio_sid}/Messages/SM\$request_id.json"}';
    }
    location / {
      return 404 '{"code":20404,"message":"The requested resource was not found","status":404}';
    }
  }
$( ((instances == 2)) && cat <<PROXY
  # Two instances of the service, round-robin, over kept-alive connections.
  upstream service {
    server 127.0.0.1:${service_port};
    server 127.0.0.1:$((service_port + 1));
    keepalive 256;
  }
  server {
    listen 127.0.0.1:${proxy_port} backlog=$(cat /proc/sys/net/core/somaxconn);
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_read_timeout 120s;
    }
  }
PROXY
)
}
EOF
nginx -c "${results}/nginx/nginx.conf" -e "${results}/nginx/error.log" &
pids+=($!)
nginx_pid=$!
log "Starting the SMTP sink on 127.0.0.1:${smtp_port}, and the Twilio stub in nginx on 127.0.0.1:${twilio_port}"
java -Xmx256m -cp "${results}/client" SmtpSink --port "${smtp_port}" >"${results}/smtp-sink.log" 2>&1 &
pids+=($!)
sink_pid=$!

# The fan-out's pacing off: a pace this permissive paces nothing.
pacing_off=()
for provider in twilio smtp; do
  pacing_off+=("--resilience4j.ratelimiter.instances.${provider}.limit-for-period=1000000"
    "--resilience4j.ratelimiter.instances.${provider}.limit-refresh-period=1s")
done
start_service() { # port log
  SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:${pg_port}/zeitspende" SPRING_R2DBC_USERNAME=postgres \
    SPRING_FLYWAY_USER=postgres SPRING_DATA_REDIS_URL="redis://127.0.0.1:${redis_port}" \
    ZEITSPENDE_DEV_INBOX_ENABLED=false ZEITSPENDE_DEMO_ENABLED=false SERVER_PORT="$1" \
    ZEITSPENDE_TWILIO_ACCOUNT_SID="${twilio_sid}" ZEITSPENDE_TWILIO_AUTH_TOKEN="${twilio_token}" \
    ZEITSPENDE_TWILIO_FROM=+4930123456789 ZEITSPENDE_TWILIO_BASE_URL="http://127.0.0.1:${twilio_port}" \
    SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="${smtp_port}" ZEITSPENDE_MAIL_FROM='Zeitspende <no-reply@bench.example.org>' \
    ZEITSPENDE_WAVES_INITIAL_ACCEPTANCE_RATE=0.00001 ZEITSPENDE_WAVES_MIN_ACCEPTANCE_RATE=0.00001 \
    ZEITSPENDE_WAVES_MAX_WAVE_SIZE=1000000 ZEITSPENDE_ASKS_POLL_INTERVAL=100ms ZEITSPENDE_ASKS_BATCH_SIZE=2000 \
    ZEITSPENDE_ASKS_CONCURRENCY=256 \
    SERVER_ADDRESS=127.0.0.1 ZEITSPENDE_PUBLIC_BASE_URL="http://127.0.0.1:$1" \
    java -Xmx1g -XX:+UseG1GC ${LOADTEST_JFR:+-XX:StartFlightRecording=filename=${results}/${2%.log}.jfr,settings=profile} \
    -jar "${jar}" "${pacing_off[@]}" >"${results}/$2" 2>&1 &
  pids+=($!)
  local pid=$!
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "${pid}" 2>/dev/null || { tail -n 30 "${results}/$2"; exit 1; }
    sleep 1
  done
  curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null || { log "Service on port $1 not ready"; exit 1; }
  service_pids+=("${pid}")
}
service_pids=()
log "Starting the service (${jar##*/}) on 127.0.0.1:${service_port}, SMS to the Twilio stub, email to the SMTP sink"
start_service "${service_port}" service.log
target_port="${service_port}"
if ((instances == 2)); then
  # The first instance has migrated the schema; the second finds it done.
  log "Starting a second instance on 127.0.0.1:$((service_port + 1)); scenarios go through nginx on ${proxy_port}"
  start_service "$((service_port + 1))" service-2.log
  target_port="${proxy_port}"
fi
log "Service ready"
cpu_pids[service]="${service_pids[*]}"
cpu_pids[redis]="${pids[0]}"
cpu_pids[nginx]="$(pgrep -P "${nginx_pid}" | tr '\n' ' ')"
cpu_pids[sink]="${sink_pid}"

# --- seeding -------------------------------------------------------------------------------
seed() { # scenario rep callouts needed helpers
  psql_ -f loadtest/sql/seed.sql -v sc="$1" -v rep="$2" -v callouts="$3" -v needed="$4" -v helpers="$5" \
    -v salt="${results##*/}" >/dev/null
  psql_ -At -c "select token from loadtest.token where scenario = '$1' and rep = $2 order by random()" \
    >"${results}/tokens-$1-$2.txt"
}
log "Seeding helpers, callouts and sent asks with known tokens in bulk"
psql_ -f loadtest/sql/setup.sql >/dev/null
seed warm 1 20 500 10000
seed warmfull 1 1 1 2000
for rep in 1 2 3; do seed warmburst "${rep}" 1 "${s2_slots}" "${burst}"; done
seed s1 1 $((s1_tokens / 500)) 500 "${s1_tokens}"
seed s1lat 1 $((s1lat_tokens / 500)) 500 "${s1lat_tokens}"
for rep in $(seq 1 "${s2_reps}"); do seed s2 "${rep}" 1 "${s2_slots}" "${burst}"; done
# S4's open model lasts 1.25 x the solo fan-out + 7 s: through the real adapters 30 to 45 s quick, 2 to 3 min full.
seed s4 1 $((s4_tokens / 500)) 500 "${s4_tokens}"
if [[ -n "${LOADTEST_GATLING:-}" ]]; then
  seed gopen 1 $((s1lat_tokens / 500)) 500 "${s1lat_tokens}"
  seed gburst 1 1 "${s2_slots}" "${burst}"
fi
psql_ -f loadtest/sql/seed-fanout.sql -v helpers="${fanout_asks}" -v salt="${results##*/}" >/dev/null
psql_ -c 'analyze' >/dev/null
log "Seeded $(psql_ -At -c 'select count(*) from loadtest.token') tokens"

# --- primitives ----------------------------------------------------------------------------
log "Primitive: redis-benchmark EVALSHA reserve_slot.lua, slot free and callout full (50 clients)"
sha="$(redis_ script load "$(cat src/main/resources/redis/reserve_slot.lua)")"
redis_ set 'co:{bench-free}:open' 1000000000 >/dev/null
redis_ set 'co:{bench-full}:open' 0 >/dev/null
redis-benchmark -h 127.0.0.1 -p "${redis_port}" -c 50 -n 300000 -r 100000000 --csv \
  evalsha "${sha}" 2 'co:{bench-free}:open' 'co:{bench-free}:confirmed' 'helper-__rand_int__' >"${results}/redis-evalsha-free.csv"
redis-benchmark -h 127.0.0.1 -p "${redis_port}" -c 50 -n 300000 -r 100000000 --csv \
  evalsha "${sha}" 2 'co:{bench-full}:open' 'co:{bench-full}:confirmed' 'helper-__rand_int__' >"${results}/redis-evalsha-full.csv"
redis_ del 'co:{bench-free}:open' 'co:{bench-free}:confirmed' 'co:{bench-full}:open' >/dev/null
log "Primitive: redis-benchmark ZADD/ZPOPMIN, pipelined 100 deep"
redis-benchmark -h 127.0.0.1 -p "${redis_port}" -c 50 -n 500000 -P 100 -r 100000000 --csv -t zadd,zpopmin \
  >"${results}/redis-zset.csv"
redis_ --scan --pattern 'myzset*' | xargs -r redis-cli -h 127.0.0.1 -p "${redis_port}" del >/dev/null

log "Primitive: pgbench one-row confirmation insert, 10 clients, ${measure_s} s"
echo "insert into loadtest.bench_one (callout_id, helper_id, answer) values (gen_random_uuid(), gen_random_uuid(), 'CONFIRMED');" \
  >"${results}/pgbench-one.sql"
(cd "${results}" && pgbench -n -h 127.0.0.1 -p "${pg_port}" -U postgres -c 10 -j 2 -T "${measure_s}" \
  -f pgbench-one.sql -l --log-prefix=pgbench-one-log zeitspende >pgbench-one.txt 2>&1)
log "Primitive: pgbench 100-row batch insert, 10 clients, ${measure_s} s"
echo "insert into loadtest.bench_batch (callout_id, helper_id, answer) select gen_random_uuid(), gen_random_uuid(), 'CONFIRMED' from generate_series(1, 100);" \
  >"${results}/pgbench-batch.sql"
(cd "${results}" && pgbench -n -h 127.0.0.1 -p "${pg_port}" -U postgres -c 10 -j 2 -T "${measure_s}" \
  -f pgbench-batch.sql zeitspende >pgbench-batch.txt 2>&1)

log "Primitive: nginx keep-alive under wrk (2 threads, 64 connections, ${measure_s} s)"
cpu nginx-before
wrk -t2 -c64 -d"${measure_s}s" --latency "http://127.0.0.1:${nginx_port}/small.json" >"${results}/wrk-nginx.txt"
cpu nginx-after
log "Primitive: nginx, ${burst} connections at once"
client burst --port "${nginx_port}" --path /small.json --count "${burst}" --out "${results}/nginx-burst.json" \
  >/dev/null

# --- scenarios -----------------------------------------------------------------------------
confirmed_rows() {
  psql_ -At -c "select count(*) from confirmation k join loadtest.callout c on c.id = k.callout_id
    where c.scenario = '$1' and k.answer = 'CONFIRMED'"
}
wrk_tokens() { # scenario file seconds prefix suffix output
  TOKENS="$2" THREADS=2 PREFIX="$4" SUFFIX="$5" wrk -t2 -c64 -d"$3s" --timeout 10s --latency -s loadtest/lua/tokens.lua \
    "http://127.0.0.1:${target_port}" >"$6"
}
invariants() { # label
  psql_ -f loadtest/sql/invariants.sql >"${results}/invariants-$1.txt"
}

# The JIT compiles the service's paths during the first thousands of requests; on two shared
# cores that takes a while.
log "Warm-up: ${warm_s} s of confirmations (tokens repeat once used up; not counted)"
wrk_tokens warm "${results}/tokens-warm-1.txt" "${warm_s}" /api/asks/ /accept "${results}/wrk-warm.txt"
log "Warm-up: $((warm_s / 2)) s of clicks on a full callout (not counted)"
wrk_tokens warmfull "${results}/tokens-warmfull-1.txt" "$((warm_s / 2))" /api/asks/ /accept "${results}/wrk-warmfull.txt"
# A burst opens a connection per click: a path of its own for the JIT, which S2's first burst
# would otherwise pay for.
log "Warm-up: 3 bursts of ${burst} clicks at once, each on a 50-slot callout of its own (not counted)"
for rep in 1 2 3; do
  client burst --port "${target_port}" --method POST --path '/api/asks/{token}/accept' \
    --tokens "${results}/tokens-warmburst-${rep}.txt" --timeout "${burst_timeout}" \
    --out "${results}/warmburst-${rep}.json" >/dev/null
done

log "S1: sustained confirmations, wrk 64 connections, ${s1_s} s"
before="$(confirmed_rows s1)"
postmaster="$(head -n 1 "${pg_data}/postmaster.pid")"
cpu_pids[postgres]="${postmaster} $(pgrep -P "${postmaster}" | tr '\n' ' ')"
cpu s1-before
wrk_tokens s1 "${results}/tokens-s1-1.txt" "${s1_s}" /api/asks/ /accept "${results}/wrk-s1.txt"
cpu s1-after
after="$(confirmed_rows s1)"
echo "rows=$((after - before))" >"${results}/s1-rows.txt"
invariants s1
s1_rate="$(python3 loadtest/report.py s1-rate "${results}" "${s1_s}")"
log "S1: ${s1_rate} confirmations/s"

s1lat_rate="$(python3 -c "print(round(max(1.0, ${s1_rate} / 2), 1))")"
log "S1-lat: open model at ${s1lat_rate}/s (50 % of S1) for ${s1lat_s} s"
client rate --port "${target_port}" --method POST --path '/api/asks/{token}/accept' \
  --tokens "${results}/tokens-s1lat-1.txt" --rate "${s1lat_rate}" --duration "${s1lat_s}" --warmup 2 \
  --out "${results}/s1lat.json" >/dev/null
invariants s1lat

# S4: a fan-out of every seeded helper alone, then the same while S1 runs at 50 %. Each fan-out
# gets a callout of its own, created now (a callout without a wave would be taken by the pollers
# after a while), and its dispatch job on the Redis stream; timed from then until its last ask
# has left the outbox.
# Messages the stubs took so far.
sms_received() { grep -c '^201$' "${results}/twilio-stub.log" || true; }
email_received() {
  python3 -c "import smtplib; s = smtplib.SMTP('127.0.0.1', ${smtp_port}, timeout=10); print(s.docmd('XCOUNT')[1].decode()); s.quit()"
}
fanout() { # label
  local callout start total unsent sms email
  callout="$(psql_ -At -c "with created as (
      insert into callout (organisation_id, activity_code, place_code, starts_at, ends_at, needed, short_code,
                           created_by, notify_when_filled)
      select id, 'umzugshilfe', 'goettingen-esebeck', now() + interval '1 day', now() + interval '1 day 2 hours', 1,
             lpad((nextval('loadtest.short_code') % 10000)::text, 4, '0'), gen_random_uuid(), false
      from organisation where slug = 'loadtest' returning id)
    insert into loadtest.callout (scenario, rep, idx, id) select 's4-$1', 1, 0, id from created returning id")"
  sms="$(sms_received)" email="$(email_received)"
  start=$(date +%s%N)
  redis_ xadd dispatch '*' callout "${callout}" >/dev/null
  for _ in $(seq 1 $((fanout_timeout * 2))); do
    read -r total unsent < <(psql_ -At -F' ' -c "select count(*), count(*) filter (where status in ('PENDING', 'SENDING'))
      from ask where callout_id = '${callout}'")
    ((total >= fanout_asks && unsent == 0)) && break
    sleep 0.5
  done
  printf 'ms=%s\nasks=%s\nunsent=%s\nexpected=%s\nsms_received=%s\nemail_received=%s\n' \
    "$((($(date +%s%N) - start) / 1000000))" "${total}" "${unsent}" "${fanout_asks}" "$(($(sms_received) - sms))" \
    "$(($(email_received) - email))" >"${results}/s4-fanout-$1.txt"
  psql_ -At -F'=' -c "select status, count(*) from ask where callout_id = '${callout}' group by status" \
    >>"${results}/s4-fanout-$1.txt"
}
# The fan-out's own code (planning a wave, the relay, the adapters) runs here for the first time,
# and the JIT goes on compiling it for several fan-outs (of 30,000: 27, 18, 14, 11 s in a row in a lab).
# Warm-up fan-outs, not counted, until one takes at least 90 % as long as the one before.
previous=0
for i in $(seq 1 "${fanout_warmups}"); do
  log "S4: warm-up fan-out ${i} (at most ${fanout_warmups}) of ${fanout_asks} asks (not counted)"
  fanout "warm-${i}"
  took="$(grep ms= "${results}/s4-fanout-warm-${i}.txt" | cut -d= -f2)"
  log "S4: warm-up fan-out ${i} took ${took} ms"
  ((previous > 0 && took * 10 >= previous * 9)) && break
  previous="${took}"
done
log "S4: fan-out of ${fanout_asks} asks alone"
cpu s4-solo-before
fanout solo
cpu s4-solo-after
log "S4: fan-out alone took $(grep ms= "${results}/s4-fanout-solo.txt" | cut -d= -f2) ms"
# S1 at 50 % for about as long as the fan-out takes, with a margin; the fan-out starts about 2 s
# into its measurement.
s4_s="$(python3 -c "print(int($(grep ms= "${results}/s4-fanout-solo.txt" | cut -d= -f2) * 1.25 / 1000) + 5)")"
log "S4: open model at ${s1lat_rate}/s for ${s4_s} s after a 2 s warm-up, and the same fan-out about 2 s into it"
java -Xmx512m -cp "${results}/client" LoadClient rate --port "${target_port}" --method POST \
  --path '/api/asks/{token}/accept' --tokens "${results}/tokens-s4-1.txt" --rate "${s1lat_rate}" --duration "${s4_s}" \
  --warmup 2 --out "${results}/s4-s1.json" >/dev/null &
s4_client=$!
pids+=("${s4_client}")
# Its 2 s warm-up (not timed) and about 2 s of the measurement go first.
sleep 4
fanout during
wait "${s4_client}"
log "S4: fan-out during S1 took $(grep ms= "${results}/s4-fanout-during.txt" | cut -d= -f2) ms"
invariants s4

if [[ -n "${LOADTEST_GATLING:-}" ]]; then
  gatling() { # profile tokens options...
    local profile="$1" tokens="$2"
    shift 2
    { echo token; cat "${tokens}"; } >"${tokens%.txt}.csv"
    ./mvnw -B -q -f loadtest/gatling/pom.xml gatling:test \
      -DbaseUrl="http://127.0.0.1:${target_port}" -Dprofile="${profile}" -Dtokens="${tokens%.txt}.csv" "$@" \
      >>"${results}/gatling.log" 2>&1 || log "Gatling ${profile}: failed requests or an error (gatling.log)"
    mkdir -p "${results}/gatling"
    mv loadtest/gatling/target/gatling/confirmationssimulation-* "${results}/gatling/" 2>/dev/null || true
  }
  log "Gatling: open model at ${s1lat_rate}/s for ${s1lat_s} s"
  gatling open "${results}/tokens-gopen-1.txt" -Drate="${s1lat_rate}" -Dseconds="${s1lat_s}"
  invariants gatling-open
  log "Gatling: ${burst} helpers at once on ${s2_slots} slots"
  gatling burst "${results}/tokens-gburst-1.txt" -Dusers="${burst}" -Dtimeout="${burst_timeout}"
  invariants gatling-burst
  log "Gatling reports: $(ls -d "${results}"/gatling/*/ 2>/dev/null | sed "s|${root}/||" | tr '\n' ' ')"
fi

for rep in $(seq 1 "${s2_reps}"); do
  callout="$(psql_ -At -c "select id from loadtest.callout where scenario = 's2' and rep = ${rep}")"
  log "S2 ${rep}/${s2_reps}: ${burst} helpers + 5 % duplicates at once on ${s2_slots} slots"
  cpu "s2-${rep}-before"
  client burst --port "${target_port}" --method POST --path '/api/asks/{token}/accept' \
    --tokens "${results}/tokens-s2-${rep}.txt" --duplicates "${s2_duplicates}" --seed "${rep}" --timeout "${burst_timeout}" \
    --out "${results}/s2-${rep}.json" --lines "${results}/s2-${rep}-answers.txt" >/dev/null
  cpu "s2-${rep}-after"
  invariants "s2-${rep}"
  {
    psql_ -At -F' ' -c "select 'callout=' || filled || ' ' || needed || ' ' || status from callout where id = '${callout}'"
    awk '$3 == "CONFIRMED" { split($1, p, "/"); print p[4] }' "${results}/s2-${rep}-answers.txt" | sort -u \
      >"${results}/s2-${rep}-confirmed-tokens.txt"
    echo "answered_confirmed=$(wc -l <"${results}/s2-${rep}-confirmed-tokens.txt")"
    echo "confirmed_with_row=$(psql_ -At -c "select count(*) from loadtest.token t
      join ask a on a.token_hash = sha256(convert_to(t.token, 'UTF8'))
      join confirmation k on k.callout_id = a.callout_id and k.helper_id = a.helper_id and k.answer = 'CONFIRMED'
      where t.token = any(string_to_array('$(paste -sd, "${results}/s2-${rep}-confirmed-tokens.txt")', ','))")"
    echo "redis_open=$(redis_ get "co:{${callout}}:open")"
    echo "redis_confirmed=$(redis_ scard "co:{${callout}}:confirmed")"
  } >"${results}/s2-${rep}-check.txt"
  log "S2 ${rep}: $(python3 loadtest/report.py s2-line "${results}" "${rep}")"
done

log "S2b: clicks on the full callout, keep-alive, wrk 64 connections, ${measure_s} s after 2 windows as long, not counted"
awk '$3 == "FULL" { split($1, p, "/"); print p[4] }' "${results}/s2-1-answers.txt" | sort -u >"${results}/tokens-s2b.txt"
# Right after the bursts the JIT is still reworking this path: in a lab, windows of 20 s went 6,082, 6,492, 9,599
# and 10,332 clicks/s at the same CPU. Two windows go first, not counted, as warm-up fan-outs go before S3's.
for window in 1 2; do
  wrk_tokens s2b "${results}/tokens-s2b.txt" "${measure_s}" /api/asks/ /accept "${results}/wrk-s2b-warm-${window}.txt"
  log "S2b: window ${window} (not counted) $(awk '/Requests\/sec/ {print $2}' "${results}/wrk-s2b-warm-${window}.txt") clicks/s"
done
cpu s2b-before
wrk_tokens s2b "${results}/tokens-s2b.txt" "${measure_s}" /api/asks/ /accept "${results}/wrk-s2b.txt"
cpu s2b-after
invariants final

# S3-fair and S3b are benchmarks through Maven (fair.sh, paced.sh) with an embedded PostgreSQL and
# Redis of their own; the processes above idle meanwhile. Their tables land in this run's folder.
read -r fair_helpers fair_callouts fair_wave <<<"${fair_sizes}"
log "S3-fair: ${fair_callouts} callouts x ${fair_wave} asks planned at once over ${fair_helpers} helpers (fair.sh)"
LOADTEST_RESULTS="${results}" loadtest/fair.sh ${fair_sizes} >"${results}/fair.log" 2>&1 \
  || log "S3-fair: goal missed or stopped early (fair.log)"
log "S3b: ${paced_asks} SMS asks paced at 98/s against a limit of 100/s through the Twilio adapter to the stub (paced.sh)"
LOADTEST_RESULTS="${results}" loadtest/paced.sh "${paced_asks}" >"${results}/paced.log" 2>&1 \
  || log "S3b: goal missed or stopped early (paced.log)"

log "Done measuring; load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 loadtest/report.py summary "${results}" "${mode}" "$( ((instances == 2)) && echo 'two instances behind nginx (round-robin); ')load average at the end $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
