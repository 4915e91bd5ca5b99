#!/usr/bin/env bash
# Submit ION to the Flink session cluster (runs in the ion-submit container, official Flink image,
# with the cluster's config.yaml so `flink run` finds rest.address=jobmanager:8081).
# The jar is target/ion-job.jar from `mvn -Pcluster package`, mounted at /opt/ion/ion-job.jar.
#
#   - never a second job: any job that is not in a terminal state (CREATED, INITIALIZING, RUNNING,
#     RESTARTING, FAILING, CANCELLING, SUSPENDED, RECONCILING) means there is nothing to do;
#   - resumes from the latest retained checkpoint or savepoint under $ION_STATE_DIR (the shared
#     flink-state volume), so a `compose up` after a JobManager restart or a cancel continues where
#     the job stopped. ION_RESTORE_FROM=<path> picks one, ION_RESTORE_FROM=none starts empty.
set -euo pipefail

jar="${ION_JAR:-/opt/ion/ion-job.jar}"
config="${ION_CONFIG:-/opt/ion/ion.yaml}"
flink="${FLINK_HOME:-/opt/flink}/bin/flink"
state_dir="${ION_STATE_DIR:-/tmp/ion}"
attempts="${ION_REST_ATTEMPTS:-24}"
delay="${ION_RETRY_DELAY:-5}"

# -f: a regular file. A directory (what a short-syntax bind mount makes of a missing jar) is not a jar.
[[ -f "$jar" && -r "$jar" ]] || { echo "missing $jar: build it with 'mvn -Pcluster package'" >&2; exit 1; }

# The JobManager's port may be open before its REST API answers: retry `flink list` for ~2 min.
# --running lists RUNNING, RESTARTING, FAILING, CANCELLING, SUSPENDED and RECONCILING jobs;
# --scheduled lists CREATED and INITIALIZING ones (which --running never prints).
for i in $(seq 1 "$attempts"); do
  if jobs="$("$flink" list --running --scheduled 2>/dev/null)"; then break; fi
  [[ $i -eq $attempts ]] && { echo "JobManager REST API not reachable" >&2; exit 1; }
  sleep "$delay"
done

# Each job is printed as "<time> : <job id> : <name> (<STATE>)".
if grep -Eq '\((CREATED|INITIALIZING|RUNNING|RESTARTING|FAILING|CANCELLING|SUSPENDED|RECONCILING)\)' <<<"$jobs"; then
  echo "A job is already submitted and not finished; not submitting again:"
  echo "$jobs"
  exit 0
fi

# The newest checkpoint (<dir>/checkpoints/<job>/chk-<n>/_metadata) or savepoint
# (<dir>/savepoints/savepoint-*/_metadata), by modification time.
latest_retained() {
  find "$state_dir/checkpoints" "$state_dir/savepoints" -name _metadata -type f -printf '%T@ %h\n' 2>/dev/null \
    | sort -n | tail -n 1 | cut -d' ' -f2- || true  # no state directory yet: nothing to resume
}

restore="${ION_RESTORE_FROM:-$(latest_retained)}"
# -d: detached, this container exits once the job is accepted.
if [[ -n "$restore" && "$restore" != none ]]; then
  echo "Resuming from $restore"
  exec "$flink" run -d -s "$restore" "$jar" --config "$config"
fi
exec "$flink" run -d "$jar" --config "$config"
