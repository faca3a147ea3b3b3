-- Donation needs (Spendenbedarf): items an organisation asks for, with the quantity needed, and
-- donors' pledges. A pledge raises quantity_pledged only while it stays within the need, in the
-- statement that adds the pledge; the need closes when the two meet, and the check below refuses
-- any over-pledge.

create table donation_need (
    id               uuid primary key default gen_random_uuid(),
    organisation_id  uuid not null references organisation (id) on delete cascade,
    item             text not null check (length(item) between 2 and 200),
    category         text not null check (category in ('CLOTHING', 'FOOD', 'HYGIENE', 'HOUSEHOLD', 'FURNITURE',
                                                       'TOYS', 'SCHOOL', 'OTHER')),
    unit             text not null default 'Stück' check (length(unit) between 1 and 30),
    notes            text not null default '' check (length(notes) <= 500),
    place_code       text not null references place (code),
    urgency          text not null default 'NORMAL' check (urgency in ('LOW', 'NORMAL', 'HIGH')),
    quantity_needed  integer not null check (quantity_needed between 1 and 100000),
    quantity_pledged integer not null default 0 check (quantity_pledged >= 0),
    -- Spendenstopp: nothing more is taken for now, whatever is still needed.
    donation_stop    boolean not null default false,
    status           text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    created_by       uuid not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (quantity_pledged <= quantity_needed)
);

create index donation_need_open on donation_need (place_code, category) where status = 'OPEN';
create index donation_need_by_organisation on donation_need (organisation_id, created_at desc);

create table donation_pledge (
    id            uuid primary key default gen_random_uuid(),
    need_id       uuid not null references donation_need (id) on delete cascade,
    quantity      integer not null check (quantity between 1 and 100000),
    donor_name    text not null check (length(donor_name) between 1 and 200),
    donor_contact text not null check (length(donor_contact) between 3 and 200),
    pledged_at    timestamptz not null default now(),
    received_at   timestamptz
);

create index donation_pledge_by_need on donation_pledge (need_id, pledged_at);
