-- Token buckets with continuous refill: takes one token from every bucket in KEYS, or from none.
--
-- KEYS[i]          a hash per bucket: 'tokens' (may be fractional) and 'ts' (last refill, ms)
-- ARGV[2i - 1]     capacity of bucket i (tokens)
-- ARGV[2i]         period of bucket i (ms to refill the whole capacity)
--
-- Returns {0} when every bucket had a token and each lost one. Otherwise nothing changes and
-- it returns {wait, i}: the milliseconds until bucket i, the one that needs longest, has a
-- token again. "Now" is Redis server time, so that all replicas of the service agree.
local function format(number)
  return string.format('%.17g', number)
end

-- Multiplying before dividing keeps "one token per period / capacity" exact.
local function refill_time(tokens, capacity, period)
  return tokens * period / capacity
end

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000

local capacities, periods, available = {}, {}, {}
local wait, limiting = 0, 0

for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i - 1])
  local period = tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', KEYS[i], 'tokens', 'ts')
  local tokens = capacity
  if state[1] and state[2] then
    -- A clock that stepped back refills nothing rather than taking tokens away.
    local elapsed = math.max(0, now - tonumber(state[2]))
    tokens = math.min(capacity, tonumber(state[1]) + elapsed * capacity / period)
  end
  capacities[i], periods[i], available[i] = capacity, period, tokens
  if tokens < 1 then
    local needed = refill_time(1 - tokens, capacity, period)
    if needed > wait then
      wait, limiting = needed, i
    end
  end
end

if limiting > 0 then
  return { math.max(1, math.ceil(wait)), limiting }
end

for i = 1, #KEYS do
  local left = available[i] - 1
  redis.call('HSET', KEYS[i], 'tokens', format(left), 'ts', format(now))
  -- Once full again the bucket is the same as no bucket, so an idle key vanishes.
  local full_in = refill_time(capacities[i] - left, capacities[i], periods[i])
  redis.call('PEXPIRE', KEYS[i], math.max(1, math.ceil(full_in)))
end
return { 0 }
