-- Picks helpers for one callout in the order given, and marks them asked, in one step.
--
-- KEYS[1]          'rotation': helper id -> last asked (epoch ms; missing counts as 0)
-- KEYS[2]          the callout's asked set: helpers already asked for it
-- KEYS[3]          'rotation:asks': helper id -> how many times picked
-- ARGV[1]          when the asked set may be forgotten (unix seconds)
-- ARGV[2]          how many helpers to pick at most
-- ARGV[3]          '1' if fewer may be picked while some scores were stale, '0' if then none
-- ARGV[4..]        pairs of helper id and the rotation score the caller read for it, least
--                  recently asked first (the caller sorts, so that a call does not grow with
--                  the pool)
--
-- A helper is picked only if nobody asked them since the caller read the score: then the
-- caller's order is still the rotation's order. Whose score moved meanwhile (picked by a
-- concurrent wave) is returned as stale, for the caller to read again; unless allowed, a call
-- that finds too few then picks nobody, so that a wave is picked in one step and the rotation
-- goes round evenly. A helper already in the asked set is never picked again.
--
-- Picked helpers get "now" as their rotation score, join the asked set and count one pick more.
-- "Now" is Redis server time (so that all replicas agree) in epoch milliseconds with a
-- microsecond fraction, and always later than the latest score in the rotation: each pick is
-- strictly after the one before, even within one microsecond or when the clock steps back, so
-- that the order of picks is the order of scores.
--
-- Returns { picked ids, stale ids, the picked helpers' new score }.
local forget_at = ARGV[1]
local count = tonumber(ARGV[2])
local partial = ARGV[3] == '1'

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if latest[2] and tonumber(latest[2]) >= now then
  now = tonumber(latest[2]) + 0.001
end

local picked = {}
local stale = {}
local i = 4
while i <= #ARGV and #picked < count do
  local id = ARGV[i]
  if redis.call('SISMEMBER', KEYS[2], id) == 0 then
    local score = tonumber(redis.call('ZSCORE', KEYS[1], id) or 0)
    if score == tonumber(ARGV[i + 1]) then
      picked[#picked + 1] = id
    else
      stale[#stale + 1] = id
    end
  end
  i = i + 2
end

if #picked < count and #stale > 0 and not partial then
  return { {}, stale, '0' }
end

for _, id in ipairs(picked) do
  redis.call('ZADD', KEYS[1], now, id)
  redis.call('SADD', KEYS[2], id)
  redis.call('ZINCRBY', KEYS[3], 1, id)
end

if #picked > 0 then
  redis.call('EXPIREAT', KEYS[2], forget_at)
end
-- As a string: Redis would cut a Lua number to an integer.
return { picked, stale, string.format('%.17g', now) }
