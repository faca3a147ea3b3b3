-- Brings a callout's counter and its holders in line with PostgreSQL without undoing the yeses in
-- flight: adds the helpers PostgreSQL has confirmed, removes the holders named as stale (reserved
-- long ago, still without a row), and counts the open slots from the holders, so a yes that Redis
-- has reserved and PostgreSQL not yet committed keeps its slot.
-- KEYS[1] open-slot counter, KEYS[2] set of helpers holding a slot.
-- ARGV[1] slots the callout takes (0 once it takes no more helpers); ARGV[2] expiry (epoch seconds);
-- ARGV[3] how many confirmed helpers follow; then the confirmed helpers; then the stale holders.
-- Returns {counter before (-1 when missing), counter now, holders removed, helpers added...}: the
-- caller checks the added ones again, as one may have withdrawn since PostgreSQL was read.
local previous = redis.call('GET', KEYS[1])
local confirmed = tonumber(ARGV[3])
local added, removed = {}, 0
for i = 4, 3 + confirmed do
  if redis.call('SADD', KEYS[2], ARGV[i]) == 1 then
    added[#added + 1] = ARGV[i]
  end
end
for i = 4 + confirmed, #ARGV do
  removed = removed + redis.call('SREM', KEYS[2], ARGV[i])
end
local open = math.max(0, tonumber(ARGV[1]) - redis.call('SCARD', KEYS[2]))
redis.call('SET', KEYS[1], open, 'EXAT', ARGV[2])
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('EXPIREAT', KEYS[2], ARGV[2])
end
local result = {previous and tonumber(previous) or -1, open, removed}
for _, helper in ipairs(added) do
  result[#result + 1] = helper
end
return result
