-- A callout's open-slot counter and its holders, read at one moment.
-- KEYS[1] open-slot counter, KEYS[2] set of helpers holding a slot.
-- Returns {counter (-1 when missing), holders, seconds the holders are kept (-1: for ever, -2: no set)}:
-- a set that a reservation created after the last rebuild has no expiry yet.
local open = redis.call('GET', KEYS[1])
return {open and tonumber(open) or -1, redis.call('SCARD', KEYS[2]), redis.call('TTL', KEYS[2])}
