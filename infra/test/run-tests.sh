#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what is missing from Debian's packages, starts a private
# RabbitMQ broker for the run, builds and runs every test project, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v chromium > /dev/null || missing+=(chromium)
command -v pdftoppm > /dev/null || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ -d /usr/share/fonts/truetype/liberation2 ] || missing+=(fonts-liberation2)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages"
  as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

state=$(mktemp -d)
port=$((30000 + RANDOM % 15000))
epmd_before=$(pgrep -x epmd || true)
cleanup() {
  infra/test/rabbitmq-node.sh stop "$state/rabbitmq" "$port" || true
  # The node starts Erlang's port mapper when none ran before; end that one, by its PID, and only then.
  if [ -z "$epmd_before" ]; then
    for pid in $(pgrep -x epmd || true); do kill "$pid" 2> /dev/null || true; done
  fi
  rm -rf "$state"
}
trap cleanup EXIT

echo "Starting a private RabbitMQ broker on 127.0.0.1:$port"
infra/test/rabbitmq-node.sh start "$state/rabbitmq" "$port"
export GOVERNANCE_TEST_RABBITMQ_URI="amqp://127.0.0.1:$port/"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Governance.sln -nologo -clp:ErrorsOnly
log="$state/test.log"
status=0
for project in tests/*/*.Tests.csproj; do
  dotnet test "$project" --no-build -nologo 2>&1 | tee -a "$log" || status=1
done

# One closing line for the whole run.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
