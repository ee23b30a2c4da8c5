#!/usr/bin/env bash
# Measures alert ingest: events/s and latency p50/p99 of POST /v2/enqueue (PagerDuty Events API v2)
# at 32 concurrent connections, for four loads, on H2 (the default embedded database) and on
# PostgreSQL, side by side with Prometheus Alertmanager's POST /api/v2/alerts on the same machine
# in the same run. After every measured run it counts what Firebreak stored and fails if an
# answered event is missing. See bench/README.md ("Ingest").
#
# Usage: bench/ingest.sh                      (builds target/firebreak.jar first)
#   DURATION=20 WARMUP=10      seconds measured / seconds of warm-up per load and server
#   JIT_WARMUP=60              seconds of load on a fresh Firebreak before its first load (the JIT
#                              compilers take about a minute of load to settle on 2 cores)
#   CONNECTIONS=32 THREADS=2   wrk connections and threads
#   LOADS="new new-critical repeat mixed"   DBS="h2 postgres"   ALERTMANAGER=1 (0: skip it)
#   SKIP_BUILD=1               use the existing target/firebreak.jar
#   KEEP_TMP=1                 keep the temporary directory (logs, wrk outputs) for a post-mortem
#   JAVA_OPTS=...              extra JVM options for Firebreak
# Progress goes to stderr, the result tables to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
JIT_WARMUP=${JIT_WARMUP:-60}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
LOADS=${LOADS:-new new-critical repeat mixed}
DBS=${DBS:-h2 postgres}
ALERTMANAGER=${ALERTMANAGER:-1}
HOT_KEYS=1000
RATE=1000000                       # per-integration ingest limit, raised out of the way
ADMIN_EMAIL=bench@firebreak.local
ADMIN_PASSWORD=bench-password-1234
PG_PASSWORD=bench-pg-password
lua=$repo/bench/ingest.lua
jar=$repo/target/firebreak.jar

say() { printf '== %s\n' "$*" >&2; }
die() { printf '\ningest.sh: FAILED: %s\n' "$*" >&2; exit 1; }

for n in DURATION WARMUP JIT_WARMUP CONNECTIONS THREADS; do
  [[ ${!n} =~ ^[1-9][0-9]*$ ]] || die "$n must be a positive whole number, not '${!n}'"
done
for l in $LOADS; do
  case $l in new|new-critical|repeat|mixed) ;; *) die "unknown load '$l' (new, new-critical, repeat, mixed)";; esac
done
for d in $DBS; do
  case $d in h2|postgres) ;; *) die "unknown database '$d' (h2, postgres)";; esac
done

# --- processes and temporary files, all removed on exit -----------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/firebreak-ingest.XXXXXX")
pg_tmp=
pg_data=
pg_bin=
fb_pid=
am_pid=
wrk_pid=
as_pg=()

stop_pid() { # pid: TERM, then KILL after 30 s
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

as_postgres() { # runs a PostgreSQL server program as the cluster's owner, from a directory it may read
  (cd / && ${as_pg[@]+"${as_pg[@]}"} "$@")
}

stop_postgres() {
  [ -n "$pg_data" ] || return 0
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop > /dev/null 2>&1 || true
  pg_data=
}

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2> /dev/null
  [ -n "$fb_pid" ] && stop_pid "$fb_pid"
  [ -n "$am_pid" ] && stop_pid "$am_pid"
  stop_postgres
  if [ -n "${KEEP_TMP:-}" ]; then
    echo "ingest.sh: kept $tmp ${pg_tmp}" >&2
  else
    rm -rf "$tmp" ${pg_tmp:+"$pg_tmp"}
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- prerequisites -----------------------------------------------------------------------------------
apt_install() { # package...
  if [ "$(id -u)" -ne 0 ]; then
    die "missing Debian package(s) $*; install them (as root: apt-get install $*) and run again"
  fi
  say "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" > "$tmp/apt.log" 2>&1 \
    || { apt-get update -q > /dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" > "$tmp/apt.log" 2>&1; } \
    || die "apt-get install $* failed; see the end of $tmp/apt.log: $(tail -3 "$tmp/apt.log")"
}
command -v curl > /dev/null || apt_install curl
command -v jq > /dev/null || apt_install jq
command -v wrk > /dev/null || apt_install wrk
command -v java > /dev/null || die "java (17 or newer) is not on the PATH"
if [ "$ALERTMANAGER" = 1 ] && ! command -v prometheus-alertmanager > /dev/null; then
  apt_install prometheus-alertmanager
fi
if [[ " $DBS " == *" postgres "* ]]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    apt_install postgresql
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -x "$pg_bin/initdb" ] || die "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"
  fi
fi

if [ -z "${SKIP_BUILD:-}" ]; then
  say "building target/firebreak.jar (mvn -B -q -o package -DskipTests)"
  if ! mvn -B -q -o package -DskipTests > "$tmp/build.log" 2>&1; then
    say "offline build failed; trying with the repositories the pom names"
    mvn -B -q package -DskipTests > "$tmp/build.log" 2>&1 \
      || die "the build failed; the end of its log:$(printf '\n'; tail -20 "$tmp/build.log")"
  fi
fi
[ -f "$jar" ] || die "no $jar; build it with: mvn -B -q package -DskipTests"

# --- helpers -------------------------------------------------------------------------------------------
free_port() { # a TCP port nobody listens on
  local p i
  for i in $(seq 1 200); do
    p=$((20000 + RANDOM % 30000))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then
      echo "$p"
      return
    fi
  done
  die "found no free TCP port"
}

clk_tck=$(getconf CLK_TCK)
cpu_ticks() { # user + system CPU time of a process, in clock ticks
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# Waits until the process uses less than 10 % of a core over a second, so that work it does
# after answering (commits in flight at the stop, event listeners) is done before counting and
# does not spill into the next run. Prints the seconds it took.
settle() { # pid
  local pid=$1 waited=0 a b
  while :; do
    a=$(cpu_ticks "$pid")
    sleep 1
    waited=$((waited + 1))
    b=$(cpu_ticks "$pid")
    [ $(((b - a) * 100 / clk_tck)) -lt 10 ] && break
    [ "$waited" -ge 300 ] && die "the server (pid $pid) was still busy 300 s after the run"
  done
  echo "$waited"
}

# wrk results of the last run_wrk
W_RPS= W_P50= W_P99= W_REQUESTS= W_BUILT_TRIGGER= W_BUILT_RESOLVE=

# run_wrk NAME URL DURATION, with TARGET LOAD SEVERITY ROUTING_KEY ROUTING_KEY_HOT RUN_ID in the environment
run_wrk() {
  local name=$1 url=$2 duration=$3 out="$tmp/$1.wrk"
  # in the background, so that a signal ends the script (and wrk) at once
  HOT_KEYS=$HOT_KEYS wrk -t"$THREADS" -c"$CONNECTIONS" -d"${duration}s" --timeout 10s --latency -s "$lua" "$url" \
    > "$out" 2>&1 &
  wrk_pid=$!
  local rc=0
  wait "$wrk_pid" || rc=$?
  wrk_pid=
  [ "$rc" -eq 0 ] || die "wrk failed ($name):$(printf '\n'; cat "$out")"
  local non2xx errors
  W_RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  W_REQUESTS=$(awk '/ requests in / { print $1 }' "$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
  errors=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$out")
  W_P50=$(latency_ms 50% "$out")
  W_P99=$(latency_ms 99% "$out")
  W_BUILT_TRIGGER=$(sed -n 's/^ingest-bench built: trigger=\([0-9]*\) resolve=\([0-9]*\)$/\1/p' "$out")
  W_BUILT_RESOLVE=$(sed -n 's/^ingest-bench built: trigger=\([0-9]*\) resolve=\([0-9]*\)$/\2/p' "$out")
  [ -n "$W_RPS" ] && [ -n "$W_REQUESTS" ] && [ -n "$W_P99" ] && [ -n "$W_BUILT_TRIGGER" ] \
    || die "could not read wrk's output ($name):$(printf '\n'; cat "$out")"
  [ "$W_REQUESTS" -gt 0 ] || die "no request was answered ($name):$(printf '\n'; cat "$out")"
  [ "${non2xx:-0}" -eq 0 ] \
    || die "$non2xx of $W_REQUESTS answers were not 2xx ($name); wrk's output:$(printf '\n'; cat "$out")"
  [ "${errors:-0}" -eq 0 ] \
    || die "wrk saw socket errors or 10 s timeouts ($name):$(printf '\n'; cat "$out")"
}

latency_ms() { # PERCENTILE FILE: wrk's latency line in milliseconds
  awk -v p="$1" '$1 == p && $2 ~ /[0-9](us|ms|s|m)$/ {
      v = $2 + 0
      if ($2 ~ /us$/) v /= 1000; else if ($2 ~ /ms$/) v = v; else if ($2 ~ /m$/) v *= 60000; else v *= 1000
      printf "%.2f", v; exit }' "$2"
}

# --- Firebreak ------------------------------------------------------------------------------------------
fb_port= fb_token= fb_service=

start_firebreak() { # DB
  local db=$1 data="$tmp/firebreak-$1" started i
  mkdir -p "$data"
  fb_port=$(free_port)
  local db_env=()
  if [ "$db" = postgres ]; then
    db_env=(FIREBREAK_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/firebreak"
      FIREBREAK_DB_USER=firebreak FIREBREAK_DB_PASSWORD="$PG_PASSWORD")
  fi
  say "starting Firebreak on $db (port $fb_port)"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  env -u FIREBREAK_DB_URL -u FIREBREAK_DB_USER -u FIREBREAK_DB_PASSWORD \
    FIREBREAK_DATA_DIR="$data" FIREBREAK_ADMIN_EMAIL="$ADMIN_EMAIL" FIREBREAK_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    ${db_env[@]+"${db_env[@]}"} \
    java ${JAVA_OPTS:-} -jar "$jar" --server.port="$fb_port" --firebreak.ingest.default-rate-per-second="$RATE" \
    > "$data/log" 2>&1 &
  fb_pid=$!
  started=$(date +%s)
  until curl -fs "http://127.0.0.1:$fb_port/actuator/health" 2> /dev/null | grep -q '"UP"'; do
    kill -0 "$fb_pid" 2> /dev/null \
      || { fb_pid=; die "Firebreak exited during start-up; the end of its log:$(printf '\n'; tail -30 "$data/log")"; }
    [ $(($(date +%s) - started)) -lt 300 ] \
      || die "Firebreak was not UP after 300 s; the end of its log:$(printf '\n'; tail -30 "$data/log")"
    sleep 0.5
  done
  fb_token=$(curl -sS --fail-with-body -X POST "http://127.0.0.1:$fb_port/api/v1/auth/token" \
    -H 'Content-Type: application/json' \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\",\"name\":\"ingest-bench\"}" | jq -r .token) \
    || die "could not get an API token"
  local team
  team=$(fb POST /api/v1/teams '{"name":"ingest-bench"}' | jq -r .id)
  fb_service=$(fb POST /api/v1/services "{\"name\":\"ingest-bench\",\"owner_team_id\":\"$team\",\"tier\":1}" | jq -r .id)
  [ -n "$fb_service" ] && [ "$fb_service" != null ] || die "could not create the service"
}

stop_firebreak() {
  [ -n "$fb_pid" ] || return 0
  stop_pid "$fb_pid"
  fb_pid=
}

fb() { # METHOD PATH [JSON]: a call of Firebreak's REST API as the admin
  local out
  out=$(curl -sS --fail-with-body -X "$1" "http://127.0.0.1:$fb_port$2" -H "Authorization: Bearer $fb_token" \
    -H 'Content-Type: application/json' ${3:+-d "$3"}) || die "$1 $2 failed: $out"
  printf '%s' "$out"
}

new_integration() { # NAME: prints "<id> <routing key>" of a new events_v2 integration of the bench service
  fb POST "/api/v1/services/$fb_service/integrations" "{\"type\":\"events_v2\",\"name\":\"$1\"}" \
    | jq -r '"\(.id) \(.routing_key)"'
}

alert_count() { # INTEGRATION: how many alerts it has (each new-alert event stores exactly one)
  fb GET "/api/v1/alerts?integration=$1&size=1" | jq -r .total
}

occurrence_sum() { # INTEGRATION: the occurrences of all its alerts (each trigger stores one)
  local page=0 sum=0 body n
  while :; do
    body=$(fb GET "/api/v1/alerts?integration=$1&size=200&page=$page")
    n=$(jq '.items | length' <<< "$body")
    [ "$n" -gt 0 ] || break
    sum=$((sum + $(jq '[.items[].occurrences] | add' <<< "$body")))
    page=$((page + 1))
  done
  echo "$sum"
}

# The alerts the repeat and mixed loads repeat (hot-0 .. hot-999), created once before the warm-up
# with the labels and severities bench/ingest.lua gives them (mixed: by the key's number).
severities=(critical error warning info)
hot_severity() { # I SEVERITY|mixed
  if [ "$2" = mixed ]; then echo "${severities[$1 % 4]}"; else echo "$2"; fi
}

prime_firebreak() { # URL ROUTING_KEY SEVERITY|mixed: one trigger per hot key, 8 at a time
  local url=$1 key=$2 cfg="$tmp/prime.curl" ok
  awk -v url="$url" -v key="$key" -v sev="$3" -v n="$HOT_KEYS" -v sevs="${severities[*]}" 'BEGIN {
      split(sevs, s, " ")
      for (i = 0; i < n; i++) {
        if (i > 0) print "next"
        printf "url = \"%s\"\nheader = \"Content-Type: application/json\"\noutput = \"/dev/null\"\n", url
        printf "write-out = \"%%{http_code}\\n\"\n"
        printf "data = \"{\\\"routing_key\\\":\\\"%s\\\",\\\"event_action\\\":\\\"trigger\\\",", key
        printf "\\\"dedup_key\\\":\\\"hot-%d\\\",\\\"payload\\\":{\\\"summary\\\":\\\"Benchmark alert hot-%d\\\",", i, i
        printf "\\\"source\\\":\\\"bench-prime\\\",\\\"severity\\\":\\\"%s\\\"}}\"\n", (sev == "mixed" ? s[i % 4 + 1] : sev)
      }
    }' > "$cfg"
  ok=$(curl --no-progress-meter --parallel --parallel-max 8 -K "$cfg" | grep -c '^202$' || true)
  [ "$ok" -eq "$HOT_KEYS" ] || die "creating the $HOT_KEYS alerts to repeat: only $ok answered 202"
}

prime_alertmanager() { # URL SEVERITY|mixed: the hot alerts in one request
  local i body=
  for ((i = 0; i < HOT_KEYS; i++)); do
    body+="${body:+,}{\"labels\":{\"alertname\":\"BenchAlert\",\"dedup\":\"hot-$i\",\"severity\":\"$(hot_severity "$i" "$2")\"}}"
  done
  curl -fsS -X POST "$1" -H 'Content-Type: application/json' -d "[$body]" > /dev/null \
    || die "creating the $HOT_KEYS alerts to repeat in Alertmanager failed"
}

jit_warmup() { # DB: repeats then new alerts on an integration of its own, not measured
  local id key half=$(((JIT_WARMUP + 1) / 2))
  read -r id key <<< "$(new_integration "bench-jit")"
  [ -n "$key" ] && [ "$key" != null ] || die "could not create the integration bench-jit"
  say "firebreak/$1: JIT warm-up ${JIT_WARMUP}s"
  TARGET=firebreak LOAD=repeat SEVERITY=warning ROUTING_KEY=$key ROUTING_KEY_HOT=$key RUN_ID=jit-repeat \
    run_wrk "fb-$1-jit-repeat" "http://127.0.0.1:$fb_port/v2/enqueue" "$half"
  TARGET=firebreak LOAD=new SEVERITY=warning ROUTING_KEY=$key ROUTING_KEY_HOT=$key RUN_ID=jit-new \
    run_wrk "fb-$1-jit-new" "http://127.0.0.1:$fb_port/v2/enqueue" "$half"
  settle "$fb_pid" > /dev/null
}

# results, one line per run: load db rps p50 p99
results=()
api_lines=()
durability=()

bench_firebreak() { # DB LOAD
  local db=$1 load=$2 severity=warning wload=$2 id key hot_id= hot_key= before after stored
  case $load in
    new-critical) severity=critical; wload=new ;;
  esac
  read -r id key <<< "$(new_integration "bench-$load")"
  [ -n "$key" ] && [ "$key" != null ] || die "could not create the integration bench-$load"
  if [ "$load" = mixed ]; then
    read -r hot_id hot_key <<< "$(new_integration "bench-$load-hot")"
    [ -n "$hot_key" ] && [ "$hot_key" != null ] || die "could not create the integration bench-$load-hot"
  fi
  stored_now() {
    case $load in
      new|new-critical) alert_count "$id" ;;
      repeat) occurrence_sum "$id" ;;
      # the new alerts of a mixed run are triggered once each; the repeats land on the hot integration
      mixed) echo $(($(alert_count "$id") + $(occurrence_sum "$hot_id"))) ;;
    esac
  }
  local url="http://127.0.0.1:$fb_port/v2/enqueue"
  case $load in
    repeat) prime_firebreak "$url" "$key" "$severity" ;;
    mixed) prime_firebreak "$url" "$hot_key" mixed ;;
  esac
  export TARGET=firebreak LOAD=$wload SEVERITY=$severity ROUTING_KEY=$key ROUTING_KEY_HOT=${hot_key:-$key}
  say "firebreak/$db $load: warm-up ${WARMUP}s"
  RUN_ID="warm-$load" run_wrk "fb-$db-$load-warmup" "$url" "$WARMUP"
  settle "$fb_pid" > /dev/null
  # the repeats must find their alerts open
  local hot_integration=
  case $load in repeat) hot_integration=$id ;; mixed) hot_integration=$hot_id ;; esac
  if [ -n "$hot_integration" ]; then
    local open
    open=$(alert_count "$hot_integration")
    [ "$open" -eq "$HOT_KEYS" ] || die "$open alerts to repeat instead of $HOT_KEYS before the measured run"
  fi
  before=$(stored_now)
  say "firebreak/$db $load: measuring ${DURATION}s"
  # meanwhile a person reads the incident list every half second: the API must stay responsive
  local probe="$tmp/fb-$db-$load.api"
  ( end=$(($(date +%s) + DURATION - 1))
    while [ "$(date +%s)" -lt "$end" ]; do
      curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $fb_token" \
        "http://127.0.0.1:$fb_port/api/v1/incidents?size=20" >> "$probe"
      sleep 0.5
    done ) &
  local probe_pid=$!
  RUN_ID="run-$load" run_wrk "fb-$db-$load" "$url" "$DURATION"
  wait "$probe_pid" 2> /dev/null || true
  local api_p50 api_max
  api_p50=$(sort -n "$probe" | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] * 1000 }')
  api_max=$(sort -n "$probe" | awk 'END { printf "%.1f", $1 * 1000 }')
  api_lines+=("$(printf '%-13s %-9s %8s %10s %10s' "$load" "$db" "$(wc -l < "$probe")" "$api_p50" "$api_max")")
  local drain
  drain=$(settle "$fb_pid")
  after=$(stored_now)
  stored=$((after - before))
  # Every answered trigger must be stored. Requests wrk built but whose answer had not come when
  # the time was up may or may not have been processed: they widen the upper bound only.
  local built=$((W_BUILT_TRIGGER + W_BUILT_RESOLVE))
  local unanswered=$((built - W_REQUESTS))
  [ "$unanswered" -ge 0 ] || unanswered=0
  local at_least=$((W_BUILT_TRIGGER - unanswered))
  local verdict=ok
  if [ "$stored" -lt "$at_least" ] || [ "$stored" -gt "$W_BUILT_TRIGGER" ]; then
    verdict=MISMATCH
  fi
  durability+=("$(printf '%-13s %-9s %10s %10s %10s %10s %10s %6s  %s' "$load" "$db" "$W_REQUESTS" \
    "$W_BUILT_RESOLVE" "$at_least" "$W_BUILT_TRIGGER" "$stored" "$drain" "$verdict")")
  results+=("$load $db $W_RPS $W_P50 $W_P99")
  say "firebreak/$db $load: $W_RPS events/s, p50 $W_P50 ms, p99 $W_P99 ms; 2xx $W_REQUESTS, stored $stored triggers (expected $at_least..$W_BUILT_TRIGGER): $verdict"
  [ "$verdict" = ok ] || die "durability: wrk got $W_REQUESTS 2xx answers ($W_BUILT_RESOLVE resolves among the requests built), so at least $at_least and at most $W_BUILT_TRIGGER triggers must be stored, but Firebreak/$db stored $stored"
}

# --- PostgreSQL: a throwaway cluster of our own ---------------------------------------------------------
pg_port=
start_postgres() {
  pg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/firebreak-ingest-pg.XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then
    id postgres > /dev/null 2>&1 || die "no user 'postgres' to run the cluster as (the postgresql package creates it)"
    as_pg=(runuser -u postgres --)
    chown postgres: "$pg_tmp"
  fi
  chmod 700 "$pg_tmp"
  printf '%s\n' "$PG_PASSWORD" > "$pg_tmp/pwfile"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$pg_tmp/pwfile"
  as_postgres "$pg_bin/initdb" -D "$pg_tmp/data" -U firebreak --pwfile="$pg_tmp/pwfile" -A scram-sha-256 \
    -E UTF8 --locale=C > "$pg_tmp/initdb.log" 2>&1 \
    || die "initdb failed:$(printf '\n'; tail -20 "$pg_tmp/initdb.log")"
  pg_port=$(free_port)
  say "starting PostgreSQL $("$pg_bin/postgres" --version | awk '{ print $3 }') on port $pg_port (data in $pg_tmp)"
  as_postgres "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w -t 60 \
    -o "-p $pg_port -k $pg_tmp -c listen_addresses=127.0.0.1" start > /dev/null \
    || die "PostgreSQL did not start:$(printf '\n'; tail -20 "$pg_tmp/server.log")"
  pg_data=$pg_tmp/data
  PGPASSWORD=$PG_PASSWORD "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U firebreak -d postgres \
    -c 'create database firebreak' || die "could not create the database"
}

# --- Alertmanager --------------------------------------------------------------------------------------
am_results=()
bench_alertmanager() {
  local dir="$tmp/alertmanager" port load
  mkdir -p "$dir/data"
  cat > "$dir/alertmanager.yml" << 'EOF'
route:
  receiver: "null"
  group_by: [alertname]
receivers:
  - name: "null"
EOF
  port=$(free_port)
  say "starting Alertmanager $(prometheus-alertmanager --version 2>&1 | awk 'NR == 1 { print $3 }') on port $port"
  prometheus-alertmanager --config.file="$dir/alertmanager.yml" --storage.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --cluster.listen-address= > "$dir/log" 2>&1 &
  am_pid=$!
  local i
  for i in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/-/ready" > /dev/null 2>&1 && break
    kill -0 "$am_pid" 2> /dev/null || { am_pid=; die "Alertmanager exited:$(printf '\n'; tail -20 "$dir/log")"; }
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/-/ready" > /dev/null || die "Alertmanager not ready after 60 s"
  for load in $LOADS; do
    local severity=warning wload=$load
    [ "$load" = new-critical ] && { severity=critical; wload=new; }
    case $load in
      repeat) prime_alertmanager "http://127.0.0.1:$port/api/v2/alerts" "$severity" ;;
      mixed) prime_alertmanager "http://127.0.0.1:$port/api/v2/alerts" mixed ;;
    esac
    export TARGET=alertmanager LOAD=$wload SEVERITY=$severity ROUTING_KEY= ROUTING_KEY_HOT=
    say "alertmanager $load: warm-up ${WARMUP}s"
    RUN_ID="warm-$load" run_wrk "am-$load-warmup" "http://127.0.0.1:$port/api/v2/alerts" "$WARMUP"
    settle "$am_pid" > /dev/null
    say "alertmanager $load: measuring ${DURATION}s"
    RUN_ID="run-$load" run_wrk "am-$load" "http://127.0.0.1:$port/api/v2/alerts" "$DURATION"
    settle "$am_pid" > /dev/null
    am_results+=("$load $W_RPS $W_P50 $W_P99")
    say "alertmanager $load: $W_RPS events/s, p50 $W_P50 ms, p99 $W_P99 ms"
  done
  stop_pid "$am_pid"
  am_pid=
}

# --- the run -----------------------------------------------------------------------------------------
load_avg=$(cut -d' ' -f1 /proc/loadavg)
say "$(nproc) cores, load average $load_avg; wrk -t$THREADS -c$CONNECTIONS, warm-up ${WARMUP}s, measured ${DURATION}s per load"
awk -v l="$load_avg" -v n="$(nproc)" 'BEGIN { exit !(l > n / 4) }' \
  && say "WARNING: the machine is not idle (load average $load_avg); the numbers will be low and noisy"

[ "$ALERTMANAGER" = 1 ] && bench_alertmanager
for db in $DBS; do
  [ "$db" = postgres ] && start_postgres
  start_firebreak "$db"
  jit_warmup "$db"
  for load in $LOADS; do
    bench_firebreak "$db" "$load"
  done
  stop_firebreak
  [ "$db" = postgres ] && stop_postgres
done

# --- the tables ------------------------------------------------------------------------------------------
am_field() { # LOAD FIELD (2 = events/s, 3 = p50, 4 = p99) of Alertmanager's run of that load
  [ ${#am_results[@]} -gt 0 ] || return 0
  printf '%s\n' "${am_results[@]}" | awk -v l="$1" -v f="$2" '$1 == l { print $f }'
}

java_version=$(java -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }')
echo
echo "Ingest benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at start $load_avg,"
echo "Java $java_version, wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s measured after ${WARMUP}s warm-up per load"
echo "(and ${JIT_WARMUP}s of JIT warm-up per Firebreak start);"
echo "temporary files on $(df --output=fstype "$tmp" | tail -1); Firebreak at commit $(git -C "$repo" rev-parse --short HEAD 2> /dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD -- src pom.xml 2> /dev/null || echo ' (uncommitted changes)')."
echo "Loads: new = unique dedup keys, severity warning (opens no incident); new-critical = the same,"
echo "severity critical (opens one incident, the rest join it); repeat = triggers cycling over $HOT_KEYS open alerts;"
echo "mixed = 70% repeats, 20% new (severities mixed), 10% resolves of new ones."
echo
printf '%-13s %-9s %10s %8s %8s %12s %8s %8s %7s\n' load db events/s "p50 ms" "p99 ms" "AM events/s" "AM p50" "AM p99" ratio
for r in ${results[@]+"${results[@]}"}; do
  read -r load db rps p50 p99 <<< "$r"
  am_rps=$(am_field "$load" 2)
  am_p50=$(am_field "$load" 3)
  am_p99=$(am_field "$load" 4)
  ratio=-
  [ -n "$am_rps" ] && ratio=$(awk -v a="$rps" -v b="$am_rps" 'BEGIN { printf "%.2f", a / b }')
  printf '%-13s %-9s %10s %8s %8s %12s %8s %8s %7s\n' "$load" "$db" "$rps" "$p50" "$p99" \
    "${am_rps:--}" "${am_p50:--}" "${am_p99:--}" "$ratio"
done
if [ ${#results[@]} -eq 0 ]; then
  for r in ${am_results[@]+"${am_results[@]}"}; do
    read -r load rps p50 p99 <<< "$r"
    printf '%-13s %-9s %10s %8s %8s %12s %8s %8s %7s\n' "$load" - - - - "$rps" "$p50" "$p99" -
  done
fi
echo "(ratio = Firebreak events/s / Alertmanager events/s; Alertmanager keeps alerts in memory only)"
if [ ${#durability[@]} -gt 0 ]; then
  echo
  echo "Durability (counted through the API after each run; triggers stored must lie between the answered and the built ones):"
  printf '%-13s %-9s %10s %10s %10s %10s %10s %6s  %s\n' load db "2xx (wrk)" resolves "min" "max" stored "drain" verdict
  printf '%s\n' "${durability[@]}"
  echo "(min = answered triggers, max = triggers built incl. those unanswered at the stop; resolves = resolve"
  echo " events among the requests built; drain = seconds until the server was idle after the run)"
fi
if [ ${#api_lines[@]} -gt 0 ]; then
  echo
  echo "The API during the storm (GET /api/v1/incidents?size=20 every half second while wrk ran):"
  printf '%-13s %-9s %8s %10s %10s\n' load db requests "p50 ms" "max ms"
  printf '%s\n' "${api_lines[@]}"
fi
