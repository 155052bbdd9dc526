-- an authenticated GET (the path is the URL given to wrk), signed in with $TOKEN
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
