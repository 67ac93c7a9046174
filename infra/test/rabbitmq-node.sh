#!/usr/bin/env bash
# A private RabbitMQ node on loopback, beside any other node on the machine.
#   rabbitmq-node.sh start <state-dir> <amqp-port>   start it and wait until it accepts connections
#   rabbitmq-node.sh stop  <state-dir> <amqp-port>   stop it (its queues stay in <state-dir> for a restart)
# The amqp port must lie in 1024..45000: the node's distribution port is the amqp port + 20000.
set -euo pipefail
action=${1:?start or stop}; dir=${2:?state folder}; port=${3:?amqp port}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
export HOME="$dir"
export RABBITMQ_NODENAME="governance$port@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT=$((port + 20000))
export RABBITMQ_MNESIA_BASE="$dir/mnesia"
export RABBITMQ_LOG_BASE="$dir/log"
export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
ctl() { /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$RABBITMQ_NODENAME" "$@"; }

case "$action" in
  start)
    echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
    printf 'loopback_users = none\nlog.console = false\nlog.file.level = warning\n' > "$RABBITMQ_CONFIG_FILE"
    /usr/lib/rabbitmq/bin/rabbitmq-server > "$dir/server.out" 2>&1 &
    echo $! > "$dir/server.pid"
    for _ in $(seq 1 60); do
      if ctl await_startup --timeout 5 > /dev/null 2>&1; then exit 0; fi
      kill -0 "$(cat "$dir/server.pid")" 2> /dev/null || { cat "$dir/server.out" >&2; exit 1; }
      sleep 1
    done
    echo "RabbitMQ node $RABBITMQ_NODENAME did not start; see $dir/log" >&2
    exit 1
    ;;
  stop)
    ctl stop > /dev/null 2>&1 || true
    pid=$(cat "$dir/server.pid" 2> /dev/null || true)
    if [ -n "$pid" ]; then
      for _ in $(seq 1 30); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
    fi
    ;;
  *) echo "unknown action '$action': use start or stop" >&2; exit 2 ;;
esac
