-- wrk: durable submissions (POST /api/v1/tickets), one new ticket per request.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer dev-operator"
wrk.body = '{"channel":"phone","type":"complaint","title":"压测","content":"wrk submission"}'
