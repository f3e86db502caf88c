#!/usr/bin/env bash
# Broker fault injection for the test suites ($TEST_BROKER_CTL, exported by .ci/run):
#
#   ctl.sh kafka    stop|start|restart|kill|status
#   ctl.sh rabbitmq stop|start|restart|status
#
# stop     returns once the broker is confirmed down (its process gone, its port refusing connections).
# start    returns once the broker accepts client connections again (no-op if it already does).
# restart  stop + start.
# kill     (kafka only) SIGKILL, i.e. a crash without controlled shutdown; then `start` recovers it.
# status   prints "up" or "down"; exit 0 either way.
#
# Kafka: this checkout's KRaft broker (.ci/cache/kafka-data); stop sends SIGTERM (controlled shutdown),
# start launches the JVM again on the same data dir, so topics, committed offsets and messages survive.
# RabbitMQ: the whole node is shut down (rabbitmqctl shutdown) and started again (rabbitmq-server
# -detached): every client connection drops; durable quorum queues and their messages survive.
# Exit status is non-zero, with the reason on stderr, when the broker does not reach the wanted state.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=.ci/lib.sh
source "$HERE/../lib.sh"

usage() {
  echo "usage: $(basename "$0") kafka stop|start|restart|kill|status" >&2
  echo "       $(basename "$0") rabbitmq stop|start|restart|status" >&2
  exit 2
}

[ $# -eq 2 ] || usage
broker=$1 action=$2

case "$broker:$action" in
  kafka:stop) kafka_stop TERM ;;
  kafka:kill) kafka_stop KILL ;;
  kafka:start) kafka_start ;;
  kafka:restart) kafka_stop TERM; kafka_start ;;
  kafka:status) if [ -n "$(kafka_pid)" ] && port_open 9092; then echo up; else echo down; fi ;;
  rabbitmq:stop) rabbitmq_stop ;;
  rabbitmq:start) rabbitmq_start; log "RabbitMQ is up on 127.0.0.1:5672" ;;
  rabbitmq:restart) rabbitmq_stop; rabbitmq_start; log "RabbitMQ is up on 127.0.0.1:5672" ;;
  rabbitmq:status) if amqp_handshake_ok; then echo up; else echo down; fi ;;
  *) usage ;;
esac
