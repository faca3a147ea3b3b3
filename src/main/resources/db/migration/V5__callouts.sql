-- Callouts: an organisation asks for a number of helpers for an activity at a place and time.
-- The asks sent and the confirmations received get their own tables, which refer to callout (id).

create table callout (
    id                 uuid primary key default gen_random_uuid(),
    organisation_id    uuid not null references organisation (id) on delete cascade,
    activity_code      text not null references activity (code),
    place_code         text not null references place (code),
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    needed             integer not null check (needed between 1 and 500),
    filled             integer not null default 0 check (filled >= 0),
    required_languages text[] not null default '{}',
    required_skills    text[] not null default '{}',
    details            text not null default '' check (length(details) <= 2000),
    meeting_point      text not null default '' check (length(meeting_point) <= 500),
    contact_hint       text not null default '' check (length(contact_hint) <= 200),
    notify_when_filled boolean not null default true,
    status             text not null default 'OPEN'
                       check (status in ('OPEN', 'FILLED', 'CANCELLED', 'EXPIRED', 'EXHAUSTED')),
    -- Helpers answering by SMS name the callout with it when they have several open asks.
    short_code         char(4) not null check (short_code ~ '^[0-9]{4}$'),
    -- The member who created it; no foreign key, as members of an external issuer have no row.
    created_by         uuid not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    cancelled_at       timestamptz,
    check (ends_at > starts_at),
    check (filled <= needed),
    check ((status = 'CANCELLED') = (cancelled_at is not null))
);

-- A short code names one callout among those open; closed callouts give theirs back.
create unique index callout_short_code_while_open on callout (short_code) where status = 'OPEN';

-- An organisation's callouts, newest first, optionally by status.
create index callout_by_organisation on callout (organisation_id, created_at desc, id desc);
create index callout_by_organisation_status on callout (organisation_id, status, starts_at);

-- The lifecycle job finds open callouts whose start has passed.
create index callout_open_by_start on callout (starts_at) where status = 'OPEN';
