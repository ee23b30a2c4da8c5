#!/usr/bin/env bash
# Requests/s and p99 of /status and summary.json at 64 connections while public updates are posted,
# beside nginx serving the same bytes (see bench/statuspage.py and bench/README.md, "Status page").
# Builds target/firebreak.jar first unless SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk > /dev/null || { echo "statuspage.sh: needs wrk (Debian package wrk)" >&2; exit 1; }
command -v nginx > /dev/null || [ -x /usr/sbin/nginx ] || { echo "statuspage.sh: needs nginx (Debian package nginx-light)" >&2; exit 1; }
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -o package -DskipTests > /dev/null
fi
exec python3 bench/statuspage.py
