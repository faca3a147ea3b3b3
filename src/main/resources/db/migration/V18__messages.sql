-- Messages: threads between organisations, and between one organisation and one helper. A
-- thread's organisations are listed in message_thread_organisation; only their members see it.
-- A helper thread names its one helper, so that a helper sees only their own messages and
-- helpers never see each other's replies (a message to every confirmed helper of a callout opens
-- one thread per helper). Text is stored as written, as plain text; readers escape it.
create table message_thread (
    id              uuid primary key default gen_random_uuid(),
    subject         text not null check (length(subject) between 1 and 200),
    started_by      uuid not null references organisation (id) on delete cascade,
    helper_id       uuid references helper (id) on delete cascade,
    created_at      timestamptz not null default now(),
    last_message_at timestamptz not null default now()
);

create index message_thread_by_helper on message_thread (helper_id, last_message_at desc) where helper_id is not null;

create table message_thread_organisation (
    thread_id       uuid not null references message_thread (id) on delete cascade,
    organisation_id uuid not null references organisation (id) on delete cascade,
    primary key (thread_id, organisation_id)
);

create index message_thread_organisation_by_organisation on message_thread_organisation (organisation_id);

-- Written by a member of an organisation (no foreign key on member_id: members of an external
-- issuer have no row), or, with both null, by the thread's helper.
create table message (
    id              uuid primary key default gen_random_uuid(),
    thread_id       uuid not null references message_thread (id) on delete cascade,
    organisation_id uuid references organisation (id) on delete cascade,
    member_id       uuid,
    text            text not null check (length(text) between 1 and 5000),
    created_at      timestamptz not null default now(),
    check ((organisation_id is null) = (member_id is null))
);

create index message_by_thread on message (thread_id, created_at, id);

-- The email outbox of messages to helpers, written in the transaction that writes the message and
-- sent by a relay like the notices. SKIPPED: the helper has no verified email with consent to
-- messages from organisations when the relay gets to it.
create table message_email (
    id              uuid primary key default gen_random_uuid(),
    message_id      uuid not null unique references message (id) on delete cascade,
    helper_id       uuid not null references helper (id) on delete cascade,
    status          text not null default 'PENDING'
                    check (status in ('PENDING', 'SENDING', 'SENT', 'UNKNOWN', 'FAILED', 'SKIPPED')),
    attempts        integer not null default 0 check (attempts >= 0),
    provider_id     text,
    last_error      text check (length(last_error) <= 500),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now()
);

create index message_email_pending_by_due on message_email (next_attempt_at) where status = 'PENDING';

create index message_email_sending_by_update on message_email (updated_at) where status = 'SENDING';
