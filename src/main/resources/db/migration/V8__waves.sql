-- Waves: the helpers asked for a callout at one time. A callout's waves are numbered from 1; the
-- unique number makes planning the same wave twice a no-op. Only the latest wave of a callout has
-- next_wave_at set, while another wave may follow; it is cleared when the callout no longer takes
-- helpers.

create table wave (
    id            uuid primary key default gen_random_uuid(),
    callout_id    uuid not null references callout (id) on delete cascade,
    number        integer not null check (number >= 1),
    size          integer not null check (size >= 0),
    planned_at    timestamptz not null,
    next_wave_at  timestamptz,
    -- When a poller last put the job for the next wave on the dispatch stream.
    dispatched_at timestamptz,
    unique (callout_id, number)
);

-- The poller finds waves whose successor is due.
create index wave_next_due on wave (next_wave_at) where next_wave_at is not null;
