-- Reserves one slot of a callout for one helper, idempotently: a command Lettuce replays after
-- a reconnect reserves nothing twice.
-- KEYS[1] open-slot counter, KEYS[2] set of helpers holding a slot; ARGV[1] the helper.
-- Returns the slots left after reserving (>= 0), -1 when full, -2 when the helper holds a slot
-- already, -3 when the counter is missing (PostgreSQL decides, and the counter is rebuilt).
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then
  return -2
end
local open = redis.call('GET', KEYS[1])
if not open then
  return -3
end
if tonumber(open) <= 0 then
  return -1
end
redis.call('SADD', KEYS[2], ARGV[1])
return redis.call('DECR', KEYS[1])
