#!/usr/bin/env bash
# Submit ION to the Flink session cluster (runs in the ion-submit container, official Flink image,
# with the cluster's config.yaml so `flink run` finds rest.address=jobmanager:8081).
# The jar is target/ion-job.jar from `mvn -Pcluster package`, mounted at /opt/ion/ion-job.jar.
set -euo pipefail

jar="${ION_JAR:-/opt/ion/ion-job.jar}"
config="${ION_CONFIG:-/opt/ion/ion.yaml}"
flink="${FLINK_HOME:-/opt/flink}/bin/flink"

[[ -r "$jar" ]] || { echo "missing $jar: build it with 'mvn -Pcluster package'" >&2; exit 1; }

# The JobManager's port may be open before its REST API answers: retry `flink list` for ~2 min.
for i in $(seq 1 24); do
  if running="$("$flink" list --running 2>/dev/null)"; then break; fi
  [[ $i -eq 24 ]] && { echo "JobManager REST API not reachable" >&2; exit 1; }
  sleep 5
done

# The session cluster is dedicated to ION: if any job is already running (e.g. after
# `docker compose up` is re-run), do not start a second copy that would write the same indices.
# `flink list --running` prints "<time> : <job id> : <name> (<STATE>)" per job in these states.
if grep -Eq '\((CREATED|INITIALIZING|RUNNING|RESTARTING|FAILING|CANCELLING)\)' <<<"$running"; then
  echo "A job is already running or restarting; not submitting again:"
  echo "$running"
  exit 0
fi

# -d: detached, this container exits once the job is accepted.
# Restoring from a savepoint: add  -s <savepoint path>  (see execution.checkpointing.savepoint-dir).
exec "$flink" run -d "$jar" --config "$config"
