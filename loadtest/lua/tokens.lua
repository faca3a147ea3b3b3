-- wrk: every request answers the ask of a seeded token. Thread k of n takes lines k, k+n, ...
-- of $TOKENS, so no two connections send the same token; a thread that runs out starts its
-- share again (counted as "wrapped": such repeats answer from the stored answer).
-- $PREFIX and $SUFFIX wrap the token into the path, e.g. /api/asks/ and /accept.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local all = {}
  for line in io.lines(os.getenv("TOKENS")) do
    if #line > 0 then all[#all + 1] = line end
  end
  local step = tonumber(os.getenv("THREADS"))
  tokens = {}
  for i = id + 1, #all, step do tokens[#tokens + 1] = all[i] end
  prefix = os.getenv("PREFIX")
  suffix = os.getenv("SUFFIX")
  index = 0
  wrapped = 0
  wrk.method = "POST"
  wrk.headers["Accept"] = "application/json"
end

function request()
  index = index + 1
  if index > #tokens then
    index = 1
    wrapped = wrapped + 1
  end
  return wrk.format(nil, prefix .. tokens[index] .. suffix)
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("wrapped") end
  io.write(string.format("wrapped: %d\n", total))
end
