-- wrk script for bench/ingest.sh: every request is one alert event, built on the fly.
--
-- Environment (set by bench/ingest.sh):
--   TARGET           firebreak (PagerDuty Events API v2, POST /v2/enqueue)
--                    | alertmanager (POST /api/v2/alerts, a one-element array)
--   LOAD             new     every event a new alert (unique dedup key per thread and counter)
--                    repeat  triggers cycling over HOT_KEYS alerts (dedup)
--                    mixed   70 % repeats of the HOT_KEYS alerts, 20 % new alerts,
--                            10 % resolves of this run's earlier new alerts; severities mixed
--   SEVERITY         severity of the new/repeat loads (default warning: opens no incident)
--   ROUTING_KEY      Events v2 routing key of the new alerts and resolves
--   ROUTING_KEY_HOT  routing key of the repeats (mixed load; default ROUTING_KEY)
--   RUN_ID           prefix that makes this run's new dedup keys unique
--   HOT_KEYS         how many alerts the repeats cycle over (default 1000)
--
-- done() prints one line the shell script parses:
--   ingest-bench built: trigger=<n> resolve=<n>
-- counting every request built (sent or about to be sent), answered or not.

local target   = os.getenv("TARGET") or "firebreak"
local load     = os.getenv("LOAD") or "new"
local key      = os.getenv("ROUTING_KEY") or ""
local hot_key  = os.getenv("ROUTING_KEY_HOT") or key
local severity = os.getenv("SEVERITY") or "warning"
local run      = os.getenv("RUN_ID") or "run"
local hot_keys = tonumber(os.getenv("HOT_KEYS") or "1000")

local severities = { "critical", "error", "warning", "info" }

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

-- per-thread state (each wrk thread has its own Lua state; tid is set by setup)
built_trigger = 0
built_resolve = 0
local counter = 0
local new_count = 0
local hot_count = 0
local resolved_count = 0

local path = target == "alertmanager" and "/api/v2/alerts" or "/v2/enqueue"
local headers = { ["Content-Type"] = "application/json" }

local function trigger(routing_key, dedup, sev)
  built_trigger = built_trigger + 1
  local body
  if target == "alertmanager" then
    body = string.format(
      '[{"labels":{"alertname":"BenchAlert","dedup":"%s","severity":"%s"},'
        .. '"annotations":{"summary":"Benchmark alert %s","source":"bench-host-%d"}}]',
      dedup, sev, dedup, tid)
  else
    body = string.format(
      '{"routing_key":"%s","event_action":"trigger","dedup_key":"%s",'
        .. '"payload":{"summary":"Benchmark alert %s","source":"bench-host-%d","severity":"%s",'
        .. '"component":"ingest-bench","custom_details":{"run":"%s"}}}',
      routing_key, dedup, dedup, tid, sev, run)
  end
  return wrk.format("POST", path, headers, body)
end

local function resolve(routing_key, dedup, sev)
  built_resolve = built_resolve + 1
  local body
  if target == "alertmanager" then
    -- the same labels (Alertmanager's identity of an alert) with endsAt now, to the second
    body = string.format(
      '[{"labels":{"alertname":"BenchAlert","dedup":"%s","severity":"%s"},"endsAt":"%s"}]',
      dedup, sev, os.date("!%Y-%m-%dT%H:%M:%SZ"))
  else
    body = string.format('{"routing_key":"%s","event_action":"resolve","dedup_key":"%s"}', routing_key, dedup)
  end
  return wrk.format("POST", path, headers, body)
end

-- the severity of the n-th new alert of a mixed run (the resolve must repeat it for Alertmanager)
local function mixed_severity(n)
  return severities[n % 4 + 1]
end

local function new_alert(mixed)
  new_count = new_count + 1
  return trigger(key, string.format("%s-%d-%d", run, tid, new_count),
    mixed and mixed_severity(new_count) or severity)
end

local function hot_alert(sev_of_key)
  -- each thread cycles over all hot keys, the threads half a cycle apart; a key's severity in a
  -- mixed run is fixed by its number (bench/ingest.sh creates them so before the warm-up)
  hot_count = hot_count + 1
  local i = (hot_count + tid * math.floor(hot_keys / 2)) % hot_keys
  local sev = sev_of_key and severities[i % 4 + 1] or severity
  return trigger(hot_key, string.format("hot-%d", i), sev)
end

function request()
  counter = counter + 1
  if load == "new" then
    return new_alert(false)
  elseif load == "repeat" then
    return hot_alert(false)
  end
  -- mixed: a fixed pattern of ten
  local slot = counter % 10
  if slot <= 6 then
    return hot_alert(true)
  elseif slot <= 8 then
    return new_alert(true)
  end
  -- resolve the oldest new alert of this thread not yet resolved (about half of them lag behind)
  resolved_count = resolved_count + 1
  return resolve(key, string.format("%s-%d-%d", run, tid, resolved_count), mixed_severity(resolved_count))
end

function done(summary, latency, requests)
  local t, r = 0, 0
  for _, thread in ipairs(threads) do
    t = t + thread:get("built_trigger")
    r = r + thread:get("built_resolve")
  end
  io.write(string.format("ingest-bench built: trigger=%d resolve=%d\n", t, r))
end
