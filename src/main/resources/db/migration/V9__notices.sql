-- An SMS ask whose handset was unreachable (Twilio 30003) is tried once more by SMS, later; the
-- second time it goes by email. This remembers that the one SMS retry was spent.
alter table ask add column unreachable_retried boolean not null default false;

-- Notices: messages that tell helpers and organisers what became of a callout, written when it
-- happens and sent by a relay like the asks, so that a failed send loses none. A notice goes to a
-- helper (recipient_id is a helper, asked on the channel of the ask) or to an organiser (a member,
-- by email). No foreign key on recipient_id: it names either, and members of an external issuer
-- have no row. One notice per event, recipient and kind. last_error holds a code or our reason
-- only, never an address.
create table notice (
    id              uuid primary key default gen_random_uuid(),
    callout_id      uuid not null references callout (id) on delete cascade,
    audience        text not null check (audience in ('HELPER', 'ORGANISER')),
    recipient_id    uuid not null,
    kind            text not null
                    check (kind in ('CALLOUT_CANCELLED', 'NO_LONGER_NEEDED', 'CALLOUT_FILLED', 'CALLOUT_EXHAUSTED',
                                    'HELPER_WITHDREW')),
    occurred_at     timestamptz not null,
    channel         text not null check (channel in ('EMAIL', 'SMS')),
    status          text not null default 'PENDING'
                    check (status in ('PENDING', 'SENDING', 'SENT', 'UNKNOWN', 'FAILED')),
    attempts        integer not null default 0 check (attempts >= 0),
    provider_id     text,
    last_error      text check (length(last_error) <= 500),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    check (audience = 'HELPER' or channel = 'EMAIL'),
    unique (callout_id, recipient_id, kind, occurred_at)
);

create index notice_pending_by_due on notice (next_attempt_at) where status = 'PENDING';

create index notice_sending_by_update on notice (updated_at) where status = 'SENDING';
