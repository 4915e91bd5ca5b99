#!/usr/bin/env bash
# Give the built-in kibana_system user the password Kibana is configured with (KIBANA_PASSWORD).
# Runs once in the kibana-password container (Elasticsearch image) after Elasticsearch is healthy.
# Passwords must not contain double quotes or backslashes (they are embedded in JSON below).
set -euo pipefail
es_url="${ES_URL:-http://elasticsearch:9200}"
: "${ELASTIC_PASSWORD:?ELASTIC_PASSWORD must be set}"
: "${KIBANA_PASSWORD:?KIBANA_PASSWORD must be set}"

out="$(mktemp)"; body="$(mktemp)"
trap 'rm -f "$out" "$body"' EXIT
# Secrets travel in a temp file and on stdin (curl config), never in argv.
printf '{"password":"%s"}' "$KIBANA_PASSWORD" >"$body"
status="$(printf 'user = "elastic:%s"\n' "$ELASTIC_PASSWORD" | curl -sS --config - \
    -o "$out" -w '%{http_code}' -X POST "$es_url/_security/user/kibana_system/_password" \
    -H 'Content-Type: application/json' --data-binary "@$body")"
if [[ "$status" != 200 ]]; then
  echo "setting the kibana_system password failed with HTTP $status:" >&2; cat "$out" >&2; echo >&2
  exit 1
fi
echo "kibana_system password set"
