-- Seeds one scenario in bulk: :callouts open callouts of :needed slots each (starting
-- tomorrow, no "filled" notice to the others), and :helpers helpers, each with one sent ask
-- for one of them (round-robin) whose link token is known. Tokens are 16 bytes in base64url
-- (22 characters) like the service's own; only their SHA-256 goes into ask.token_hash, as the
-- service stores it (AskTokens). They are derived from a per-run salt: fine for a benchmark.
-- Variables: sc, rep, callouts, needed, helpers, salt.
\set ON_ERROR_STOP on
with created as (
    insert into callout (organisation_id, activity_code, place_code, starts_at, ends_at, needed, short_code,
                         created_by, notify_when_filled)
    select o.id, 'fahrdienst', 'goettingen-grone', now() + interval '1 day', now() + interval '1 day 2 hours',
           :needed, lpad((nextval('loadtest.short_code') % 10000)::text, 4, '0'), gen_random_uuid(), false
    from organisation o, generate_series(1, :callouts)
    where o.slug = 'loadtest'
    returning id)
insert into loadtest.callout (scenario, rep, idx, id)
select :'sc', :rep, row_number() over () - 1, id from created;

with seeded as (
    insert into helper (email, email_verified_at)
    select format('lt-%s-%s-%s@bench.example.org', :'sc', :rep, n), now() from generate_series(1, :helpers) as n
    returning id, email)
insert into loadtest.token (scenario, rep, n, helper_id, token)
select :'sc', :rep, split_part(split_part(email, '@', 1), '-', 4)::int, id,
       translate(rtrim(encode(decode(md5(email || :'salt'), 'hex'), 'base64'), '='), '+/', '-_')
from seeded;

update loadtest.token t set callout_id = c.id
from loadtest.callout c
where t.scenario = :'sc' and t.rep = :rep and c.scenario = t.scenario and c.rep = t.rep and c.idx = t.n % :callouts;

insert into ask (callout_id, helper_id, channel, status, attempts, token_hash)
select callout_id, helper_id, 'EMAIL', 'SENT', 1, sha256(convert_to(token, 'UTF8'))
from loadtest.token
where scenario = :'sc' and rep = :rep;

-- The wave that sent these asks, with no next one due: the service's pollers leave the
-- callouts alone (a callout without a wave would be dispatched again as a lost first job).
insert into wave (callout_id, number, size, planned_at)
select c.id, 1, count(t.*), now()
from loadtest.callout c left join loadtest.token t on t.callout_id = c.id
where c.scenario = :'sc' and c.rep = :rep
group by c.id;
