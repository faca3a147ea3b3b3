-- The confirmation invariants over every callout, as key=value lines:
-- overfilled: callouts with more confirmations than slots (a);
-- duplicates: more than one answer per helper and callout (b);
-- filled_mismatch: callout.filled differs from its CONFIRMED rows;
-- after_close: confirmations of cancelled or expired callouts (d).
\pset format unaligned
\pset tuples_only on
select 'callouts=' || count(*) from callout;
select 'confirmed_rows=' || count(*) from confirmation where answer = 'CONFIRMED';
select 'overfilled=' || count(*) from callout c
where c.filled > c.needed
   or (select count(*) from confirmation k where k.callout_id = c.id and k.answer = 'CONFIRMED') > c.needed;
select 'duplicates=' || count(*) from (
    select callout_id, helper_id from confirmation group by 1, 2 having count(*) > 1) d;
select 'filled_mismatch=' || count(*) from callout c
where c.filled <> (select count(*) from confirmation k where k.callout_id = c.id and k.answer = 'CONFIRMED');
select 'after_close=' || count(*) from confirmation k join callout c on c.id = k.callout_id
where c.status in ('CANCELLED', 'EXPIRED') and k.answer = 'CONFIRMED';
