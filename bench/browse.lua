-- Browsing: each request is the next of product list, a product's detail, the categories and
-- the browser's own cart (mon_panier), in turn. TOKEN and PRODUCTS are prepended by bench/mixed.py.
local n = 0

function request()
  n = n + 1
  local kind = n % 4
  if kind == 0 then
    return wrk.format("GET", "/api/produits/")
  elseif kind == 1 then
    return wrk.format("GET", "/api/produits/" .. PRODUCTS[(n % #PRODUCTS) + 1] .. "/")
  elseif kind == 2 then
    return wrk.format("GET", "/api/categories/")
  end
  return wrk.format("GET", "/api/paniers/mon_panier/", { ["Authorization"] = "Bearer " .. TOKEN })
end
