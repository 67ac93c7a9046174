#!/usr/bin/env bash
# Annotation API speed with a large project: prepares a fresh data folder (generated records, annotator accounts, a
# project with two annotators per record), starts the built portal on it on a loopback port, times next-task and
# submit through the API (one annotator, then all at once), and stops the portal.
#   bash infra/bench/annotation.sh [records=1000000] [annotators=50]
#   (build first: dotnet build src/Governance.Portal -c Release && dotnet build src/Governance.Cli -c Release)
set -euo pipefail
cd "$(dirname "$0")/../.."
records=${1:-1000000}
annotators=${2:-50}
portal=src/Governance.Portal/bin/Release/net10.0/Governance.Portal.dll
cli=src/Governance.Cli/bin/Release/net10.0/governance.dll
for dll in "$portal" "$cli"; do
  [ -f "$dll" ] || { echo "build first: dotnet build src/Governance.Portal -c Release && dotnet build src/Governance.Cli -c Release" >&2; exit 2; }
done
port=$((20000 + RANDOM % 10000))
data=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null; rm -rf "$data"; }
trap cleanup EXIT

dotnet "$cli" bench annotation-setup --data "$data" --records "$records" --annotators "$annotators"
dotnet "$portal" --contentRoot "$(cd "$(dirname "$portal")" && pwd)" --urls "http://127.0.0.1:$port" --Storage:DataDirectory="$data" --Demo:Enabled=false > "$data/portal.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/account/login"; do
  kill -0 "$pid" 2> /dev/null || { cat "$data/portal.log" >&2; exit 1; }
  sleep 0.2
done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
dotnet "$cli" bench annotation --url "http://127.0.0.1:$port" --password-file "$data/bench-password" --annotators "$annotators"
echo "portal CPU during the run: $(( ($(ticks) - before) * 1000 / $(getconf CLK_TCK) )) ms"
