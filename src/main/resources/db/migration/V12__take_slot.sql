-- A first yes in one round trip: stores the answer under UNIQUE (callout, helper) and takes a
-- slot with a conditional update, in the one statement that calls it, so that it commits by
-- itself. Four round trips (begin, insert, update, commit) held a pooled connection four times as
-- long, and a surge queued on the pool. When no slot is left the answer is deleted again in the
-- same transaction, so nothing of it is ever visible.
--   CONFIRMED  the slot is taken: filled and needed after taking it
--   ANSWERED   the helper answered before (perhaps in a concurrent request): the stored answer
--   NO_SLOT    nothing stored: the callout's status, filled and needed as they are
create function take_slot(p_callout uuid, p_helper uuid, p_now timestamptz)
    returns table (outcome text, stored text, organisation_id uuid, status text, filled int, needed int)
    language plpgsql as $$
#variable_conflict use_column
begin
    insert into confirmation (callout_id, helper_id, answer) values (p_callout, p_helper, 'CONFIRMED')
    on conflict (callout_id, helper_id) do nothing;
    if not found then
        return query select 'ANSWERED', k.answer, null::uuid, null::text, null::int, null::int
            from confirmation k where k.callout_id = p_callout and k.helper_id = p_helper;
        return;
    end if;
    return query
        update callout c set filled = c.filled + 1, updated_at = now(),
            status = case when c.filled + 1 = c.needed then 'FILLED' else c.status end
        where c.id = p_callout and c.status = 'OPEN' and c.filled < c.needed and c.starts_at > p_now
        returning 'CONFIRMED', null::text, c.organisation_id, c.status, c.filled, c.needed;
    if found then
        return;
    end if;
    delete from confirmation k where k.callout_id = p_callout and k.helper_id = p_helper;
    return query select 'NO_SLOT', null::text, c.organisation_id, c.status, c.filled, c.needed
        from callout c where c.id = p_callout;
end
$$;
