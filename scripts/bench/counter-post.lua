-- wrk script: POST /views/{id}, rotating ids and User-Agents so that the counter's
-- one-view-per-visitor rule does not absorb the load; counts the views answered 200.
local threads = {}
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("tid", next_thread)
  table.insert(threads, thread)
end

function init(args)
  answered = 0
  sent = 0
  ids = tonumber(os.getenv("BENCH_IDS") or "10000")
  origin = os.getenv("BENCH_ORIGIN") or "https://bench.example"
  prefix = os.getenv("BENCH_RUN") or "run"
end

function request()
  sent = sent + 1
  local id = "a" .. ((sent * 7919 + tid) % ids)
  local agent = "Mozilla/5.0 (X11; Linux x86_64) bench/" .. prefix .. "-" .. tid .. "-" .. sent
  return wrk.format("POST", "/views/" .. id, { ["Origin"] = origin, ["User-Agent"] = agent }, "")
end

function response(status, headers, body)
  if status == 200 then answered = answered + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("answered") end
  io.write(string.format("answered %d\n", total))
end
