-- POST /api/v1/pricing/quotes as quote.lua, but each connection waits PACE_MS on average (uniformly
-- 0.5-1.5 x, so connections do not fall into step) before its next request: 100 connections then
-- offer about 100 / PACE_MS requests per millisecond, a set rate instead of as many as the server takes
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"title": "Software Engineer", "occupationCode": "15-1252", "level": "IC3", "country": "US", '
        .. '"currency": "USD", "asOf": "2026-07-01", "skills": ["Kubernetes", "Java"]}'

local pace = tonumber(os.getenv("PACE_MS"))

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function delay()
  return pace * (0.5 + math.random())
end
