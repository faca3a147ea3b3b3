-- Requirement profiles (Anforderungsprofile): regular engagement an organisation looks for, and the
-- helpers who said they are interested. Places, skills and languages are codes checked against the
-- reference data by the service, as for callouts.

create table requirement_profile (
    id                          uuid primary key default gen_random_uuid(),
    organisation_id             uuid not null references organisation (id) on delete cascade,
    title                       text not null check (length(title) between 3 and 200),
    description                 text not null default '' check (length(description) <= 5000),
    activity_code               text not null references activity (code),
    places                      text[] not null default '{}',
    required_skills             text[] not null default '{}',
    nice_to_have_skills         text[] not null default '{}',
    languages                   text[] not null default '{}',
    hours_per_week              smallint not null check (hours_per_week between 1 and 60),
    commitment                  text not null check (commitment in ('REGULAR', 'ONE_OFF')),
    duration_months             smallint check (duration_months between 1 and 120),
    criminal_record_certificate boolean not null default false,
    minimum_age                 smallint check (minimum_age between 14 and 99),
    preconditions               text not null default '' check (length(preconditions) <= 1000),
    starts_on                   date,
    volunteers_sought           integer not null check (volunteers_sought between 1 and 500),
    status                      text not null default 'OPEN' check (status in ('OPEN', 'PAUSED', 'CLOSED')),
    -- The member who created it; no foreign key, as members of an external issuer have no row.
    created_by                  uuid not null,
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now(),
    -- German stemming, so that "Begleitung" finds "begleiten" and "Kind" finds "Kinder".
    search                      tsvector generated always as
                                (to_tsvector('german', title || ' ' || description)) stored
);

create index requirement_profile_search on requirement_profile using gin (search);
create index requirement_profile_open_by_creation on requirement_profile (created_at desc, id desc)
    where status = 'OPEN';
create index requirement_profile_by_organisation on requirement_profile (organisation_id, created_at desc, id desc);

-- A helper's interest in a profile. The organisation sees the helper under the interest's id only,
-- and the contact data only while share_contact is set.
create table requirement_interest (
    id            uuid primary key default gen_random_uuid(),
    profile_id    uuid not null references requirement_profile (id) on delete cascade,
    helper_id     uuid not null references helper (id) on delete cascade,
    share_contact boolean not null default false,
    status        text not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    created_at    timestamptz not null default now(),
    decided_at    timestamptz,
    unique (profile_id, helper_id),
    check ((status = 'PENDING') = (decided_at is null))
);

create index requirement_interest_by_helper on requirement_interest (helper_id);
