#!/usr/bin/env bash
# Time from an alert event accepted to the first page handed to a channel, during a storm of
# events (see bench/paging.py and bench/README.md, "Paging"). Builds target/firebreak.jar first
# unless SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk > /dev/null || { echo "paging.sh: needs wrk (Debian package wrk)" >&2; exit 1; }
command -v python3 > /dev/null || { echo "paging.sh: needs python3" >&2; exit 1; }
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -o package -DskipTests > /dev/null
fi
exec python3 bench/paging.py
