# shellcheck shell=bash
# Helpers for .ci/run — sourced, not executed. Every ensure_* function is idempotent: it checks first,
# then installs/starts only what is missing, and fails loudly if the thing still is not usable.
# The real servers the test suites need (ensure_redis … ensure_mongo) follow the same shape; each is
# verified with a real client round-trip before it returns. Maven artifacts go to the default local
# repository (~/.m2) and are copied to .ci/cache/<server>/lib (git-ignored), never into tracked files.

CI_STARTED_AT=${CI_STARTED_AT:-$(date +%s)}
CI_STEP_NAMES=()
CI_STEP_SECONDS=()
# shellcheck disable=SC2034  # read by .ci/run's exit trap
CI_CURRENT_STEP=""

ts() { date -u +%H:%M:%S; }

log() { printf '[%s +%4ss] %s\n' "$(ts)" "$(($(date +%s) - CI_STARTED_AT))" "$*"; }

die() { log "ERROR: $*" >&2; exit 1; }

# step <name> <command...> — runs one step with start/end timestamps and records its duration.
step() {
  local name=$1; shift
  CI_CURRENT_STEP=$name
  local t0; t0=$(date +%s)
  log "▶ ${name}"
  "$@"
  local took=$(($(date +%s) - t0))
  CI_STEP_NAMES+=("$name")
  CI_STEP_SECONDS+=("$took")
  log "✔ ${name} (${took}s)"
  # shellcheck disable=SC2034
  CI_CURRENT_STEP=""
}

print_step_times() {
  local i
  for i in "${!CI_STEP_NAMES[@]}"; do
    printf '  %-28s %5ss\n' "${CI_STEP_NAMES[$i]}" "${CI_STEP_SECONDS[$i]}"
  done
}

# as_root <command...> — runs a command as root (directly, or through sudo when available).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root for: $*"
  fi
}

APT_UPDATED=0
APT_LOG=${APT_LOG:-${TMPDIR:-/tmp}/emporium-ci-apt.log}
apt_get() { as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq "$@" >>"$APT_LOG" 2>&1; }
# apt_install <package...> — apt-get update once per run, then install; each retried once; output to $APT_LOG.
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    apt_get update || { log "apt-get update failed; retrying once in 5s"; sleep 5; apt_get update; } \
      || { tail -n 30 "$APT_LOG" >&2; die "apt-get update failed (log: $APT_LOG)"; }
    APT_UPDATED=1
  fi
  apt_get install -y --no-install-recommends "$@" || { log "apt-get install $* failed; retrying once in 5s"; sleep 5; \
    apt_get install -y --no-install-recommends "$@"; } \
    || { tail -n 30 "$APT_LOG" >&2; die "apt-get install $* failed (log: $APT_LOG)"; }
}

# wait_until <seconds> <description> <command...> — polls a probe command once a second until it succeeds.
wait_until() {
  local limit=$1 what=$2; shift 2
  local deadline=$(($(date +%s) + limit))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || die "${what} not ready after ${limit}s"
    sleep 1
  done
}

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    log "PostgreSQL already accepting connections on 127.0.0.1:5432"
    return
  fi
  local version
  # shellcheck disable=SC2012  # cluster versions are plain numbers
  version=$(ls /etc/postgresql | sort -V | tail -n1)
  [ -n "$version" ] || die "no PostgreSQL cluster under /etc/postgresql"
  log "starting PostgreSQL ${version}/main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_until 60 "PostgreSQL" pg_isready -q -h 127.0.0.1 -p 5432
  log "PostgreSQL is up"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    log "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
    return
  fi
  log "installing Debian package chromium"
  apt_install chromium
  [ -x /usr/bin/chromium ] || die "chromium still missing after apt-get install"
  log "chromium installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
}

# HAProxy, the gateway (infra/gateway/haproxy.cfg), from Debian: the 2.6 line, built with its Prometheus
# exporter, which the configuration serves at /metrics.
ensure_haproxy() {
  local bin
  bin=$(command -v haproxy || echo /usr/sbin/haproxy)
  if [ ! -x "$bin" ]; then
    log "installing Debian package haproxy"
    apt_install haproxy
    bin=$(command -v haproxy || echo /usr/sbin/haproxy)
  fi
  [ -x "$bin" ] || die "haproxy still missing after apt-get install"
  # Read the whole build report before matching: with pipefail, `haproxy -vv | grep -q` fails whenever grep
  # exits at the match while haproxy is still writing (SIGPIPE), which made CI fail at random.
  local build_report
  build_report=$("$bin" -vv 2>/dev/null || true)
  [[ "$build_report" == *prometheus-exporter* ]] || die "${bin} was built without the Prometheus exporter"
  log "haproxy present: $("$bin" -v | head -n1)"
}

# promtool and amtool (infra/observability's checks) from Debian's prometheus and prometheus-alertmanager
# packages (bookworm: Prometheus 2.42, Alertmanager 0.25). Only the tools are used; nothing is started.
ensure_prometheus_tools() {
  if ! command -v promtool >/dev/null 2>&1 || ! command -v amtool >/dev/null 2>&1 \
    || ! command -v prometheus >/dev/null 2>&1; then
    log "installing Debian packages prometheus and prometheus-alertmanager (prometheus, promtool, amtool)"
    apt_install prometheus prometheus-alertmanager
  fi
  command -v promtool >/dev/null 2>&1 || die "promtool still missing after apt-get install"
  command -v amtool >/dev/null 2>&1 || die "amtool still missing after apt-get install"
  # The real Prometheus the system tests run against the platform (tests/system, prometheus.system).
  command -v prometheus >/dev/null 2>&1 || die "prometheus still missing after apt-get install"
  log "promtool $(promtool --version 2>&1 | head -n1 | awk '{print $3}'), amtool $(amtool --version 2>&1 | head -n1 | awk '{print $3}')"
}

# fail_if_skipped <log file> — REQUIRE_REAL_SERVERS=1 already makes the helpers throw; this is the
# belt-and-braces check that no suite printed the skip marker anyway.
fail_if_skipped() {
  local file=$1
  if grep -n 'SKIPPED real-server suite' "$file"; then
    die "real-server suites were skipped (see lines above) although REQUIRE_REAL_SERVERS=1"
  fi
  log "no real-server suite was skipped"
}

# ---------------------------------------------------------------------------------------------------
# Real servers for the test suites. Redis, RabbitMQ (and PostgreSQL) are pre-started on the machine;
# Memcached comes from Debian; Kafka, S3 (S3Proxy) and MongoDB (mongo-java-server) are Java servers from
# Maven Central run with the machine's Java 17 (so are OpenSearch, Zipkin and GreenMail, the SMTP server).
# Their jars, data and logs live under .ci/cache/.
# .ci/brokers/ctl.sh stops/starts/restarts Kafka and RabbitMQ for fault-injection tests.
# ---------------------------------------------------------------------------------------------------

CI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CI_CACHE=$CI_DIR/cache                 # git-ignored
CI_SERVICE_LOGS=$CI_CACHE/logs
CI_RUN_DIR=$CI_CACHE/run               # pid files
CI_NODE_TOOLS=$CI_CACHE/node-tools     # client libraries for the round-trip checks (.ci/brokers/*.mjs)
export CI_NODE_TOOLS

# Kafka 3.9.x: the last line that still serves the old protocol versions kafkajs 2.2.4 speaks (4.0 removed them).
KAFKA_VERSION=3.9.2
S3PROXY_VERSION=4.1.0
MONGO_JAVA_SERVER_VERSION=1.47.0
MAVEN_DEPENDENCY_PLUGIN_VERSION=3.8.1
# Pinned clients used only by the checks; the newest `mongodb` major that accepts mongo-java-server's
# wire version 8 is 6.x (7.x requires wire version 9, i.e. MongoDB 4.4+).
CI_NODE_TOOL_DEPS=(
  "kafkajs@2.2.4"
  "amqplib@2.3.1"
  "mongodb@6.22.0"
  "@aws-sdk/client-s3@3.1175.0"
  "@aws-sdk/s3-presigned-post@3.1164.0"
  "@aws-sdk/s3-request-presigner@3.1169.0"
)

KAFKA_HOME_DIR=$CI_CACHE/kafka         # pom.xml, lib/, server.properties, log4j.properties
KAFKA_DATA_DIR=$CI_CACHE/kafka-data
KAFKA_LOG=$CI_SERVICE_LOGS/kafka.log
KAFKA_MARKER=kafka-$KAFKA_VERSION
S3PROXY_DIR=$CI_CACHE/s3proxy
S3_DATA_DIR=$CI_CACHE/s3-data
S3_LOG=$CI_SERVICE_LOGS/s3proxy.log
S3_MARKER=s3proxy-$S3PROXY_VERSION
S3_ACCESS_KEY=emporium
S3_SECRET_KEY=emporium-test-secret
MONGO_DIR=$CI_CACHE/mongo
MONGO_LOG=$CI_SERVICE_LOGS/mongo.log
MONGO_MARKER=mongo-java-server-$MONGO_JAVA_SERVER_VERSION
# OpenSearch 2.19.x: the last line that runs on Java 17 (3.x needs Java 21).
OPENSEARCH_VERSION=2.19.6
OPENSEARCH_DIR=$CI_CACHE/opensearch     # pom.xml, lib/, classes/
OPENSEARCH_HOME=$CI_CACHE/opensearch-home
OPENSEARCH_LOG=$CI_SERVICE_LOGS/opensearch.log
OPENSEARCH_MARKER=opensearch-$OPENSEARCH_VERSION
# Zipkin (the trace backend): one self-contained server jar, run with in-memory storage.
ZIPKIN_VERSION=3.4.2
ZIPKIN_DIR=$CI_CACHE/zipkin
ZIPKIN_LOG=$CI_SERVICE_LOGS/zipkin.log
ZIPKIN_MARKER=zipkin-$ZIPKIN_VERSION
# GreenMail (a real SMTP server for identity's mailer; its REST API reads the mail back).
GREENMAIL_VERSION=2.1.3
GREENMAIL_DIR=$CI_CACHE/greenmail
GREENMAIL_LOG=$CI_SERVICE_LOGS/greenmail.log
GREENMAIL_MARKER=greenmail-$GREENMAIL_VERSION
GREENMAIL_SMTP_PORT=3025
GREENMAIL_API_PORT=8025

# port_open <port> — true when something accepts TCP connections on 127.0.0.1:<port>.
# shellcheck disable=SC2016  # $0 belongs to the inner shell
port_open() { timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null; }
port_closed() { ! port_open "$1"; }

# listener_pid <port> — pid of the process listening on TCP <port> (empty when none).
listener_pid() { ss -Hltnp "sport = :$1" 2>/dev/null | grep -oE 'pid=[0-9]+' | head -n1 | cut -d= -f2 || true; }

# pid_alive <pid> — the process exists and is not a zombie.
pid_alive() {
  local st
  [ -n "${1:-}" ] || return 1
  st=$(ps -o stat= -p "$1" 2>/dev/null || true)
  [ -n "$st" ] && [ "${st:0:1}" != Z ]
}

pid_gone() { ! pid_alive "$1"; }

# proc_has_arg <pid> <argument> — that process was started with exactly that argument.
# Pipelines that end in `grep -q` read their input into a variable first: with pipefail, grep leaving at the
# first match while the writer still writes fails the pipeline (SIGPIPE) and turns a match into a miss.
proc_has_arg() {
  local args
  args=$(tr '\0' '\n' 2>/dev/null <"/proc/$1/cmdline") || return 1
  grep -qxF -- "$2" <<<"$args"
}

# proc_has_arg_prefix <pid> <prefix> — one of that process's arguments starts with that prefix.
proc_has_arg_prefix() {
  local args
  args=$(tr '\0' '\n' 2>/dev/null <"/proc/$1/cmdline") || return 1
  [[ $'\n'"$args" == *$'\n'"$2"* ]]
}

# proc_desc <pid> — short description of a process for error messages.
proc_desc() { ps -o pid=,user=,args= -p "$1" 2>/dev/null | cut -c1-200 || echo "pid $1"; }

# Java servers started here carry -Demporium.ci.service=<marker> -Demporium.ci.home=<this .ci/cache>.
ci_java_marks() { printf '%s\n' "-Demporium.ci.service=$1" "-Demporium.ci.home=$CI_CACHE"; }

# ci_server_state <port> <marker> — prints one of:
#   down     nothing listens on the port
#   ours     the server this checkout starts (same marker, same .ci/cache)
#   stale    one of these CI servers, but from another checkout or another version: to be replaced
#   foreign  something else: never touched
ci_server_state() {
  local port=$1 marker=$2 pid
  pid=$(listener_pid "$port")
  if [ -z "$pid" ]; then
    if port_open "$port"; then echo foreign; else echo down; fi
  elif proc_has_arg "$pid" "-Demporium.ci.service=$marker" && proc_has_arg "$pid" "-Demporium.ci.home=$CI_CACHE"; then
    echo ours
  elif proc_has_arg_prefix "$pid" "-Demporium.ci.service="; then
    echo stale
  else
    echo foreign
  fi
}

# stop_pid <pid> <name> [grace seconds] — SIGTERM, wait for the process to exit, SIGKILL after the grace period.
stop_pid() {
  local pid=$1 name=$2 grace=${3:-60}
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$(($(date +%s) + grace))
  while pid_alive "$pid"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      log "WARNING: ${name} (pid ${pid}) still running ${grace}s after SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      deadline=$(($(date +%s) + 30))
    fi
    sleep 0.2
  done
}

# free_port_for <port> <marker> <name> — makes the port free for this checkout's server: stops a
# stale CI server there, refuses to touch anything else.
free_port_for() {
  local port=$1 marker=$2 name=$3 state pid
  state=$(ci_server_state "$port" "$marker")
  case $state in
    down) ;;
    stale|ours)
      pid=$(listener_pid "$port")
      log "stopping ${name} left on 127.0.0.1:${port} by an earlier run: $(proc_desc "$pid")"
      stop_pid "$pid" "$name" 60 ;;
    *) die "127.0.0.1:${port} (needed by ${name}) is taken by another process: $(proc_desc "$(listener_pid "$port")")" ;;
  esac
}

# CI_CLOSE_FDS — shell code that closes every inherited descriptor above 2, so that a server started
# from .ci/run (or from a test runner through ctl.sh) holds none of its caller's pipes open.
# shellcheck disable=SC2016  # expanded by the inner shell
CI_CLOSE_FDS='for fd in /proc/$$/fd/*; do fd=${fd##*/}; if [ "$fd" -gt 2 ]; then eval "exec ${fd}>&-"; fi; done'

# detached <command...> — runs a self-daemonizing command (redis-server, memcached, rabbitmq-server
# -detached) with no stdin and no inherited descriptors besides stdout/stderr (redirect those at the call).
detached() { bash -c "${CI_CLOSE_FDS}; exec \"\$@\"" detached "$@" </dev/null; }

# start_daemon <name> <log file> <command...> — starts a long-running server in its own session with
# stdin from /dev/null, all output appended to <log file> and no other inherited descriptors, as a
# grandchild of this shell, so that neither .ci/run nor a test runner that called ctl.sh waits for it
# or owns it. Pid in $CI_RUN_DIR/<name>.pid.
start_daemon() {
  local name=$1 logfile=$2; shift 2
  local pidfile=$CI_RUN_DIR/$name.pid i
  mkdir -p "$CI_RUN_DIR" "$(dirname "$logfile")"
  rm -f "$pidfile"
  # shellcheck disable=SC2016  # $$ and $@ belong to the inner shell
  (setsid bash -c "${CI_CLOSE_FDS}"'; echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 &)
  for i in $(seq 100); do
    [ -s "$pidfile" ] && break
    sleep 0.05
  done
  [ -s "$pidfile" ] || die "${name} did not start (log: ${logfile})"
  cat "$pidfile"
}

# wait_server <seconds> <name> <pid> <log file> <probe...> — polls the probe until it succeeds; fails
# early when the server process exits. Returns 0 ready, 1 exited, 2 timed out (the caller decides).
wait_server() {
  local limit=$1 name=$2 pid=$3 logfile=$4; shift 4
  local deadline=$(($(date +%s) + limit))
  until "$@" >/dev/null 2>&1; do
    if ! pid_alive "$pid"; then
      log "${name} (pid ${pid}) exited during startup; last lines of ${logfile}:"
      tail -n 40 "$logfile" >&2 || true
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      log "${name} not ready after ${limit}s; last lines of ${logfile}:"
      tail -n 40 "$logfile" >&2 || true
      return 2
    fi
    sleep 0.3
  done
}

java_version() { java -version 2>&1 | head -n1; }

require_java17() {
  command -v java >/dev/null 2>&1 || die "java not found on PATH (Java 17 is needed for Kafka, S3Proxy, mongo-java-server)"
  local major
  major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  [ "${major:-0}" -ge 17 ] 2>/dev/null || die "Java 17+ needed, found: $(java_version)"
}

# mvn_copy_jar <name> <jar path> <artifact> — one self-contained jar (a server's standalone or exec jar)
# copied by Maven into the jar path's folder under .ci/cache, unless it is there already.
mvn_copy_jar() {
  local name=$1 jar=$2 artifact=$3 mlog=$CI_SERVICE_LOGS/mvn-$1.log
  if [ -s "$jar" ]; then
    log "${name}: $(basename "$jar") already in .ci/cache/$(basename "$(dirname "$jar")")"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH"
  mkdir -p "$(dirname "$jar")" "$CI_SERVICE_LOGS"
  log "${name}: fetching ${artifact} with Maven (log: ${mlog})"
  mvn -B -ntp "org.apache.maven.plugins:maven-dependency-plugin:${MAVEN_DEPENDENCY_PLUGIN_VERSION}:copy" \
    "-Dartifact=${artifact}" -DoutputDirectory="$(dirname "$jar")" >"$mlog" 2>&1 ||
    die "Maven could not fetch ${artifact} (log: ${mlog})"
  [ -s "$jar" ] || die "Maven fetched no $(basename "$jar") (log: ${mlog})"
}

# mvn_fetch <name> <dependencies xml> — resolves the dependencies and everything they need at run time
# into the local Maven repository and copies the jars to $CI_CACHE/<name>/lib. A stamp of the generated
# pom makes a warm run skip Maven entirely.
mvn_fetch() {
  local name=$1 deps=$2
  local dir=$CI_CACHE/$name pom sum jars attempt
  pom=$(cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by .ci/lib.sh (mvn_fetch ${name}); only used to fetch jars into lib/. -->
<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>emporium.ci</groupId>
  <artifactId>${name}-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
${deps}
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-dependency-plugin</artifactId>
          <version>${MAVEN_DEPENDENCY_PLUGIN_VERSION}</version>
        </plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
EOF
)
  sum=$(printf '%s' "$pom" | sha256sum | cut -c1-16)
  if [ -f "$dir/lib/.stamp" ] && [ "$(cat "$dir/lib/.stamp")" = "$sum" ]; then
    jars=$(find "$dir/lib" -name '*.jar' | wc -l)
    log "${name}: ${jars} jars already in .ci/cache/${name}/lib"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH"
  mkdir -p "$dir" "$CI_SERVICE_LOGS"
  printf '%s\n' "$pom" >"$dir/pom.xml"
  rm -rf "${dir:?}/lib"
  local mlog=$CI_SERVICE_LOGS/mvn-$name.log
  log "${name}: fetching jars with Maven (log: ${mlog})"
  for attempt in 1 2; do
    if mvn -B -ntp -f "$dir/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$dir/lib" >"$mlog" 2>&1; then
      break
    fi
    if [ "$attempt" -eq 2 ]; then
      grep -E '^\[ERROR\]' "$mlog" | head -n 20 >&2 || tail -n 30 "$mlog" >&2
      die "Maven could not fetch the ${name} jars (log: ${mlog})"
    fi
    log "Maven fetch for ${name} failed; retrying once in 5s"
    sleep 5
  done
  jars=$(find "$dir/lib" -name '*.jar' | wc -l)
  [ "$jars" -gt 0 ] || die "Maven fetched no jars for ${name} (log: ${mlog})"
  printf '%s\n' "$sum" >"$dir/lib/.stamp"
  log "${name}: ${jars} jars in .ci/cache/${name}/lib"
}

# ensure_node_tools — the pinned Node clients the round-trip checks use, in .ci/cache/node-tools
# (independent of the workspace's node_modules, which `npm ci` only installs later).
ensure_node_tools() {
  local want stamp=$CI_NODE_TOOLS/.stamp
  want="${CI_NODE_TOOL_DEPS[*]}"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d "$CI_NODE_TOOLS/node_modules" ]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm not found on PATH"
  log "installing check clients into .ci/cache/node-tools: ${want}"
  rm -rf "$CI_NODE_TOOLS"
  mkdir -p "$CI_NODE_TOOLS" "$CI_SERVICE_LOGS"
  printf '{ "name": "emporium-ci-node-tools", "private": true }\n' >"$CI_NODE_TOOLS/package.json"
  local nlog=$CI_SERVICE_LOGS/npm-node-tools.log attempt
  for attempt in 1 2; do
    if (cd "$CI_NODE_TOOLS" && npm install --no-audit --no-fund --no-package-lock --save-exact --loglevel=error \
      "${CI_NODE_TOOL_DEPS[@]}") >"$nlog" 2>&1; then
      break
    fi
    if [ "$attempt" -eq 2 ]; then
      tail -n 30 "$nlog" >&2
      die "npm install of the check clients failed (log: ${nlog})"
    fi
    log "npm install of the check clients failed; retrying once in 5s"
    sleep 5
  done
  printf '%s\n' "$want" >"$stamp"
}

# run_check <name> <script> [args...] — runs one of .ci/brokers/verify-*.mjs; its lines are logged.
run_check() {
  local name=$1 script=$2; shift 2
  ensure_node_tools
  local out line rc=0
  out=$(timeout 180 node --no-warnings "$CI_DIR/brokers/$script" "$@" 2>&1) || rc=$?
  while IFS= read -r line; do log "  ${line}"; done <<<"$out"
  [ "$rc" -eq 0 ] || die "${name} round-trip check failed (exit ${rc})"
}

# --- Redis (pre-started) ----------------------------------------------------------------------------

redis_ping() { [ "$(timeout 5 redis-cli -h 127.0.0.1 -p 6379 PING 2>/dev/null)" = PONG ]; }

ensure_redis() {
  command -v redis-cli >/dev/null 2>&1 || die "redis-cli not found (Redis is expected pre-installed)"
  if redis_ping; then
    log "Redis already answering on 127.0.0.1:6379"
  else
    log "Redis is down; starting it with the machine's command"
    as_root mkdir -p /var/lib/redis /var/log/redis
    detached redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null 2>&1 \
      || die "redis-server failed to start (log: /var/log/redis/ci.log)"
    wait_until 30 "Redis on 127.0.0.1:6379" redis_ping
  fi
  local key="emporium:ci:probe:$$" value="ok-$RANDOM" got version
  [ "$(redis-cli -h 127.0.0.1 -p 6379 SET "$key" "$value" EX 60)" = OK ] || die "Redis SET failed"
  got=$(redis-cli -h 127.0.0.1 -p 6379 GET "$key")
  redis-cli -h 127.0.0.1 -p 6379 DEL "$key" >/dev/null
  [ "$got" = "$value" ] || die "Redis GET returned '${got}', expected '${value}'"
  version=$(redis-cli -h 127.0.0.1 -p 6379 INFO server | tr -d '\r' | sed -n 's/^redis_version://p')
  log "Redis ${version} on 127.0.0.1:6379: PING, SET/GET round-trip ok"
}

# --- RabbitMQ (pre-started) -------------------------------------------------------------------------

RABBITMQ_CTL_LOG=$CI_SERVICE_LOGS/rabbitmq-ctl.log

# amqp_handshake_ok — the broker answers an AMQP 0-9-1 protocol header with a Connection.Start frame.
amqp_handshake_ok() {
  local first
  first=$(timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/5672; printf "AMQP\x00\x00\x09\x01" >&3; head -c 1 <&3' 2>/dev/null \
    | od -An -tx1 | tr -d ' \n' || true)
  [ "$first" = 01 ]
}

rabbitmqctl_q() { mkdir -p "$CI_SERVICE_LOGS"; timeout 150 rabbitmqctl -q "$@" 2>>"$RABBITMQ_CTL_LOG"; }

# rabbitmq_start — starts the node if needed; returns when it is fully booted and speaks AMQP.
rabbitmq_start() {
  command -v rabbitmqctl >/dev/null 2>&1 || die "rabbitmqctl not found (RabbitMQ is expected pre-installed)"
  mkdir -p "$CI_SERVICE_LOGS"
  if ! port_open 5672; then
    log "starting RabbitMQ (rabbitmq-server -detached)"
    detached rabbitmq-server -detached >>"$RABBITMQ_CTL_LOG" 2>&1 \
      || die "rabbitmq-server -detached failed (log: ${RABBITMQ_CTL_LOG}, /var/log/rabbitmq/)"
  fi
  wait_until 120 "RabbitMQ node boot" rabbitmqctl_q await_startup --timeout 10
  wait_until 60 "RabbitMQ AMQP listener on 127.0.0.1:5672" amqp_handshake_ok
}

# rabbitmq_stop — stops the whole node (every client connection drops; durable queues and persistent
# messages stay on disk); returns when the node process is gone and 5672 refuses connections.
rabbitmq_stop() {
  local pid
  pid=$(listener_pid 5672)
  if [ -z "$pid" ] && port_closed 5672; then
    log "RabbitMQ already stopped"
    return 0
  fi
  log "stopping RabbitMQ (rabbitmqctl shutdown)"
  rabbitmqctl_q shutdown >/dev/null || log "rabbitmqctl shutdown reported an error (see ${RABBITMQ_CTL_LOG}); waiting for the node anyway"
  local deadline=$(($(date +%s) + 60))
  while { [ -n "$pid" ] && pid_alive "$pid"; } || port_open 5672; do
    [ "$(date +%s)" -lt "$deadline" ] || die "RabbitMQ still running 60s after rabbitmqctl shutdown"
    sleep 0.3
  done
  log "RabbitMQ stopped: 127.0.0.1:5672 refuses connections"
}

ensure_rabbitmq() {
  if port_open 5672; then log "RabbitMQ already listening on 127.0.0.1:5672"; fi
  rabbitmq_start
  local flags
  flags=$(rabbitmqctl_q list_feature_flags name state || true)
  if ! grep -qE '^quorum_queue[[:space:]]+enabled' <<<"$flags"; then
    log "enabling the quorum_queue feature flag"
    rabbitmqctl_q enable_feature_flag quorum_queue >/dev/null || die "could not enable quorum queues"
  fi
  log "RabbitMQ $(rabbitmqctl_q version | head -n1) on $(rabbitmqctl_q eval 'erlang:system_info(otp_release).' | tr -d '"' | sed 's/^/Erlang\/OTP /')"
  run_check "RabbitMQ" verify-amqp.mjs "amqp://guest:guest@127.0.0.1:5672"
}

# --- Memcached (Debian package) ---------------------------------------------------------------------

# memcached_talk <commands> — sends raw text-protocol commands (\r\n-separated, ending in quit) and prints the replies.
memcached_talk() {
  # shellcheck disable=SC2016  # $0 belongs to the inner shell
  timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/11211; printf "%b" "$0" >&3; cat <&3' "$1" 2>/dev/null | tr -d '\r'
}
memcached_version_ok() {
  local reply
  reply=$(memcached_talk 'version\r\nquit\r\n' || true)
  grep -q '^VERSION ' <<<"$reply"
}

ensure_memcached() {
  if ! memcached_version_ok; then
    if ! command -v memcached >/dev/null 2>&1 && [ ! -x /usr/bin/memcached ]; then
      log "installing Debian package memcached"
      apt_install memcached
    fi
    # The package's init script may already have started it (same address, port and size).
    if ! memcached_version_ok; then
      local user=memcache
      id -u memcache >/dev/null 2>&1 || user=root
      log "starting memcached on 127.0.0.1:11211 (-m 64, user ${user})"
      detached /usr/bin/memcached -d -l 127.0.0.1 -p 11211 -m 64 -u "$user" >/dev/null 2>&1 \
        || die "memcached failed to start"
      wait_until 20 "memcached on 127.0.0.1:11211" memcached_version_ok
    fi
  else
    log "memcached already answering on 127.0.0.1:11211"
  fi
  local key="emporium-ci-probe-$$" value="ok-$RANDOM" out version
  out=$(memcached_talk "version\r\nset ${key} 0 60 ${#value}\r\n${value}\r\nget ${key}\r\ndelete ${key}\r\nquit\r\n")
  version=$(sed -n 's/^VERSION //p' <<<"$out")
  [ -n "$version" ] || die "memcached did not answer 'version' (got: ${out})"
  grep -qx STORED <<<"$out" || die "memcached set failed (got: ${out})"
  grep -qx "$value" <<<"$out" || die "memcached get did not return the stored value (got: ${out})"
  log "memcached ${version} on 127.0.0.1:11211: version, set/get round-trip ok"
}

# --- Kafka (KRaft, single combined broker+controller) -----------------------------------------------

kafka_fetch() {
  require_java17
  mvn_fetch kafka "    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
    <dependency><groupId>ch.qos.reload4j</groupId><artifactId>reload4j</artifactId><version>1.2.25</version></dependency>"
}

kafka_write_config() {
  mkdir -p "$KAFKA_HOME_DIR" "$KAFKA_DATA_DIR" "$CI_SERVICE_LOGS"
  cat >"$KAFKA_HOME_DIR/server.properties" <<EOF
# Generated by .ci/lib.sh (kafka_write_config): single-node KRaft broker+controller for the test suites.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://127.0.0.1:9092
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${KAFKA_DATA_DIR}
num.partitions=3
auto.create.topics.enable=true
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
log.retention.hours=24
EOF
  cat >"$KAFKA_HOME_DIR/log4j.properties" <<'EOF'
# Generated by .ci/lib.sh: everything to stdout, which ends up in .ci/cache/logs/kafka.log.
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
EOF
}

kafka_java() {
  java -Xmx256m -cp "$KAFKA_HOME_DIR/lib/*" -Dlog4j.configuration="file:$KAFKA_HOME_DIR/log4j.properties" "$@"
}

kafka_format() {
  local id
  rm -rf "$KAFKA_DATA_DIR"
  mkdir -p "$KAFKA_DATA_DIR"
  id=$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$KAFKA_LOG" | tail -n1)
  [ -n "$id" ] || die "kafka StorageTool random-uuid failed (log: ${KAFKA_LOG})"
  log "formatting Kafka storage in .ci/cache/kafka-data (cluster id ${id})"
  kafka_java kafka.tools.StorageTool format -t "$id" -c "$KAFKA_HOME_DIR/server.properties" >>"$KAFKA_LOG" 2>&1 \
    || die "kafka storage format failed (log: ${KAFKA_LOG})"
}

# kafka_pid — pid of this checkout's Kafka (by its listener, else by its pid file), empty if none.
kafka_pid() {
  local pid
  pid=$(listener_pid 9092)
  [ -n "$pid" ] || pid=$(listener_pid 9093)
  if [ -z "$pid" ] && [ -s "$CI_RUN_DIR/kafka.pid" ]; then pid=$(cat "$CI_RUN_DIR/kafka.pid"); fi
  if [ -n "$pid" ] && pid_alive "$pid" && proc_has_arg "$pid" "-Demporium.ci.service=$KAFKA_MARKER" \
    && proc_has_arg "$pid" "-Demporium.ci.home=$CI_CACHE"; then
    echo "$pid"
  fi
}

kafka_started_since() { # <log offset>
  local since
  port_open 9092 || return 1
  since=$(tail -c +"$(($1 + 1))" "$KAFKA_LOG" 2>/dev/null || true)
  grep -q 'Kafka Server started' <<<"$since"
}

# kafka_launch — starts the broker on the existing data dir; returns 0 when it serves 127.0.0.1:9092.
# (Called as `kafka_launch || rc=$?`, so errexit is off inside: every failure is returned explicitly.)
kafka_launch() {
  local offset pid marks=()
  mapfile -t marks < <(ci_java_marks "$KAFKA_MARKER")
  offset=$(stat -c %s "$KAFKA_LOG" 2>/dev/null || echo 0)
  pid=$(start_daemon kafka "$KAFKA_LOG" java -Xms512m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true "${marks[@]}" \
    -Dlog4j.configuration="file:$KAFKA_HOME_DIR/log4j.properties" \
    -cp "$KAFKA_HOME_DIR/lib/*" kafka.Kafka "$KAFKA_HOME_DIR/server.properties") || return 1
  log "Kafka ${KAFKA_VERSION} starting (pid ${pid}, log .ci/cache/logs/kafka.log)"
  wait_server 120 "Kafka" "$pid" "$KAFKA_LOG" kafka_started_since "$offset"
}

# kafka_start — idempotent: returns when this checkout's Kafka accepts connections on 127.0.0.1:9092.
kafka_start() {
  local state
  state=$(ci_server_state 9092 "$KAFKA_MARKER")
  if [ "$state" = ours ]; then
    log "Kafka already running (pid $(listener_pid 9092))"
    return 0
  fi
  free_port_for 9092 "$KAFKA_MARKER" Kafka
  free_port_for 9093 "$KAFKA_MARKER" "Kafka controller"
  local leftover
  leftover=$(kafka_pid)
  [ -z "$leftover" ] || stop_pid "$leftover" Kafka 60   # ours, but not listening (hung or half started)
  kafka_fetch
  kafka_write_config
  local fresh=0
  if [ ! -f "$KAFKA_DATA_DIR/meta.properties" ]; then kafka_format; fresh=1; fi
  local rc=0
  kafka_launch || rc=$?
  if [ "$rc" -ne 0 ] && [ "$fresh" -eq 0 ]; then
    log "WARNING: Kafka did not start on its existing data dir; wiping .ci/cache/kafka-data and retrying once"
    leftover=$(kafka_pid)
    [ -z "$leftover" ] || stop_pid "$leftover" Kafka 30
    kafka_format
    rc=0
    kafka_launch || rc=$?
  fi
  [ "$rc" -eq 0 ] || die "Kafka did not start (log: ${KAFKA_LOG})"
  log "Kafka is up on 127.0.0.1:9092 (pid $(kafka_pid))"
}

# kafka_stop [TERM|KILL] — stops this checkout's Kafka (SIGTERM: controlled shutdown; KILL: crash);
# returns when the JVM is gone and 9092 refuses connections.
kafka_stop() {
  local sig=${1:-TERM} pid
  pid=$(kafka_pid)
  if [ -z "$pid" ]; then
    if port_open 9092; then die "127.0.0.1:9092 is served by a process this checkout did not start: $(proc_desc "$(listener_pid 9092)")"; fi
    log "Kafka already stopped"
    return 0
  fi
  if [ "$sig" = KILL ]; then
    log "killing Kafka (pid ${pid}) with SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 30 "Kafka JVM to exit" pid_gone "$pid"
  else
    log "stopping Kafka (pid ${pid}) with SIGTERM"
    stop_pid "$pid" Kafka 60
  fi
  wait_until 30 "127.0.0.1:9092 to close" port_closed 9092
  rm -f "$CI_RUN_DIR/kafka.pid"
  log "Kafka stopped: 127.0.0.1:9092 refuses connections"
}

ensure_kafka() {
  require_java17
  log "Java: $(java_version); Kafka ${KAFKA_VERSION} (org.apache.kafka:kafka_2.13), KRaft single node"
  kafka_start
  run_check "Kafka" verify-kafka.mjs 127.0.0.1:9092
}

# --- S3 (S3Proxy, filesystem backend) ---------------------------------------------------------------

s3_fetch() {
  require_java17
  mvn_fetch s3proxy "    <dependency>
      <groupId>org.gaul</groupId><artifactId>s3proxy</artifactId><version>${S3PROXY_VERSION}</version>
      <classifier>jar-with-dependencies</classifier>
      <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>
    </dependency>"
}

s3_write_config() {
  mkdir -p "$S3PROXY_DIR" "$S3_DATA_DIR"
  cat >"$S3PROXY_DIR/s3proxy.properties" <<EOF
# Generated by .ci/lib.sh (s3_write_config): S3 API on 127.0.0.1:9000, path-style, fixed test credentials.
s3proxy.endpoint=http://127.0.0.1:9000
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=${S3_ACCESS_KEY}
s3proxy.credential=${S3_SECRET_KEY}
s3proxy.cors-allow-all=true
jclouds.provider=filesystem
jclouds.identity=${S3_ACCESS_KEY}
jclouds.credential=${S3_SECRET_KEY}
jclouds.filesystem.basedir=${S3_DATA_DIR}
EOF
}

ensure_s3() {
  require_java17
  s3_fetch
  local state pid marks=()
  state=$(ci_server_state 9000 "$S3_MARKER")
  if [ "$state" = ours ]; then
    log "S3Proxy already running (pid $(listener_pid 9000))"
  else
    free_port_for 9000 "$S3_MARKER" S3Proxy
    s3_write_config
    mapfile -t marks < <(ci_java_marks "$S3_MARKER")
    pid=$(LOG_LEVEL=warn start_daemon s3proxy "$S3_LOG" java -Xmx384m -XX:+ExitOnOutOfMemoryError "${marks[@]}" \
      -jar "$S3PROXY_DIR/lib/s3proxy-${S3PROXY_VERSION}-jar-with-dependencies.jar" \
      --properties "$S3PROXY_DIR/s3proxy.properties")
    log "S3Proxy ${S3PROXY_VERSION} starting (pid ${pid}, data .ci/cache/s3-data, log .ci/cache/logs/s3proxy.log)"
    wait_server 90 S3Proxy "$pid" "$S3_LOG" port_open 9000 || die "S3Proxy did not start (log: ${S3_LOG})"
  fi
  log "S3Proxy ${S3PROXY_VERSION} (org.gaul:s3proxy:jar-with-dependencies) on http://127.0.0.1:9000, filesystem backend, path-style"
  run_check "S3" verify-s3.mjs
}

# compile_launcher <dir> <class> — compiles .ci/brokers/<class>.java against <dir>/lib into <dir>/classes
# when the class is missing or older than its source or the jars.
compile_launcher() {
  local dir=$1 name=$2
  local src=$CI_DIR/brokers/$name.java cls=$dir/classes/$name.class
  if [ ! -f "$cls" ] || [ "$src" -nt "$cls" ] || [ "$dir/lib/.stamp" -nt "$cls" ]; then
    log "compiling .ci/brokers/${name}.java"
    rm -rf "$dir/classes"
    mkdir -p "$dir/classes"
    javac -nowarn -d "$dir/classes" -cp "$dir/lib/*" "$src" || die "javac ${name}.java failed"
  fi
}

# --- MongoDB wire protocol (mongo-java-server, in-memory backend) -----------------------------------

mongo_fetch() {
  require_java17
  mvn_fetch mongo "    <dependency><groupId>de.bwaldvogel</groupId><artifactId>mongo-java-server-memory-backend</artifactId><version>${MONGO_JAVA_SERVER_VERSION}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>2.0.17</version></dependency>"
  compile_launcher "$MONGO_DIR" EmporiumMongoServer
}

ensure_mongo() {
  require_java17
  mongo_fetch
  local state pid marks=()
  state=$(ci_server_state 27017 "$MONGO_MARKER")
  if [ "$state" = ours ]; then
    log "mongo-java-server already running (pid $(listener_pid 27017))"
  else
    free_port_for 27017 "$MONGO_MARKER" mongo-java-server
    mapfile -t marks < <(ci_java_marks "$MONGO_MARKER")
    pid=$(start_daemon mongo "$MONGO_LOG" java -Xmx512m -XX:+ExitOnOutOfMemoryError "${marks[@]}" \
      -Dorg.slf4j.simpleLogger.logFile=System.out -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -Dorg.slf4j.simpleLogger.log.EmporiumMongoServer=info \
      -cp "$MONGO_DIR/classes:$MONGO_DIR/lib/*" EmporiumMongoServer 127.0.0.1 27017)
    log "mongo-java-server ${MONGO_JAVA_SERVER_VERSION} starting (pid ${pid}, in-memory, log .ci/cache/logs/mongo.log)"
    wait_server 60 mongo-java-server "$pid" "$MONGO_LOG" port_open 27017 || die "mongo-java-server did not start (log: ${MONGO_LOG})"
  fi
  log "mongo-java-server ${MONGO_JAVA_SERVER_VERSION} (de.bwaldvogel:mongo-java-server-memory-backend) on 127.0.0.1:27017"
  run_check "MongoDB" verify-mongo.mjs mongodb://127.0.0.1:27017
}

# --- OpenSearch (the log store; the server's jars with the Netty4 plugin, no distribution) ---------

opensearch_fetch() {
  require_java17
  # Not org.opensearch.test:framework (nor randomizedtesting/junit): with those on the classpath the node
  # believes it runs inside OpenSearch's own tests and refuses to start.
  mvn_fetch opensearch "    <dependency><groupId>org.opensearch</groupId><artifactId>opensearch</artifactId><version>${OPENSEARCH_VERSION}</version></dependency>
    <dependency><groupId>org.opensearch.plugin</groupId><artifactId>transport-netty4-client</artifactId><version>${OPENSEARCH_VERSION}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.25.4</version></dependency>"
  compile_launcher "$OPENSEARCH_DIR" EmporiumOpenSearchServer
}

# opensearch_ready — the node answers as OpenSearch of our version and its cluster is at least yellow.
opensearch_ready() {
  local root health
  root=$(curl -fsS --max-time 5 http://127.0.0.1:9200/ 2>/dev/null) || return 1
  [[ $root == *'"distribution" : "opensearch"'* && $root == *"\"number\" : \"${OPENSEARCH_VERSION}\""* ]] || return 1
  health=$(curl -fsS --max-time 5 'http://127.0.0.1:9200/_cluster/health?wait_for_status=yellow&timeout=4s' 2>/dev/null) || return 1
  [[ $health == *'"status":"green"'* || $health == *'"status":"yellow"'* ]]
}

# opensearch_round_trip — index a document, find it by a search, delete the index.
opensearch_round_trip() {
  local index=ci-round-trip-$$ url=http://127.0.0.1:9200 found
  curl -fsS --max-time 30 -X PUT "$url/$index/_doc/1?refresh=true" -H 'content-type: application/json' \
    -d '{"msg":"ci round trip"}' >/dev/null || return 1
  found=$(curl -fsS --max-time 30 "$url/$index/_search?q=msg:round" 2>/dev/null) || return 1
  curl -fsS --max-time 30 -X DELETE "$url/$index" >/dev/null || return 1
  [[ $found == *'"ci round trip"'* ]]
}

ensure_opensearch() {
  require_java17
  opensearch_fetch
  local state pid marks=()
  state=$(ci_server_state 9200 "$OPENSEARCH_MARKER")
  if [ "$state" = ours ]; then
    log "OpenSearch already running (pid $(listener_pid 9200))"
  else
    free_port_for 9200 "$OPENSEARCH_MARKER" OpenSearch
    mkdir -p "$OPENSEARCH_HOME"
    mapfile -t marks < <(ci_java_marks "$OPENSEARCH_MARKER")
    # Two cores shared by every server here: a small heap is plenty for test logs.
    pid=$(start_daemon opensearch "$OPENSEARCH_LOG" java -Xms256m -Xmx512m -XX:+ExitOnOutOfMemoryError "${marks[@]}" \
      -Dlog4j2.disable.jmx=true -Dopensearch.path.home="$OPENSEARCH_HOME" \
      -cp "$OPENSEARCH_DIR/classes:$OPENSEARCH_DIR/lib/*" EmporiumOpenSearchServer "$OPENSEARCH_HOME" 9200)
    log "OpenSearch ${OPENSEARCH_VERSION} starting (pid ${pid}, data .ci/cache/opensearch-home, log .ci/cache/logs/opensearch.log)"
    wait_server 180 OpenSearch "$pid" "$OPENSEARCH_LOG" opensearch_ready || die "OpenSearch did not start (log: ${OPENSEARCH_LOG})"
  fi
  opensearch_ready || die "OpenSearch on 127.0.0.1:9200 is not ${OPENSEARCH_VERSION} with a yellow or green cluster"
  opensearch_round_trip || die "OpenSearch round-trip check (index, search, delete) failed"
  log "OpenSearch ${OPENSEARCH_VERSION} (org.opensearch:opensearch + transport-netty4-client) on http://127.0.0.1:9200, single node"
}

# --- Zipkin (the trace backend for the tracing system test; one exec jar, in-memory storage) --------

zipkin_fetch() {
  mvn_copy_jar zipkin "$ZIPKIN_DIR/zipkin-server-$ZIPKIN_VERSION-exec.jar" "io.zipkin:zipkin-server:${ZIPKIN_VERSION}:jar:exec"
}

# zipkin_ready — /health says UP and /info names our version (read whole, then matched).
zipkin_ready() {
  local health info
  health=$(curl -fsS --max-time 5 http://127.0.0.1:9411/health 2>/dev/null) || return 1
  info=$(curl -fsS --max-time 5 http://127.0.0.1:9411/info 2>/dev/null) || return 1
  [[ $health == *'"status" : "UP"'* && $info == *"\"version\":\"${ZIPKIN_VERSION}\""* ]]
}

ensure_zipkin() {
  require_java17
  zipkin_fetch
  local state pid marks=()
  state=$(ci_server_state 9411 "$ZIPKIN_MARKER")
  if [ "$state" = ours ]; then
    log "Zipkin already running (pid $(listener_pid 9411))"
  else
    free_port_for 9411 "$ZIPKIN_MARKER" Zipkin
    mapfile -t marks < <(ci_java_marks "$ZIPKIN_MARKER")
    pid=$(start_daemon zipkin "$ZIPKIN_LOG" env STORAGE_TYPE=mem QUERY_PORT=9411 \
      java -Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError "${marks[@]}" \
      -jar "$ZIPKIN_DIR/zipkin-server-$ZIPKIN_VERSION-exec.jar")
    log "Zipkin ${ZIPKIN_VERSION} starting (pid ${pid}, in-memory storage, log .ci/cache/logs/zipkin.log)"
    wait_server 120 Zipkin "$pid" "$ZIPKIN_LOG" zipkin_ready || die "Zipkin did not start (log: ${ZIPKIN_LOG})"
  fi
  zipkin_ready || die "Zipkin on 127.0.0.1:9411 is not ${ZIPKIN_VERSION} or not UP"
  log "Zipkin ${ZIPKIN_VERSION} (io.zipkin:zipkin-server exec jar) on http://127.0.0.1:9411"
}

# --- GreenMail (the SMTP server identity's SMTP mailer is tested against; one standalone jar) --------

greenmail_fetch() {
  mvn_copy_jar greenmail "$GREENMAIL_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar" \
    "com.icegreen:greenmail-standalone:${GREENMAIL_VERSION}"
}

# greenmail_ready — the REST API says the service runs and names SMTP on our port (read whole, then matched).
greenmail_ready() {
  local ready config
  ready=$(curl -fsS --max-time 5 "http://127.0.0.1:${GREENMAIL_API_PORT}/api/service/readiness" 2>/dev/null) || return 1
  config=$(curl -fsS --max-time 5 "http://127.0.0.1:${GREENMAIL_API_PORT}/api/configuration" 2>/dev/null) || return 1
  [[ $ready == *'Service running'* && $config == *"\"port\":${GREENMAIL_SMTP_PORT}"* ]] && port_open "$GREENMAIL_SMTP_PORT"
}

ensure_greenmail() {
  require_java17
  greenmail_fetch
  local state pid marks=()
  state=$(ci_server_state "$GREENMAIL_SMTP_PORT" "$GREENMAIL_MARKER")
  if [ "$state" = ours ]; then
    log "GreenMail already running (pid $(listener_pid "$GREENMAIL_SMTP_PORT"))"
  else
    free_port_for "$GREENMAIL_SMTP_PORT" "$GREENMAIL_MARKER" GreenMail
    free_port_for "$GREENMAIL_API_PORT" "$GREENMAIL_MARKER" "GreenMail API"
    mapfile -t marks < <(ci_java_marks "$GREENMAIL_MARKER")
    pid=$(start_daemon greenmail "$GREENMAIL_LOG" \
      java -Xms32m -Xmx128m -XX:+ExitOnOutOfMemoryError "${marks[@]}" \
      -Dgreenmail.setup.test.smtp -Dgreenmail.hostname=127.0.0.1 \
      -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=${GREENMAIL_API_PORT}" \
      -jar "$GREENMAIL_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar")
    log "GreenMail ${GREENMAIL_VERSION} starting (pid ${pid}, log .ci/cache/logs/greenmail.log)"
    wait_server 60 GreenMail "$pid" "$GREENMAIL_LOG" greenmail_ready || die "GreenMail did not start (log: ${GREENMAIL_LOG})"
  fi
  greenmail_ready || die "GreenMail on 127.0.0.1:${GREENMAIL_SMTP_PORT} (API ${GREENMAIL_API_PORT}) is not ready"
  log "GreenMail ${GREENMAIL_VERSION} (com.icegreen:greenmail-standalone): SMTP on 127.0.0.1:${GREENMAIL_SMTP_PORT}, REST API on http://127.0.0.1:${GREENMAIL_API_PORT}"
}
