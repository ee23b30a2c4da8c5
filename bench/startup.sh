#!/usr/bin/env bash
# Measures Firebreak's start-up (process start until /actuator/health answers UP) and its idle
# memory (resident set size after start-up), on a fresh H2 data directory, several times.
# Usage: bench/startup.sh [runs]   (build first: mvn -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=target/firebreak.jar
[ -f "$jar" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 1; }
port=${PORT:-18080}
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  FIREBREAK_DATA_DIR="$data" FIREBREAK_ADMIN_PASSWORD=bench-password-1234 PORT=$port \
    java -jar "$jar" > "$data/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 $pid 2>/dev/null || { echo "Firebreak exited; see $data/log" >&2; exit 1; }
    sleep 0.25
  done
  ready=$(date +%s%N)
  sleep 5
  rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  reported=$(grep -o 'Started Firebreak in [0-9.]* seconds' "$data/log" | grep -o '[0-9.]*' | head -1)
  printf 'run %d: ready after %d ms (Spring reports %s s), idle RSS %d MB\n' \
    "$i" $(( (ready - start) / 1000000 )) "$reported" $(( rss_kb / 1024 ))
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
done
