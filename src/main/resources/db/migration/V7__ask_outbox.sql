-- The ask outbox: one row per helper asked for a callout, written in the transaction that plans
-- the wave and sent later by the relay. last_error holds the provider's code or our reason only,
-- never an address, a number or a message text.

create table ask (
    id              uuid primary key default gen_random_uuid(),
    callout_id      uuid not null references callout (id) on delete cascade,
    helper_id       uuid not null references helper (id) on delete cascade,
    channel         text not null check (channel in ('EMAIL', 'SMS')),
    status          text not null default 'PENDING'
                    check (status in ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'UNKNOWN', 'FAILED', 'SKIPPED')),
    attempts        integer not null default 0 check (attempts >= 0),
    provider_id     text,
    last_error      text check (length(last_error) <= 500),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    unique (callout_id, helper_id)
);

-- The relay claims due pending rows, oldest due first.
create index ask_pending_by_due on ask (next_attempt_at) where status = 'PENDING';

-- Rows a crashed relay left claimed.
create index ask_sending_by_update on ask (updated_at) where status = 'SENDING';

create index ask_by_helper on ask (helper_id);
