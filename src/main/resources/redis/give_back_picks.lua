-- Gives back picks whose wave was not stored (its transaction rolled back), so that the
-- helpers keep their place in the rotation and may be asked for the callout again.
--
-- KEYS[1]          'rotation': helper id -> last asked (epoch ms)
-- KEYS[2]          the callout's asked set
-- KEYS[3]          'rotation:asks': helper id -> how many times picked
-- ARGV[1..]        triples of helper id, the score the pick gave them, and the score before
--
-- A helper picked again since keeps the newer score; the pick is uncounted either way.
for i = 1, #ARGV, 3 do
  local id = ARGV[i]
  if redis.call('SREM', KEYS[2], id) == 1 then
    if tonumber(redis.call('ZSCORE', KEYS[1], id) or -1) == tonumber(ARGV[i + 1]) then
      redis.call('ZADD', KEYS[1], ARGV[i + 2], id)
    end
    redis.call('ZINCRBY', KEYS[3], -1, id)
  end
end
return 0
