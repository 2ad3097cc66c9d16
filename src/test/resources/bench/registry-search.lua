-- The query mix of the registry search benchmark (RegistrySearchBench, docs/benchmarks.md), for wrk:
--   wrk -t2 -c50 -d20s -s registry-search.lua http://host:port -- MODE CONTEXT_PATH
-- MODE is "baseline" (the trivial GET /api/log/checkpoint), "api" (GET /api/trials) or "page" (the
-- search page). The api and page modes cycle through 4,000 distinct queries (term x filters x sort x
-- page), each thread from its own starting point, so that no cache of repeated queries can carry a
-- 20-second run. The values follow the benchmark's generated data.

local conditions = { "asthma", "psoriasis", "diabetes", "hypertension", "melanoma", "migraine",
  "obesity", "depression", "schizophrenia", "epilepsy", "COPD", "sepsis", "malaria", "tuberculosis",
  "HIV", "hepatitis", "lupus", "arthritis", "glaucoma", "stroke", "leukemia", "lymphoma", "anemia",
  "insomnia", "dementia", "influenza", "eczema", "gout", "osteoporosis", "pneumonia" }
local interventions = { "metformin", "placebo", "aspirin", "exercise", "vaccine", "surgery",
  "insulin", "statin", "antibody", "counselling", "acupuncture", "diet", "radiotherapy", "stent",
  "probiotic", "vitamin", "app", "yoga", "laser", "inhaler" }
local statuses = { "RECRUITING", "COMPLETED", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "TERMINATED" }
local phases = { "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA" }
local countries = { "DE", "FR", "GB", "US", "SE", "IT", "ES", "NL", "JP", "BR" }
local sorts = { "RELEVANCE", "NEWEST", "TITLE", "START_DATE" }

local DISTINCT = 4000
local paths = {}
local counter = 0

-- a small deterministic generator (Park-Miller: exact in the doubles LuaJIT computes with)
local seed = 12345
local function pick(list)
  seed = (seed * 16807) % 2147483647
  return list[(seed % #list) + 1]
end
local function number(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end

local function query(mode)
  local p = {}
  local names = mode == "api"
      and { status = "recruitmentStatus", from = "startFrom", to = "startTo" }
      or { status = "status", from = "from", to = "to" }
  local shape = number(8)
  if shape ~= 5 then
    local q = pick(conditions)
    if shape == 1 or shape == 6 then q = q .. "+" .. pick(interventions) end
    p[#p + 1] = "q=" .. q
  end
  if shape == 2 or shape == 6 then p[#p + 1] = names.status .. "=" .. pick(statuses) end
  if shape == 2 or shape == 5 or shape == 7 then p[#p + 1] = "country=" .. pick(countries) end
  if shape == 5 or shape == 7 then p[#p + 1] = "phase=" .. pick(phases) end
  if shape == 3 then p[#p + 1] = "sponsor=Sponsor+" .. number(400) end
  if shape == 4 or shape == 7 then
    local year = 2015 + number(10)
    p[#p + 1] = names.from .. "=" .. year .. "-01-01"
    p[#p + 1] = names.to .. "=" .. (year + 1) .. "-06-30"
  end
  p[#p + 1] = "sort=" .. pick(sorts)
  local page = number(5)
  if mode == "api" then
    p[#p + 1] = "offset=" .. (20 * page)
    return "/api/trials?" .. table.concat(p, "&")
  end
  p[#p + 1] = "page=" .. (page + 1)
  return "/registry/index.xhtml?" .. table.concat(p, "&")
end

function init(args)
  local mode = args[1] or "baseline"
  local context = args[2] or ""
  if context:sub(-1) == "/" then context = context:sub(1, -2) end
  if mode == "baseline" then
    paths[1] = context .. "/api/log/checkpoint"
  else
    local seen = {}
    while #paths < DISTINCT do
      local path = context .. query(mode)
      if not seen[path] then
        seen[path] = true
        paths[#paths + 1] = path
      end
    end
  end
  -- each thread starts at its own place in the mix (id is set by setup)
  counter = (id or 0) * 997
end

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d errors=%d non2xx=%d p50=%.1f p95=%.1f p99=%.1f rps=%.1f\n",
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / seconds))
end
