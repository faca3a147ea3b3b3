"""Reads the raw outputs of loadtest/run.sh (redis-benchmark, pgbench, wrk, LoadClient, psql)
and turns them into the table: scenario, measured, anchor, ratio, goal, PASS/FAIL.

  report.py s1-rate RESULTS SECONDS       confirmations per second of S1
  report.py s2-line RESULTS REP           one progress line for an S2 burst
  report.py summary RESULTS MODE MACHINE  prints the table, writes summary.md and summary.json
"""
import csv
import glob
import json
import math
import os
import re
import sys


def read(results, name):
    with open(os.path.join(results, name)) as f:
        return f.read()


def key_values(results, name):
    values = {}
    for line in read(results, name).splitlines():
        if '=' in line:
            key, value = line.split('=', 1)
            values[key.strip()] = value.strip()
    return values


def redis_csv(results, name):
    """Rows of redis-benchmark --csv by test name: rps and p99 in ms."""
    rows = {}
    with open(os.path.join(results, name)) as f:
        for row in csv.DictReader(f):
            rows[row['test']] = {'rps': float(row['rps']), 'p99_ms': float(row['p99_latency_ms'])}
    return rows


def pgbench(results, name):
    text = read(results, name + '.txt')
    tps = float(re.search(r'tps = ([\d.]+)', text).group(1))
    out = {'tps': tps}
    logs = glob.glob(os.path.join(results, name + '-log.*'))
    if logs:
        latencies = []
        for path in logs:
            with open(path) as f:
                latencies.extend(int(line.split()[2]) / 1000.0 for line in f if line.strip())
        out['p99_ms'] = percentile(sorted(latencies), 0.99)
    return out


def wrk(results, name):
    text = read(results, name)
    units = {'us': 0.001, 'ms': 1.0, 's': 1000.0}

    def latency(label):
        match = re.search(r'^\s*' + label + r'\s+([\d.]+)(us|ms|s)\s*$', text, re.M)
        return float(match.group(1)) * units[match.group(2)] if match else None

    errors = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
    return {
        'rps': float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1)),
        'requests': int(re.search(r'(\d+) requests in', text).group(1)),
        'p50_ms': latency('50%'),
        'p99_ms': latency('99%'),
        'non_2xx': int(m.group(1)) if (m := re.search(r'Non-2xx or 3xx responses: (\d+)', text)) else 0,
        'socket_errors': sum(int(x) for x in errors.groups()) if errors else 0,
        'wrapped': int(m.group(1)) if (m := re.search(r'wrapped: (\d+)', text)) else 0,
    }


def s2b_windows(results):
    """The rates of S2b's windows before the measured one (not counted), as a note."""
    rates = [f"{wrk(results, name)['rps']:,.0f}" for name in ('wrk-s2b-warm-1.txt', 'wrk-s2b-warm-2.txt')
             if os.path.exists(os.path.join(results, name))]
    return f"the windows before, not counted: {', '.join(rates)} req/s; " if rates else ''


def benchmark_table(results, name):
    """The measure | value rows of a Maven benchmark's table (fair.md, paced.md); None without one."""
    path = os.path.join(results, name)
    if not os.path.exists(path):
        return None
    rows = {}
    for line in read(results, name).splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) == 2 and cells[0] not in ('measure', '---'):
            rows[cells[0]] = cells[1]
    return rows


def gatling(results):
    """Gatling's global figures of each simulation in gatling.log, in the order they ran."""
    path = os.path.join(results, 'gatling.log')
    if not os.path.exists(path):
        return []
    runs = []
    for block in read(results, 'gatling.log').split('---- Global Information')[1:]:
        def figure(label, column=0):
            match = re.search(r'> ' + label + r'\s+\|\s+([\d,-]+)\s+\|\s+([\d,-]+)\s+\|\s+([\d,-]+)', block)
            value = match.group(column + 1).replace(',', '') if match else '-'
            return 0 if value == '-' else int(value)
        runs.append({'count': figure('request count'), 'ko': figure('request count', 2),
                     'p50': figure(r'response time 50th percentile \(ms\)'),
                     'p99': figure(r'response time 99th percentile \(ms\)'),
                     'max': figure(r'max response time \(ms\)')})
    return runs


def cpu_per_request(results, label, requests, servers=('service', 'postgres', 'redis')):
    """CPU ms per request of the servers between cpu-LABEL-before and -after."""
    try:
        before = key_values(results, f'cpu-{label}-before.txt')
        after = key_values(results, f'cpu-{label}-after.txt')
    except FileNotFoundError:
        return ''
    # A folder of an older run lacks the servers added since.
    used = {key: (int(after.get(key, 0)) - int(before.get(key, 0))) / max(1, requests) for key in servers}
    return 'CPU per request: ' + ', '.join(f'{key} {ms:.2f} ms' for key, ms in used.items())


def client(results, name):
    return json.loads(read(results, name))


def percentile(sorted_values, quantile):
    if not sorted_values:
        return 0.0
    rank = math.ceil(quantile * len(sorted_values))
    return sorted_values[max(1, min(len(sorted_values), rank)) - 1]


def fivexx(statuses):
    return sum(count for status, count in statuses.items() if status.startswith('5'))


def answered_cleanly(run):
    """An open-model run, its untimed warm-up included: no 5xx, no failed connection, nothing unanswered."""
    return run['failures'] == 0 and all(
        fivexx(statuses) == 0 and statuses.get('error', 0) == 0 and statuses.get('timeout', 0) == 0
        for statuses in (run['statuses'], run.get('warmup_statuses', {})))


def s1_rate(results, seconds):
    rows = int(key_values(results, 's1-rows.txt')['rows'])
    return rows / float(seconds)


def s2_checks(results, rep):
    """What one S2 burst did, and whether it kept every promise."""
    burst = client(results, f's2-{rep}.json')
    check = key_values(results, f's2-{rep}-check.txt')
    invariants = key_values(results, f'invariants-s2-{rep}.txt')
    filled, needed, status = check['callout'].split()
    problems = []
    if int(filled) != int(needed):
        problems.append(f'filled {filled} of {needed}')
    if int(check['confirmed_with_row']) != int(check['answered_confirmed']):
        problems.append(f"only {check['confirmed_with_row']} CONFIRMED answers have a row")
    for key in ('overfilled', 'duplicates', 'filled_mismatch', 'after_close'):
        if int(invariants[key]) != 0:
            problems.append(f'{key} {invariants[key]}')
    if fivexx(burst['statuses']):
        problems.append(f"{fivexx(burst['statuses'])} 5xx")
    if burst['errors']:
        problems.append(f"{burst['errors']} connection errors")
    if burst['repeat_mismatches']:
        problems.append(f"{burst['repeat_mismatches']} duplicates answered differently")
    redis_open = int(check['redis_open'] or -1)
    if redis_open != int(needed) - int(filled):
        problems.append(f'Redis counter {redis_open}')
    return burst, check, problems


def s2_line(results, rep):
    burst, check, problems = s2_checks(results, rep)
    return (f"drain {burst['drain_ms']:.0f} ms, p99 {burst['p99_ms']:.0f} ms, unanswered {burst['timeouts']}, "
            f"outcomes {burst['outcomes']}, statuses {burst['statuses']}, "
            f"callout {check['callout']}: " + ('invariants hold' if not problems else 'FAIL ' + '; '.join(problems)))


def summary(results, mode, machine):
    rows = []

    def row(scenario, measured, unit, anchor=None, anchor_text='', goal=None, goal_text='', passed=None,
            ratio=None, note=''):
        if ratio is None and anchor:
            ratio = measured / anchor
        rows.append({
            'scenario': scenario,
            'measured': measured, 'unit': unit,
            'anchor': anchor, 'anchor_text': anchor_text,
            'ratio': None if ratio is None else round(ratio, 3),
            'goal': goal_text,
            'result': None if passed is None else ('PASS' if passed else 'FAIL'),
            'note': note,
        })

    free = list(redis_csv(results, 'redis-evalsha-free.csv').values())[0]
    full = list(redis_csv(results, 'redis-evalsha-full.csv').values())[0]
    zset = redis_csv(results, 'redis-zset.csv')
    zadd = next(v for k, v in zset.items() if k.startswith('ZADD'))
    zpop = next(v for k, v in zset.items() if k.startswith('ZPOPMIN'))
    one = pgbench(results, 'pgbench-one')
    batch = pgbench(results, 'pgbench-batch')
    nginx = wrk(results, 'wrk-nginx.txt')
    nburst = client(results, 'nginx-burst.json')

    row('P: Redis EVALSHA reserve_slot.lua, slot free (50 clients)', free['rps'], 'calls/s',
        note=f"p99 {free['p99_ms']:.2f} ms")
    row('P: Redis EVALSHA reserve_slot.lua, callout full (50 clients)', full['rps'], 'calls/s',
        note=f"p99 {full['p99_ms']:.2f} ms")
    row('P: Redis ZADD / ZPOPMIN, pipelined 100', min(zadd['rps'], zpop['rps']), 'ops/s',
        note=f"ZADD {zadd['rps']:,.0f}, ZPOPMIN {zpop['rps']:,.0f}")
    row('P: pgbench one-row confirmation insert (10 clients)', one['tps'], 'tx/s',
        note=f"p99 {one['p99_ms']:.2f} ms")
    row('P: pgbench 100-row batch insert (10 clients)', batch['tps'] * 100, 'rows/s')
    row('P: nginx keep-alive, wrk 64 connections', nginx['rps'], 'req/s',
        note=f"p99 {nginx['p99_ms']:.2f} ms; " + cpu_per_request(results, 'nginx', nginx['requests'], ('nginx',)))
    row(f"P: nginx {nburst['requests']:,} connections at once: drain", nburst['drain_ms'], 'ms',
        note=f"p99 {nburst['p99_ms']:.0f} ms, errors {nburst['errors']}, timeouts {nburst['timeouts']}")

    s1 = wrk(results, 'wrk-s1.txt')
    # wrk words the duration with a unit of its choice: 15.02s, 1.00m.
    s1_span = re.search(r'requests in ([\d.]+)(ms|s|m|h),', read(results, 'wrk-s1.txt'))
    s1_seconds = float(s1_span.group(1)) * {'ms': 0.001, 's': 1, 'm': 60, 'h': 3600}[s1_span.group(2)]
    s1_rows = int(key_values(results, 's1-rows.txt')['rows'])
    s1_rate_value = s1_rows / s1_seconds
    s1_ok = s1['non_2xx'] == 0 and s1['socket_errors'] == 0 and s1['wrapped'] == 0
    row('S1 sustained confirmations HTTP -> Redis -> PostgreSQL', s1_rate_value, 'confirmed/s', one['tps'],
        'pgbench one-row tx/s', goal_text='>= 0.6', passed=s1_ok and s1_rate_value >= 0.6 * one['tps'],
        note=f"{s1_rows:,} new rows, wrk {s1['rps']:,.0f} req/s, p99 {s1['p99_ms']:.1f} ms, "
             f"non-2xx {s1['non_2xx']}, socket errors {s1['socket_errors']}, repeats {s1['wrapped']}; "
             + cpu_per_request(results, 's1', s1['requests']))

    lat = client(results, 's1lat.json')
    lat_anchor = one['p99_ms'] + free['p99_ms'] + nginx['p99_ms']
    lat_ok = answered_cleanly(lat)
    row('S1-lat open model at 50 % of S1: p99', lat['p99_ms'], 'ms', lat_anchor,
        'p99 pg insert + EVALSHA + nginx', goal_text='<= 2', passed=lat_ok and lat['p99_ms'] <= 2 * lat_anchor,
        note=f"{lat['requests']:,} requests at {lat['target_rate']}/s (sent {lat['achieved_send_rate']}/s) after "
             f"{lat.get('warmup_requests', 0):,} not timed (statuses {lat.get('warmup_statuses', {})}), "
             f"p50 {lat['p50_ms']} ms, max {lat['max_ms']} ms, statuses {lat['statuses']}")

    reps = sorted(int(m.group(1)) for p in glob.glob(os.path.join(results, 's2-*-check.txt'))
                  if (m := re.search(r's2-(\d+)-check', p)))
    checks = [s2_checks(results, rep) for rep in reps]
    worst_drain = max(c[0]['drain_ms'] for c in checks)
    worst_p99 = max(c[0]['p99_ms'] for c in checks)
    exact = sum(1 for c in checks if not c[2])
    row(f'S2 10,000 helpers + 5 % duplicates on 50 slots: drain, worst of {len(reps)}', worst_drain, 'ms',
        nburst['drain_ms'], 'nginx 10k burst drain', goal_text='<= 2',
        passed=worst_drain <= 2 * nburst['drain_ms'],
        note='drains ' + ', '.join(f"{c[0]['drain_ms']:.0f}" for c in checks) + ' ms; unanswered at the deadline '
             + ', '.join(str(c[0]['timeouts']) for c in checks) + ' (drain and p99 are then lower bounds); first burst '
             + cpu_per_request(results, 's2-1', checks[0][0]['requests']))
    row(f'S2 p99, worst of {len(reps)}', worst_p99, 'ms', nburst['p99_ms'], 'nginx 10k burst p99',
        goal_text='<= 2', passed=worst_p99 <= 2 * nburst['p99_ms'],
        note='p99s ' + ', '.join(f"{c[0]['p99_ms']:.0f}" for c in checks) + ' ms')
    problems = '; '.join(f"run {rep}: " + ', '.join(c[2]) for rep, c in zip(reps, checks) if c[2])
    row('S2 exactly 50 confirmed, 0 over-fill, 0 5xx, duplicates answered alike, Redis = PostgreSQL',
        exact, f'of {len(reps)} runs', goal_text='all', passed=exact == len(reps),
        note=problems or 'outcomes ' + str(checks[0][0]['outcomes']))

    gatling_runs = gatling(results)
    if gatling_runs:
        g_open = gatling_runs[0]
        row('S1-lat by Gatling, open model at 50 % of S1: p99', g_open['p99'], 'ms', lat_anchor,
            'p99 pg insert + EVALSHA + nginx', goal_text='<= 2', passed=g_open['ko'] == 0 and
            g_open['p99'] <= 2 * lat_anchor,
            note=f"{g_open['count']:,} requests, failed {g_open['ko']}, p50 {g_open['p50']} ms, max {g_open['max']} ms")
    if len(gatling_runs) > 1:
        g_burst = gatling_runs[1]
        row('S2 by Gatling, 10,000 at once on 50 slots: slowest answer (drain)', g_burst['max'], 'ms',
            nburst['drain_ms'], 'nginx 10k burst drain', goal_text='<= 2',
            passed=g_burst['ko'] == 0 and g_burst['max'] <= 2 * nburst['drain_ms'],
            note=f"{g_burst['count']:,} requests, failed {g_burst['ko']}, p50 {g_burst['p50']} ms, "
                 f"p99 {g_burst['p99']} ms")

    s2b = wrk(results, 'wrk-s2b.txt')
    row('S2b clicks on a full callout, keep-alive, wrk 64 connections', s2b['rps'], 'req/s', nginx['rps'],
        'nginx keep-alive req/s', goal_text='>= 0.2',
        passed=s2b['non_2xx'] == 0 and s2b['socket_errors'] == 0 and s2b['rps'] >= 0.2 * nginx['rps'],
        note=f"p99 {s2b['p99_ms']:.1f} ms, non-2xx {s2b['non_2xx']}, socket errors {s2b['socket_errors']}; "
             + s2b_windows(results) + cpu_per_request(results, 's2b', s2b['requests']))

    if os.path.exists(os.path.join(results, 's4-fanout-during.txt')):
        solo = key_values(results, 's4-fanout-solo.txt')
        during = key_values(results, 's4-fanout-during.txt')
        solo_s, during_s = int(solo['ms']) / 1000, int(during['ms']) / 1000
        expected = int(solo['expected'])

        # Every ask left the outbox, and the stubs took a message for each.
        def complete(f):
            return (int(f['asks']) >= expected and int(f['unsent']) == 0
                    and received(f) >= expected)

        def received(f):
            return int(f.get('sms_received', 0)) + int(f.get('email_received', 0))

        def stubs(f):
            return f"the Twilio stub took {int(f.get('sms_received', 0)):,} SMS, the SMTP sink " \
                   f"{int(f.get('email_received', 0)):,} emails"

        def statuses(f):
            return ', '.join(f"{k} {int(v):,}" for k, v in f.items() if k.isupper())

        fan_anchor = min(zadd['rps'], zpop['rps'], batch['tps'] * 100, nginx['rps'])
        row(f'S3 fan-out of {expected:,} asks to the Twilio stub and the SMTP sink, alone', expected / solo_s, 'asks/s',
            fan_anchor,
            'min(ZADD/ZPOPMIN, batch rows/s, nginx req/s)', goal_text='>= 0.25',
            passed=complete(solo) and expected / solo_s >= 0.25 * fan_anchor,
            note=f"{solo_s:.1f} s from the dispatch job to the last ask sent; asks {statuses(solo)}; {stubs(solo)}; "
                 + cpu_per_request(results, 's4-solo', expected, ('service', 'postgres', 'redis', 'nginx', 'sink'))
                 + ' (nginx: the Twilio stub); heap not measured here (loadtest/fanout.sh)')
        s4 = client(results, 's4-s1.json')
        s4_ok = answered_cleanly(s4)
        row('S4 S1 at 50 % during the fan-out: p99', s4['p99_ms'], 'ms', lat['p99_ms'], 'S1-lat p99 alone',
            goal_text='<= 1.5', passed=s4_ok and s4['p99_ms'] <= 1.5 * lat['p99_ms'],
            note=f"{s4['requests']:,} requests at {s4['target_rate']}/s (sent {s4['achieved_send_rate']}/s) after "
                 f"{s4.get('warmup_requests', 0):,} not timed (statuses {s4.get('warmup_statuses', {})}), "
                 f"p50 {s4['p50_ms']} ms, max {s4['max_ms']} ms, statuses {s4['statuses']}")
        row('S4 fan-out during S1 at 50 %: time', during_s, 's', solo_s, 'fan-out alone', goal_text='<= 1.25',
            passed=complete(during) and during_s <= 1.25 * solo_s,
            note=f"asks {statuses(during)}; {stubs(during)}")

    fair = benchmark_table(results, 'fair.md')
    if fair is not None:
        low, high = (int(x) for x in fair.get('asks per helper, min / max', '0 / 99').split(' / '))
        row(f"S3-fair {fair.get('callouts planned at once x wave size', '?')} asks over "
            f"{fair.get('helpers in the pool', '?')} helpers: ask count max - min", high - low, '',
            goal_text='<= 1, nobody twice', passed=fair.get('goal: max - min <= 1, nobody twice') == 'PASS',
            note=f"planning {fair.get('planning time')} ({fair.get('planning rate')}), helpers asked twice for a "
                 f"callout {fair.get('helpers asked twice for a callout')}; fair.md")
    else:
        row('S3-fair', None, '', goal_text='<= 1, nobody twice', passed=False, note='no table: see fair.log')
    paced = benchmark_table(results, 'paced.md')
    if paced is not None:
        rate_key = next(k for k in paced if k.startswith('accepted rate'))
        rate = float(re.match(r'([\d.]+)/s', paced[rate_key]).group(1))
        checks = [v for v in paced.values() if v.endswith(('PASS', 'FAIL'))]
        row(f"S3b {paced.get('SMS asks')} SMS asks paced through the Twilio adapter: accepted rate", rate,
            'messages/s', 100, 'the stub\'s limit', goal_text='>= 0.95, busiest second <= 105 %, 0 lost, 429s retried',
            passed=bool(checks) and all(v.endswith('PASS') for v in checks),
            note='; '.join(f"{k} {v}" for k, v in paced.items() if k != 'machine') + '; paced.md')
    else:
        row('S3b', None, '', goal_text='>= 0.95 of 100/s', passed=False, note='no table: see paced.log')

    final = key_values(results, 'invariants-final.txt')
    bad = {k: v for k, v in final.items() if k in ('overfilled', 'duplicates', 'filled_mismatch', 'after_close')
           and int(v) != 0}
    row('Invariants on the final database (all callouts)', int(final['callouts']), 'callouts checked',
        goal_text='none broken', passed=not bad,
        note=(f"{int(final['confirmed_rows']):,} confirmations; " + (str(bad) if bad else
              'no over-fill, no duplicate, filled = rows, none after close')))

    def number(value, unit):
        if value is None:
            return ''
        if isinstance(value, int):
            return f'{value:,} {unit}'
        return (f'{value:,.1f} {unit}' if value < 100 else f'{value:,.0f} {unit}').strip()

    lines = ['| scenario | measured | anchor | ratio | goal | result |', '|---|---|---|---|---|---|']
    for r in rows:
        anchor = (number(r['anchor'], '') + ' (' + r['anchor_text'] + ')') if r['anchor'] else ''
        lines.append('| ' + ' | '.join([
            r['scenario'], number(r['measured'], r['unit']), anchor,
            '' if r['ratio'] is None else f"{r['ratio']:.2f}", r['goal'], r['result'] or '']) + ' |')
    notes = [f"- {r['scenario']}: {r['note']}" for r in rows if r['note']]
    table = '\n'.join(lines)
    header = f"# Load test, {mode}, {os.path.basename(results)} UTC\n\nMachine: {machine}\n"
    markdown = header + '\n' + table + '\n\nDetails:\n\n' + '\n'.join(notes) + '\n'
    with open(os.path.join(results, 'summary.md'), 'w') as f:
        f.write(markdown)
    with open(os.path.join(results, 'summary.json'), 'w') as f:
        json.dump({'mode': mode, 'run': os.path.basename(results), 'machine': machine, 'rows': rows}, f, indent=2)
    print(markdown)
    print(f"Wrote {os.path.join(results, 'summary.md')} and summary.json")
    return 0 if all(r['result'] != 'FAIL' for r in rows) else 1


if __name__ == '__main__':
    command, results = sys.argv[1], sys.argv[2]
    if command == 's1-rate':
        print(round(s1_rate(results, sys.argv[3]), 1))
    elif command == 's2-line':
        print(s2_line(results, int(sys.argv[3])))
    elif command == 'summary':
        sys.exit(summary(results, sys.argv[3], sys.argv[4]))
