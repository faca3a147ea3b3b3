-- Registration of helpers: double opt-in per channel, sign-in links, the consent ledger and erasure.

alter table helper add column erased_at timestamptz;

-- Links and codes sent to a helper. Only hashes are stored: a database leak reveals no usable token.
create table helper_token (
    id         uuid primary key default gen_random_uuid(),
    helper_id  uuid not null references helper (id) on delete cascade,
    purpose    text not null check (purpose in ('VERIFY_EMAIL', 'VERIFY_MOBILE', 'SIGN_IN')),
    token_hash bytea not null unique,
    code_hash  bytea,
    attempts   smallint not null default 0,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null default now()
);

create index helper_token_by_helper on helper_token (helper_id, purpose);

-- Every consent given, confirmed or withdrawn, per channel and purpose, with the text the helper saw.
-- Rows are never updated or deleted while the helper exists; erasure keeps them under the pseudonymous id.
create table consent_event (
    id           bigint generated always as identity primary key,
    helper_id    uuid not null references helper (id) on delete cascade,
    channel      text not null check (channel in ('EMAIL', 'SMS')),
    purpose      text not null check (purpose in ('CALLOUTS', 'ORGANISATION_MESSAGES', 'NEWS')),
    action       text not null check (action in ('GRANTED', 'CONFIRMED', 'WITHDRAWN')),
    text_version text not null,
    source       text not null check (source in ('REGISTRATION', 'VERIFICATION', 'PROFILE', 'UNSUBSCRIBE', 'SMS_REPLY', 'ERASURE')),
    occurred_at  timestamptz not null default now()
);

create index consent_event_by_helper on consent_event (helper_id, channel, purpose, occurred_at);

-- The consent in force: the latest event per channel and purpose.
create view consent_state as
select distinct on (helper_id, channel, purpose) helper_id, channel, purpose, action, text_version, occurred_at
from consent_event
order by helper_id, channel, purpose, occurred_at desc, id desc;

-- An erased helper keeps its pseudonymous row (for counts) without any contact data.
alter table helper drop constraint helper_check;
alter table helper add constraint helper_contact_or_erased check (erased_at is not null or email is not null or mobile is not null);
