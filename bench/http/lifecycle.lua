-- wrk: a mixed lifecycle (submit, dispatch, sign, reply, evaluate) on Heyuan's rules. Every
-- answer carries the ticket's id and status, so the next step of some ticket is always known;
-- each step of a ticket is sent only after the answer to the previous one.
local ready = {}  -- tickets waiting for their next step: {id, status}
local steps = {
  received = {"dispatch", "dev-operator", '{"lead":"housing"}'},
  dispatched = {"sign", "dev-housing", '{}'},
  handling = {"reply", "dev-housing", '{"result":"已处理","handler":{"name":"李四","post":"科长","phone":"1"}}'},
  replied = {"evaluate", "dev-operator", '{"satisfied":true}'},
}
local submit = '{"channel":"phone","type":"complaint","title":"压测","content":"wrk lifecycle"}'

request = function()
  local t = table.remove(ready)
  if t then
    local s = steps[t.status]
    return wrk.format("POST", "/api/v1/tickets/" .. t.id .. "/" .. s[1],
      {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. s[2]}, s[3])
  end
  return wrk.format("POST", "/api/v1/tickets",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer dev-operator"}, submit)
end

response = function(status, headers, body)
  if status ~= 200 and status ~= 201 then return end
  local id = body:match('"id":"([^"]+)"')
  local state = body:match('"status":"([^"]+)"')
  if id and state and steps[state] then table.insert(ready, {id = id, status = state}) end
end
