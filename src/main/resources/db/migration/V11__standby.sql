-- Standby: a helper who said yes after a callout filled may wait for a place. When a confirmed
-- helper withdraws, the first helper waiting (by time of joining) is told that a place is free and
-- confirms again through the gate: a helper on standby never holds a slot. offered_at marks the
-- one offer a helper gets; joining again puts the helper at the end of the list. A stored answer
-- (yes, no or withdrawal) ends the wait, and so does the end of the callout.
create table standby (
    callout_id uuid not null references callout (id) on delete cascade,
    helper_id  uuid not null references helper (id) on delete cascade,
    joined_at  timestamptz not null default now(),
    offered_at timestamptz,
    primary key (callout_id, helper_id)
);

-- The first helper still waiting for an offer.
create index standby_waiting on standby (callout_id, joined_at) where offered_at is null;

-- The notice to the helper whose turn it is.
alter table notice drop constraint notice_kind_check;
alter table notice add constraint notice_kind_check
    check (kind in ('CALLOUT_CANCELLED', 'NO_LONGER_NEEDED', 'CALLOUT_FILLED', 'CALLOUT_EXHAUSTED', 'HELPER_WITHDREW',
                    'SLOT_FREE'));

-- Similar open callouts for a helper who came too late: the nearest starts of the same activity,
-- at the same place and elsewhere, each read from an index in start order a few rows at a time.
create index callout_open_by_activity_place on callout (activity_code, place_code, starts_at) where status = 'OPEN';
create index callout_open_by_activity on callout (activity_code, starts_at) where status = 'OPEN';
