#!/usr/bin/env bash
# Portal cold start: process start to the first served page (the sign-in page), and resident memory right after.
# Each round starts the built portal twice on a fresh data folder: "first" creates, migrates and seeds the SQLite
# file; "restart" opens the existing one. Prints each round and the medians.
#   bash infra/bench/portal-startup.sh [rounds=5]      (build first: dotnet build src/Governance.Portal -c Release)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
dll=src/Governance.Portal/bin/Release/net10.0/Governance.Portal.dll
[ -f "$dll" ] || { echo "build first: dotnet build src/Governance.Portal -c Release" >&2; exit 2; }
port=$((20000 + RANDOM % 10000))

measure() { # $1 data folder -> "milliseconds rss_mib"
  local start pid ms rss
  start=$(date +%s%N)
  dotnet "$dll" --contentRoot "$(cd "$(dirname "$dll")" && pwd)" --urls "http://127.0.0.1:$port" --Storage:DataDirectory="$1" > "$1.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/account/login"; do
    kill -0 "$pid" 2> /dev/null || { cat "$1.log" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rss=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2> /dev/null || true
  echo "$ms $rss"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
first_ms=(); first_rss=(); again_ms=(); again_rss=()
for round in $(seq 1 "$rounds"); do
  read -r ms rss < <(measure "$work/data$round"); first_ms+=("$ms"); first_rss+=("$rss")
  read -r ms2 rss2 < <(measure "$work/data$round"); again_ms+=("$ms2"); again_rss+=("$rss2")
  echo "round $round: first start ${ms} ms (${rss} MiB), restart ${ms2} ms (${rss2} MiB)"
done
echo "median first start to first page: $(printf '%s\n' "${first_ms[@]}" | median) ms, resident $(printf '%s\n' "${first_rss[@]}" | median) MiB"
echo "median restart to first page:     $(printf '%s\n' "${again_ms[@]}" | median) ms, resident $(printf '%s\n' "${again_rss[@]}" | median) MiB"
