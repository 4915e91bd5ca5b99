#!/usr/bin/env bash
# Create ION's Kafka topics (idempotent: --if-not-exists). Runs in the ion-setup container
# (apache/kafka image) against the in-network listener; also usable by hand:
#   BOOTSTRAP=localhost:9094 deploy/create-topics.sh   (with /opt/kafka/bin on a Kafka install)
set -euo pipefail

bootstrap="${BOOTSTRAP:-kafka:9092}"
topics_sh="${KAFKA_TOPICS_SH:-/opt/kafka/bin/kafka-topics.sh}"
rf="${REPLICATION_FACTOR:-1}"   # single broker in docker-compose.yml

create() {  # name partitions [--config k=v ...]
  local name="$1" partitions="$2"; shift 2
  echo "topic $name (partitions=$partitions $*)"
  "$topics_sh" --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$rf" "$@"
}

# Partition counts bound the useful source parallelism; 6 leaves room for 3 TaskManagers x 2 slots.
create ion.posts       6 --config retention.ms=604800000
create ion.comments    6 --config retention.ms=604800000
create ion.engagement  6 --config retention.ms=604800000
# Campaign definitions: latest value per campaign id, kept forever.
create ion.campaigns   1 --config cleanup.policy=compact --config min.compaction.lag.ms=0
create ion.alerts      3 --config retention.ms=2592000000
# Records ION could not parse or attribute, for inspection and replay.
create ion.deadletter  1 --config retention.ms=2592000000

"$topics_sh" --bootstrap-server "$bootstrap" --list
