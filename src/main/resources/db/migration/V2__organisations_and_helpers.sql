-- The people on both sides of a callout. Contact data lives only in helper; everything else refers to ids.

create table organisation (
    id            uuid primary key default gen_random_uuid(),
    slug          text not null unique check (slug ~ '^[a-z0-9-]{2,64}$'),
    name          text not null check (length(name) between 2 and 200),
    description   text not null default '' check (length(description) <= 5000),
    contact_email text,
    website_url   text,
    status        text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'SUSPENDED')),
    created_at    timestamptz not null default now()
);

create table organisation_place (
    organisation_id uuid not null references organisation (id) on delete cascade,
    place_code      text not null references place (code),
    primary key (organisation_id, place_code)
);

create table helper (
    id                 uuid primary key default gen_random_uuid(),
    email              text unique,
    email_verified_at  timestamptz,
    mobile             text unique check (mobile ~ '^\+[1-9][0-9]{6,14}$'),
    mobile_verified_at timestamptz,
    preferred_channel  text not null default 'EMAIL' check (preferred_channel in ('EMAIL', 'SMS')),
    message_language   char(2) not null default 'de' references language (code),
    hours_per_week     smallint not null default 2 check (hours_per_week between 0 and 60),
    commitment         text not null default 'ONE_OFF' check (commitment in ('ONE_OFF', 'REGULAR', 'BOTH')),
    max_asks_per_week  smallint not null default 2 check (max_asks_per_week between 0 and 21),
    quiet_from         time,
    quiet_until        time,
    time_zone          text not null default 'Europe/Berlin',
    paused_until       timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check (email is not null or mobile is not null),
    check ((quiet_from is null) = (quiet_until is null))
);

create table helper_place (
    helper_id  uuid not null references helper (id) on delete cascade,
    place_code text not null references place (code),
    primary key (helper_id, place_code)
);

create table helper_activity (
    helper_id     uuid not null references helper (id) on delete cascade,
    activity_code text not null references activity (code),
    primary key (helper_id, activity_code)
);

create table helper_language (
    helper_id     uuid not null references helper (id) on delete cascade,
    language_code char(2) not null references language (code),
    primary key (helper_id, language_code)
);

create table helper_skill (
    helper_id uuid not null references helper (id) on delete cascade,
    skill     text not null check (skill ~ '^[a-z0-9äöüß-]{2,40}$'),
    primary key (helper_id, skill)
);

create index helper_place_by_place on helper_place (place_code);
create index helper_activity_by_activity on helper_activity (activity_code);
