#!/usr/bin/env bash
# One-shot set-up of the compose Kafka cluster (the kafka-init container), idempotent on every `up`:
# topics with their partitions and replication, one SCRAM-SHA-512 user per service, and the ACLs of
# infra/kafka-access (KafkaAccess): each service writes only its own topics, reads the topics it consumes
# with its own consumer groups, and keeps its own dead-letter topics (<topic>.<group>.dlq) and replay
# groups. ComposeFileTest checks the table below against KafkaAccess, line by line.
#
# It logs in as the admin over the brokers' internal PLAIN listener (port 9094), which needs no SCRAM
# credential in the metadata yet.
set -euo pipefail

BOOTSTRAP=kafka-1:9094,kafka-2:9094,kafka-3:9094
BIN=/opt/kafka/bin
ADMIN_CONFIG="$(mktemp)"
trap 'rm -f "$ADMIN_CONFIG"' EXIT
cat >"$ADMIN_CONFIG" <<CONFIG
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?}";
CONFIG

for topic in registration.enrollments.v1 station.readings.v1 station.alerts.v1 station.commands.v1; do
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" \
    --create --if-not-exists --topic "$topic" --partitions 6 --replication-factor 3 \
    --config min.insync.replicas=2
done

user_password() {
  case "$1" in
    registration-service) echo "${KAFKA_REGISTRATION_PASSWORD:?}" ;;
    station-monitoring-service) echo "${KAFKA_STATION_MONITORING_PASSWORD:?}" ;;
    notification-service) echo "${KAFKA_NOTIFICATION_PASSWORD:?}" ;;
    *) echo "unknown user $1" >&2; return 1 ;;
  esac
}

for user in registration-service station-monitoring-service notification-service; do
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --alter \
    --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$(user_password "$user")]"
done

# user  resource type  resource name (literal)  allowed operations
while read -r user type name operations; do
  args=()
  for operation in ${operations//,/ }; do
    args+=(--operation "$operation")
  done
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add \
    --allow-principal "User:$user" "${args[@]}" "--$type" "$name" --resource-pattern-type literal >/dev/null
done <<'ACLS'
registration-service        topic  registration.enrollments.v1                                       Write,Describe
station-monitoring-service  topic  station.readings.v1                                               Write,Describe
station-monitoring-service  topic  station.alerts.v1                                                 Write,Describe
station-monitoring-service  topic  station.commands.v1                                               Write,Describe
station-monitoring-service  topic  station.readings.v1                                               Read,Describe
station-monitoring-service  group  station-monitoring-service                                        Read,Describe
station-monitoring-service  topic  station.readings.v1.station-monitoring-service.dlq                Create,Write,Read,Describe
station-monitoring-service  group  station.readings.v1.station-monitoring-service.dlq.replay         Read,Describe
station-monitoring-service  topic  station.readings.v1                                               Read,Describe
station-monitoring-service  group  station-monitoring-service-alerts                                 Read,Describe
station-monitoring-service  topic  station.readings.v1.station-monitoring-service-alerts.dlq         Create,Write,Read,Describe
station-monitoring-service  group  station.readings.v1.station-monitoring-service-alerts.dlq.replay  Read,Describe
notification-service        topic  station.alerts.v1                                                 Read,Describe
notification-service        group  notification-service                                              Read,Describe
notification-service        topic  station.alerts.v1.notification-service.dlq                        Create,Write,Read,Describe
notification-service        group  station.alerts.v1.notification-service.dlq.replay                 Read,Describe
notification-service        topic  registration.enrollments.v1                                       Read,Describe
notification-service        group  notification-service                                              Read,Describe
notification-service        topic  registration.enrollments.v1.notification-service.dlq              Create,Write,Read,Describe
notification-service        group  registration.enrollments.v1.notification-service.dlq.replay       Read,Describe
ACLS
echo "topics, users and ACLs ready"
