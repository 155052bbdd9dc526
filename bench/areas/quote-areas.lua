-- POST /api/v1/pricing/quotes, signed in with $TOKEN: 16 occupations x 10 areas (metros, states), one after
-- another, so a cache by occupation and area is exercised across 160 keys rather than one
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
local occupations = {"15-1252", "15-1211", "13-2011", "11-1021", "29-1141", "41-2031", "43-4051", "47-2061",
                     "53-3032", "11-3031", "13-1071", "15-1244", "17-2141", "25-2021", "35-2014", "49-9071"}
local areas = {"US-41860", "US-CA", "US-12420", "US-TX", "US-35620", "US-NY", "US-16940", "US-WY",
               "US-31080", "US-19100"}
local n = 0
request = function()
  n = n + 1
  local occupation = occupations[(n % #occupations) + 1]
  local area = areas[(math.floor(n / #occupations) % #areas) + 1]
  local body = '{"title": "Benchmark job", "occupationCode": "' .. occupation .. '", "level": "IC3", '
            .. '"country": "US", "area": "' .. area .. '", "asOf": "2026-05-01"}'
  return wrk.format(nil, nil, nil, body)
end
