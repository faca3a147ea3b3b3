-- A callout's open-slot counter and its holders, read at one moment.
-- KEYS[1] open-slot counter, KEYS[2] set of helpers holding a slot.
-- Returns {counter (-1 when missing), number of holders, seconds the holders are kept (-1: for ever, as
-- for a set a reservation created after the last rebuild; -2: no set), XOR of the first 32 bits of the
-- holders' ids, XOR of their last 32 bits}: the digest HelperDigest describes, which PostgreSQL computes
-- alike for the confirmed helpers. A holder that is no helper's id fails the script.
local holders = redis.call('SMEMBERS', KEYS[2])
local first, last = 0, 0
for _, helper in ipairs(holders) do
  if #helper ~= 36 then
    error('holder ' .. helper .. ' is no helper id')
  end
  first = bit.bxor(first, tonumber(string.sub(helper, 1, 8), 16))
  last = bit.bxor(last, tonumber(string.sub(helper, 29, 36), 16))
end
local open = redis.call('GET', KEYS[1])
return {open and tonumber(open) or -1, #holders, redis.call('TTL', KEYS[2]), first, last}
