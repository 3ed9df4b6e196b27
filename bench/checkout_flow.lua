-- One connection per thread; each thread is one customer running add → checkout → pay in a loop.
-- USERS is prepended by bench/checkout.py: { {token=..., cart=..., address=..., product=...}, ... }.
-- RUN (unique per measurement) is prepended too: Idempotency-Keys never meet an earlier run's.
-- Each customer buys its own product, as a shop's customers mostly do: one hot row would
-- measure MariaDB's row lock, not the service.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  me = USERS[id]
  step, flows, failures, payment = 1, 0, 0, nil
  headers = { ["Authorization"] = "Bearer " .. me.token, ["Content-Type"] = "application/json" }
  -- Checkout carries an Idempotency-Key, as the real client sends one: unique per flow.
  keyed = { ["Authorization"] = headers["Authorization"], ["Content-Type"] = "application/json" }
  run = RUN
end

function request()
  if step == 1 then
    return wrk.format("POST", "/api/paniers/" .. me.cart .. "/ajouter_produit/", headers,
      '{"produit_id": ' .. me.product .. ', "quantite": 1}')
  elseif step == 2 then
    keyed["Idempotency-Key"] = "bench-" .. run .. "-" .. id .. "-" .. flows .. "-" .. failures
    return wrk.format("POST", "/api/paniers/" .. me.cart .. "/valider_panier/", keyed,
      '{"adresse_id": ' .. me.address .. '}')
  end
  return wrk.format("POST", "/api/paiements/" .. payment .. "/simuler/", headers, nil)
end

function response(status, hdrs, body)
  if status >= 300 then
    failures = failures + 1
    step = 1
  elseif step == 1 then
    step = 2
  elseif step == 2 then
    payment = string.match(body, '"paiement_id":%s*(%d+)')
    step = payment and 3 or 1
  else
    flows = flows + 1
    step = 1
  end
end

function done(summary, latency, requests)
  local total_flows, total_failures = 0, 0
  for _, thread in ipairs(threads) do
    total_flows = total_flows + thread:get("flows")
    total_failures = total_failures + thread:get("failures")
  end
  io.write(string.format("FLOWS %d FAILURES %d\n", total_flows, total_failures))
end
