-- Sets a callout's counter and set of confirmed helpers from PostgreSQL's numbers.
-- KEYS[1] open-slot counter, KEYS[2] set of helpers holding a slot.
-- ARGV[1] '1' to overwrite, '0' to set only a missing counter; ARGV[2] open slots;
-- ARGV[3] expiry (epoch seconds); ARGV[4..] the confirmed helpers.
-- Returns the counter's previous value, or -1 when it was missing, or -2 when it was left alone.
local previous = redis.call('GET', KEYS[1])
if previous and ARGV[1] == '0' then
  return -2
end
redis.call('SET', KEYS[1], ARGV[2], 'EXAT', ARGV[3])
redis.call('DEL', KEYS[2])
for i = 4, #ARGV do
  redis.call('SADD', KEYS[2], ARGV[i])
end
if #ARGV >= 4 then
  redis.call('EXPIREAT', KEYS[2], ARGV[3])
end
if previous then
  return tonumber(previous)
end
return -1
