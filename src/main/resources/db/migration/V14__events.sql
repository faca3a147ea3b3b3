-- Events an organisation holds: a time, a place, and optionally registration with a capacity. The
-- capacity holds like a callout's quota: a registration raises "registered" only while it is below
-- the capacity, in the transaction that adds the registration row, and the check below refuses
-- anything else.

create table event (
    id              uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisation (id) on delete cascade,
    title           text not null check (length(title) between 3 and 200),
    description     text not null default '' check (length(description) <= 5000),
    place_code      text not null references place (code),
    location        text not null default '' check (length(location) <= 300),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    -- No capacity: no registration, everyone just comes.
    capacity        integer check (capacity between 1 and 10000),
    registered      integer not null default 0 check (registered >= 0),
    status          text not null default 'SCHEDULED' check (status in ('SCHEDULED', 'CANCELLED')),
    created_by      uuid not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (ends_at > starts_at),
    check (registered <= coalesce(capacity, 0))
);

create index event_by_organisation on event (organisation_id, starts_at);
create index event_upcoming on event (starts_at) where status = 'SCHEDULED';

create table event_registration (
    event_id      uuid not null references event (id) on delete cascade,
    helper_id     uuid not null references helper (id) on delete cascade,
    registered_at timestamptz not null default now(),
    primary key (event_id, helper_id)
);

create index event_registration_by_helper on event_registration (helper_id);
