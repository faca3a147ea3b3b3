-- A callout's open-slot counter and its holders, read at one moment.
-- KEYS[1] open-slot counter, KEYS[2] set of helpers holding a slot.
-- Returns {counter (-1 when missing), holders, seconds the holders are kept (-1: for ever, -2: no set),
-- digest of the first and of the last 32 bits}: a set that a reservation created after the last
-- rebuild has no expiry yet. The digest XORs the first 8 and the last 8 hex digits of every holder's
-- id, as ConfirmationRepository does for the confirmed helpers: equal counts can hide a stale holder
-- and a missing one, equal digests only by a chance of one in 2^64.
local holders = redis.call('SMEMBERS', KEYS[2])
local first, last = 0, 0
for _, helper in ipairs(holders) do
  first = bit.bxor(first, tonumber(string.sub(helper, 1, 8), 16))
  last = bit.bxor(last, tonumber(string.sub(helper, 29, 36), 16))
end
local open = redis.call('GET', KEYS[1])
return {open and tonumber(open) or -1, #holders, redis.call('TTL', KEYS[2]), first, last}
