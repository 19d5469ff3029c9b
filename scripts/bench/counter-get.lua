-- wrk script: GET /views?ids=… with 50 ids, a different window of ids each time.
function init(args)
  n = 0
  ids = tonumber(os.getenv("BENCH_IDS") or "10000")
end

function request()
  n = n + 1
  local list = {}
  for i = 0, 49 do list[#list + 1] = "a" .. ((n * 50 + i) % ids) end
  return wrk.format("GET", "/views?ids=" .. table.concat(list, ","))
end
