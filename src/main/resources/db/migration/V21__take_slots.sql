-- Group commit: the yeses waiting at one moment take their slots in one statement, so one commit
-- (one WAL flush) and one round trip serve them all, and a callout's row is locked once per batch
-- instead of once per yes. Each yes keeps the outcome take_slot gave it alone:
--   CONFIRMED  the slot is taken: filled and needed after taking it
--   ANSWERED   the helper answered before (perhaps in a concurrent request): the stored answer
--   NO_SLOT    nothing stored: the callout's status, filled and needed as they are
-- Every batch first stores its answers in (callout, helper) order, then takes the slots in the
-- same order: a batch waits for another's answer only while it holds no callout row, and callout
-- rows are taken in one order by all, so concurrent batches never deadlock. A withdrawal (answer,
-- then callout row) keeps that order too. A batch must not name one helper twice for one callout.
-- ord is the yes's position in the arrays, from 1.
create function take_slots(p_callouts uuid[], p_helpers uuid[], p_nows timestamptz[])
    returns table (ord int, outcome text, stored text, organisation_id uuid, status text, filled int, needed int)
    language plpgsql as $$
#variable_conflict use_column
declare
    v_order int[];
    v_stored boolean[] := array_fill(false, array[cardinality(p_callouts)]);
    i int;
begin
    select array_agg(t.i::int order by t.c, t.h) into v_order
        from unnest(p_callouts, p_helpers) with ordinality as t(c, h, i);
    foreach i in array coalesce(v_order, '{}') loop
        insert into confirmation (callout_id, helper_id, answer) values (p_callouts[i], p_helpers[i], 'CONFIRMED')
        on conflict (callout_id, helper_id) do nothing;
        if found then
            v_stored[i] := true;
        else
            return query select i, 'ANSWERED', k.answer, null::uuid, null::text, null::int, null::int
                from confirmation k where k.callout_id = p_callouts[i] and k.helper_id = p_helpers[i];
        end if;
    end loop;
    foreach i in array coalesce(v_order, '{}') loop
        continue when not v_stored[i];
        return query
            update callout c set filled = c.filled + 1, updated_at = now(),
                status = case when c.filled + 1 = c.needed then 'FILLED' else c.status end
            where c.id = p_callouts[i] and c.status = 'OPEN' and c.filled < c.needed and c.starts_at > p_nows[i]
            returning i, 'CONFIRMED', null::text, c.organisation_id, c.status, c.filled, c.needed;
        if not found then
            delete from confirmation k where k.callout_id = p_callouts[i] and k.helper_id = p_helpers[i];
            return query select i, 'NO_SLOT', null::text, c.organisation_id, c.status, c.filled, c.needed
                from callout c where c.id = p_callouts[i];
        end if;
    end loop;
end
$$;

drop function take_slot(uuid, uuid, timestamptz);
