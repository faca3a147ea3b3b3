-- Confirmations: a helper's answer to an ask, behind a link token.

-- The SHA-256 of the token in the ask's link; the token itself is only in the message. Set when
-- the message may have gone out (sent, or unknown), so every link that can arrive works.
alter table ask add column token_hash bytea unique check (octet_length(token_hash) = 32);

-- One answer per helper and callout. Only CONFIRMED rows hold a slot: the gate adds them in the
-- transaction that raises callout.filled, and a withdrawal lowers it again in the one that sets
-- WITHDRAWN. A withdrawn or declined answer stays, so that repeating a request answers the same.
create table confirmation (
    callout_id   uuid not null references callout (id) on delete cascade,
    helper_id    uuid not null references helper (id) on delete cascade,
    answer       text not null check (answer in ('CONFIRMED', 'DECLINED', 'WITHDRAWN')),
    answered_at  timestamptz not null default now(),
    withdrawn_at timestamptz,
    primary key (callout_id, helper_id),
    check ((answer = 'WITHDRAWN') = (withdrawn_at is not null))
);

create index confirmation_by_helper on confirmation (helper_id);

-- A filled callout opens again when a confirmed helper withdraws, so it keeps its short code
-- while filled: no other callout may take it in between.
drop index callout_short_code_while_open;
create unique index callout_short_code_while_open on callout (short_code) where status in ('OPEN', 'FILLED');
