-- Seeds the helpers of S4's fan-outs: :helpers verified, consenting helpers (half prefer SMS,
-- half email) who alone help in Esebeck with removals. Each fan-out's callout is created right
-- before it (run.sh), without a wave, and its dispatch job put on the Redis stream by the
-- script; the service runs with an acceptance rate so low that the first wave asks every
-- candidate. Variables: helpers, salt.
\set ON_ERROR_STOP on
with seeded as (
    insert into helper (email, email_verified_at, mobile, mobile_verified_at, preferred_channel,
                        max_asks_per_week, time_zone)
    select format('fo-%s-%s@bench.example.org', :'salt', n), now(),
           case when n % 2 = 0 then '+4916' || lpad(n::text, 9, '0') end,
           case when n % 2 = 0 then now() end,
           case when n % 2 = 0 then 'SMS' else 'EMAIL' end, 21, 'Europe/Berlin'
    from generate_series(1, :helpers) as n
    returning id, preferred_channel),
places as (insert into helper_place (helper_id, place_code) select id, 'goettingen-esebeck' from seeded),
activities as (insert into helper_activity (helper_id, activity_code) select id, 'umzugshilfe' from seeded),
granted as (
    insert into consent_event (helper_id, channel, purpose, action, text_version, source, occurred_at)
    select id, preferred_channel, 'CALLOUTS', 'GRANTED', '2025-12-01', 'REGISTRATION', now() - interval '1 minute'
    from seeded)
insert into consent_event (helper_id, channel, purpose, action, text_version, source)
select id, preferred_channel, 'CALLOUTS', 'CONFIRMED', '2025-12-01', 'VERIFICATION' from seeded;

