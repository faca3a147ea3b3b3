-- Gives a helper's slot back: the counter goes up only if the helper held one, so a release
-- that runs twice releases once.
-- KEYS[1] open-slot counter, KEYS[2] set of helpers holding a slot; ARGV[1] the helper.
-- Returns 1 when a slot was given back, else 0.
if redis.call('SREM', KEYS[2], ARGV[1]) == 1 and redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('INCR', KEYS[1])
  return 1
end
return 0
