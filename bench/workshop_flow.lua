-- One connection per thread; each thread is one client registering for workshop after workshop.
-- USERS and FIRST, COUNT are prepended by bench/workshops.py. Every client walks the same
-- workshops in order, so each workshop sees one registration per client (seats never run out).
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  me = USERS[id]
  index, registered, refused = 0, 0, 0
  headers = { ["Authorization"] = "Bearer " .. me.token }
end

function request()
  local workshop = FIRST + (index % COUNT)
  index = index + 1
  return wrk.format("POST", "/api/ateliers/" .. workshop .. "/s_inscrire/", headers, nil)
end

function response(status, hdrs, body)
  if status == 200 then
    registered = registered + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local total, failed = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("registered")
    failed = failed + thread:get("refused")
  end
  io.write(string.format("REGISTRATIONS %d REFUSED %d\n", total, failed))
end
