#!/usr/bin/env bash
# The local stack in one command: builds what is missing or outdated, then hands over to the Java
# launcher in infra/local-stack, which starts, stops and checks everything.
#
#   ./run.sh                      everything in the foreground; Ctrl-C stops it
#   ./run.sh start | stop | status
#   ./run.sh token <sub> <ROLE>   a token from the local identity provider (ROLE: PARENT, STAFF or SERVICE) on the last line
#   ./run.sh replay-dlq <topic>   send a dead-letter topic's records back to their topic (after a fix)
#   ./run.sh simulate [options]   station devices sending readings to the running stack (infra/load-tools)
#   ./run.sh bench [options]      load figures of the running stack into docs/benchmarks.md (infra/load-tools)
#   ./run.sh fuzz [--minutes N] [--seed S] [--jazzer Class#method]
#                                 hostile requests against the running stack for N minutes (default 1), then
#                                 the in-process fuzz targets for N minutes in all; --jazzer instead lets Jazzer
#                                 fuzz one @FuzzTest for N minutes (coverage-guided)
#
# State (Kafka log, store file, the identity provider's signing key, logs, pid files) lives in DATA_DIR,
# default ./data. STACK_PROFILE=production starts the services without the local profile (real secrets
# from the environment, as deployed; README, "Identity").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

command="${1:-run}"
case "$command" in
  run | start | stop | status | token | replay-dlq | simulate | bench | fuzz | help | -h | --help) ;;
  *)
    echo "unknown command '$command': use run, start, stop, status, token <sub> <ROLE>, replay-dlq <topic>, simulate, bench or fuzz" >&2
    exit 2
    ;;
esac

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$JAVA" >/dev/null 2>&1; then
  echo "java not found: install a JDK 17 or newer, or set JAVA_HOME" >&2
  exit 1
fi
java_major="$("$JAVA" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p')"
if [[ -z "$java_major" || "$java_major" -lt 17 ]]; then
  echo "Java 17 or newer is needed, found: $("$JAVA" -version 2>&1 | head -n 1)" >&2
  exit 1
fi

DATA_DIR="${DATA_DIR:-$ROOT/data}"
mkdir -p "$DATA_DIR/logs"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"
export DATA_DIR

SERVICES=(registration-service station-monitoring-service notification-service)
LAUNCHER="infra/local-stack/target/classes/org/zhonglou/stack/StackCli.class"
LAUNCHER_LIB="infra/local-stack/target/lib"
LOAD_TOOLS="infra/load-tools/target/classes/org/zhonglou/loadtools/simulate/SimulatorMain.class"
LOAD_TOOLS_LIB="infra/load-tools/target/lib"
STAMP="infra/local-stack/target/run-sh-build.stamp"
BUILD_LOG="$DATA_DIR/logs/build.log"

needed_outputs() {
  if [[ "$1" == load-tools ]]; then
    echo "$LOAD_TOOLS"
    echo "$LOAD_TOOLS_LIB"
    return
  fi
  echo "$LAUNCHER"
  echo "$LAUNCHER_LIB"
  if [[ "$1" == full ]]; then
    for service in "${SERVICES[@]}"; do
      echo "services/$service/target/$service.jar"
    done
    echo "infra/identity-provider/target/identity-provider.jar"
    echo "console/target/console.jar"
  fi
}

# Outdated means: a main source or a pom changed after the last build by this script (or, before the
# first one, after the oldest output, e.g. jars left by `./mvnw verify`). Test sources do not count:
# they change no jar.
needs_build() {
  local scope="$1" output reference
  while read -r output; do
    [[ -e "$output" ]] || return 0
  done < <(needed_outputs "$scope")
  [[ "$scope" == full ]] || return 1
  reference="$STAMP"
  if [[ ! -e "$reference" ]]; then
    reference="$(needed_outputs full | xargs ls -td | tail -n 1)"
  fi
  [[ -n "$(find "$ROOT" \( -path "$ROOT/data" -o -path "$DATA_DIR" -o -name target -o -name .git \
    -o -name node_modules \) -prune -o -type f \( -path '*/src/main/*' -o -name pom.xml -o -path "$ROOT/console/web/src/*" \
    -o -path "$ROOT/console/web/package*.json" \) \
    -newer "$reference" -print -quit)" ]]
}

build() {
  local scope="$1"
  local args=(-q -B -ntp -Dmaven.test.skip=true)
  case "$scope" in
    launcher) args+=(-pl infra/local-stack -am) ;;
    load-tools) args+=(-pl infra/load-tools -am) ;;
  esac
  if [[ -d "$HOME/.m2/repository/org/springframework/boot" ]]; then
    echo "building ..." >&2
  else
    echo "building (the first build downloads ~300 MB of dependencies and takes a few minutes) ..." >&2
  fi
  if ! ./mvnw "${args[@]}" package >"$BUILD_LOG" 2>&1; then
    echo "build failed; last lines of $BUILD_LOG:" >&2
    tail -n 40 "$BUILD_LOG" >&2
    exit 1
  fi
  if [[ "$scope" == full ]]; then
    touch "$STAMP"
  fi
}

# Starting needs every jar up to date; stop, status and token need only the launcher itself.
case "$command" in
  run | start) scope=full ;;
  simulate | bench | fuzz) scope=load-tools ;;
  *) scope=launcher ;;
esac
if needs_build "$scope"; then
  build "$scope"
fi

# The fuzz targets of the build (services/*/src/test/.../fuzz), run longer than ./mvnw verify runs them.
# Maven reads extra flags from MAVEN_ARGS (e.g. MAVEN_ARGS=-o inside a network namespace).
FUZZ_MODULES=services/registration-service,services/station-monitoring-service,services/notification-service
FUZZ_TARGETS=8
fuzz() {
  local minutes=1 seed="" jazzer="" http_args=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --minutes) minutes="$2"; shift 2 ;;
      --seed) seed="$2"; shift 2 ;;
      --jazzer) jazzer="$2"; shift 2 ;;
      *) echo "unknown fuzz option '$1': use --minutes N, --seed S, --jazzer Class#method" >&2; exit 2 ;;
    esac
  done
  if ! [[ "$minutes" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
    echo "--minutes needs a number" >&2
    exit 2
  fi
  local seconds
  seconds="$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')"
  local maven=(./mvnw -B -ntp -pl "$FUZZ_MODULES" -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
    -Dfailsafe.failIfNoSpecifiedTests=false)
  if [[ -n "$jazzer" ]]; then
    echo "Jazzer fuzzing $jazzer for ${seconds}s (findings go to that test's Inputs directory under src/test/resources)"
    # Connections from the broker and store threads are allowed until the test narrows them to loopback.
    JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" JAZZER_SSRF_PERMISSIVE_UNTIL_CONFIGURED=1 \
      "${maven[@]}" -Dit.test="$jazzer"
    return
  fi
  http_args=(--minutes "$minutes")
  [[ -n "$seed" ]] && http_args+=(--seed "$seed")
  local status=0
  "$JAVA" -Xmx256m -XX:+UseSerialGC -Dzhonglou.stack.root="$ROOT" \
    -cp "$ROOT/infra/load-tools/target/classes:$ROOT/$LOAD_TOOLS_LIB/*" org.zhonglou.loadtools.fuzz.FuzzMain \
    "${http_args[@]}" || status=$?
  local per_target=$(( seconds / FUZZ_TARGETS > 1 ? seconds / FUZZ_TARGETS : 1 ))
  echo "in-process fuzz targets, ${per_target}s each (log: $DATA_DIR/logs/fuzz-targets.log)"
  if "${maven[@]}" -Dzhonglou.fuzz.only -Dzhonglou.fuzz.seconds="$per_target" \
      ${seed:+-Dzhonglou.fuzz.seed="$seed"} >"$DATA_DIR/logs/fuzz-targets.log" 2>&1; then
    grep -ah 'Fuzz target' "$ROOT"/services/*/target/failsafe-reports/*FuzzIT-output.txt 2>/dev/null \
      | sed -E 's/.*(Fuzz target)/  \1/' || true
    echo "in-process fuzz targets: all invariants held"
  else
    grep -E 'Tests run:|FAIL|Fuzz target' "$DATA_DIR/logs/fuzz-targets.log" | head -n 20 >&2
    echo "in-process fuzz targets failed; inputs under services/*/target/fuzz-findings" >&2
    status=1
  fi
  return "$status"
}
if [[ "$command" == fuzz ]]; then
  shift
  fuzz "$@"
  exit $?
fi

case "$command" in
  simulate) tool=org.zhonglou.loadtools.simulate.SimulatorMain ;;
  bench) tool=org.zhonglou.loadtools.bench.BenchMain ;;
  *) tool="" ;;
esac
if [[ -n "$tool" ]]; then
  shift
  exec "$JAVA" -Xmx256m -XX:+UseSerialGC -Dzhonglou.stack.root="$ROOT" \
    -cp "$ROOT/infra/load-tools/target/classes:$ROOT/$LOAD_TOOLS_LIB/*" "$tool" "$@"
fi

exec "$JAVA" -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dzhonglou.stack.root="$ROOT" \
  -cp "$ROOT/infra/local-stack/target/classes:$ROOT/$LAUNCHER_LIB/*" org.zhonglou.stack.StackCli "$@"
