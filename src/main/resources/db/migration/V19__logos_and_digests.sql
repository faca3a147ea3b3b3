-- An organisation's logo, as an https address only: no uploads to store or scan.
alter table organisation add column logo_url text
    check (logo_url ~ '^https://[^/?#@\s]+' and length(logo_url) <= 500);

-- Helpers may agree to a weekly digest of new requirement profiles that fit them.
alter table consent_event drop constraint consent_event_purpose_check;
alter table consent_event add constraint consent_event_purpose_check
    check (purpose in ('CALLOUTS', 'ORGANISATION_MESSAGES', 'NEWS', 'DIGEST'));

-- One row per helper and week (the Monday it starts on, UTC): inserting it claims the week's digest,
-- so that replicas running the job at once never send a helper two digests. A digest that provably
-- was not sent gives its row up again, so that a later run sends it.
create table requirement_digest (
    helper_id   uuid not null references helper (id) on delete cascade,
    week        date not null check (extract(isodow from week) = 1),
    status      text not null default 'SENDING' check (status in ('SENDING', 'SENT', 'UNKNOWN', 'FAILED')),
    profiles    smallint not null check (profiles between 1 and 10),
    provider_id text,
    last_error  text check (length(last_error) <= 500),
    claimed_at  timestamptz not null default now(),
    primary key (helper_id, week)
);
