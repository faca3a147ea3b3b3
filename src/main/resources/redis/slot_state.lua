-- A callout's open-slot counter and how many helpers hold a slot, read at one moment.
-- KEYS[1] open-slot counter, KEYS[2] set of helpers holding a slot.
-- Returns {counter (-1 when missing), holders}.
local open = redis.call('GET', KEYS[1])
return {open and tonumber(open) or -1, redis.call('SCARD', KEYS[2])}
