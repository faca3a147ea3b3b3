-- Picks the least recently asked helpers for one callout, and marks them asked, in one step.
--
-- KEYS[1]          'rotation': helper id -> last asked (epoch ms; missing counts as 0)
-- KEYS[2]          the callout's asked set: helpers already asked for it
-- KEYS[3]          'rotation:asks': helper id -> how many times picked
-- ARGV[1]          how many helpers to pick
-- ARGV[2]          when the asked set may be forgotten (unix seconds)
-- ARGV[3..]        candidate helper ids, in random order (the order breaks ties)
--
-- Returns the picked ids, least recently asked first. Each gets "now" as its rotation score,
-- joins the asked set and counts one pick more. A helper already in the asked set is never
-- picked again. "Now" is Redis server time (so that all replicas agree) in epoch milliseconds
-- with a microsecond fraction, and always later than the latest score in the rotation: each
-- pick is strictly after the one before, even within one microsecond or when the clock steps
-- back, so that the order of picks is the order of scores.
local count = tonumber(ARGV[1])
local forget_at = ARGV[2]

local open = {}
for i = 3, #ARGV do
  local id = ARGV[i]
  if redis.call('SISMEMBER', KEYS[2], id) == 0 then
    local score = tonumber(redis.call('ZSCORE', KEYS[1], id) or 0)
    open[#open + 1] = { id = id, score = score, order = i }
  end
end

-- table.sort is not stable: the given order decides between equal scores.
table.sort(open, function(a, b)
  if a.score ~= b.score then
    return a.score < b.score
  end
  return a.order < b.order
end)

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if latest[2] and tonumber(latest[2]) >= now then
  now = tonumber(latest[2]) + 0.001
end

local picked = {}
for i = 1, math.min(count, #open) do
  local id = open[i].id
  redis.call('ZADD', KEYS[1], now, id)
  redis.call('SADD', KEYS[2], id)
  redis.call('ZINCRBY', KEYS[3], 1, id)
  picked[#picked + 1] = id
end

if #picked > 0 then
  redis.call('EXPIREAT', KEYS[2], forget_at)
end
return picked
