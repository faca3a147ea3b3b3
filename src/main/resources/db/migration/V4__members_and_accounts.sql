-- Who may sign in: members of organisations and the platform's operators.
-- Passwords are stored only as bcrypt hashes; emails are stored normalised (trimmed, lower case).

create table member (
    id              uuid primary key default gen_random_uuid(),
    organisation_id uuid references organisation (id) on delete cascade,
    email           text not null unique check (email = lower(btrim(email)) and length(email) between 3 and 254),
    password_hash   text not null check (password_hash ~ '^\$2[aby]?\$[0-9]{2}\$.{53}$'),
    role            text not null check (role in ('ADMIN', 'COORDINATOR', 'OPERATOR')),
    failed_logins   smallint not null default 0 check (failed_logins >= 0),
    locked_until    timestamptz,
    created_at      timestamptz not null default now(),
    last_login_at   timestamptz,
    -- Operators run the platform and belong to no organisation; everyone else belongs to exactly one.
    check ((role = 'OPERATOR') = (organisation_id is null))
);

create index member_by_organisation on member (organisation_id);

-- Every approval and suspension, with the operator who made it, so decisions can be traced.
create table organisation_status_change (
    id              bigint generated always as identity primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    status          text not null check (status in ('PENDING', 'APPROVED', 'SUSPENDED')),
    changed_by      uuid not null,
    changed_at      timestamptz not null default now()
);

create index organisation_status_change_by_organisation on organisation_status_change (organisation_id, changed_at);
