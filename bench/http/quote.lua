-- POST /api/v1/pricing/quotes: worked example 1 of docs/pricing-method.md, signed in with $TOKEN
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"title": "Software Engineer", "occupationCode": "15-1252", "level": "IC3", "country": "US", '
        .. '"currency": "USD", "asOf": "2026-07-01", "skills": ["Kubernetes", "Java"]}'
