#!/usr/bin/env bash
# Give the built-in kibana_system user the password Kibana is configured with (KIBANA_PASSWORD).
# Runs once in the kibana-password container (Elasticsearch image) after Elasticsearch is healthy.
# A healthy cluster may still refuse for a moment (security index not yet available: 503, or the
# connection drops during a restart), so failed attempts are retried: ION_RETRIES times (default 30),
# ION_RETRY_DELAY seconds apart (default 5). Passwords are escaped for backslashes and double quotes;
# avoid control characters.
set -euo pipefail
es_url="${ES_URL:-http://elasticsearch:9200}"
retries="${ION_RETRIES:-30}"
delay="${ION_RETRY_DELAY:-5}"
: "${ELASTIC_PASSWORD:?ELASTIC_PASSWORD must be set}"
# Escape \ and " for a double-quoted curl config string.
curl_quote() { local v="${1//\\/\\\\}"; printf '%s' "${v//\"/\\\"}"; }
: "${KIBANA_PASSWORD:?KIBANA_PASSWORD must be set}"

out="$(mktemp)"; body="$(mktemp)"
trap 'rm -f "$out" "$body"' EXIT
# Secrets travel in a temp file and on stdin (curl config), never in argv.
# JSON escapes \ and " the same way as curl config strings.
printf '{"password":"%s"}' "$(curl_quote "$KIBANA_PASSWORD")" >"$body"

for attempt in $(seq 1 "$retries"); do
  status="$(printf 'user = "%s"\n' "$(curl_quote "elastic:$ELASTIC_PASSWORD")" | curl -sS --config - \
      -o "$out" -w '%{http_code}' -X POST "$es_url/_security/user/kibana_system/_password" \
      -H 'Content-Type: application/json' --data-binary "@$body" 2>/dev/null)" || status="no connection"
  if [[ "$status" == 200 ]]; then
    echo "kibana_system password set"
    exit 0
  fi
  # A wrong ELASTIC_PASSWORD will not get better by waiting.
  if [[ "$status" == 401 ]]; then
    echo "setting the kibana_system password failed with HTTP 401 (check ELASTIC_PASSWORD):" >&2; cat "$out" >&2; echo >&2
    exit 1
  fi
  echo "attempt $attempt/$retries: setting the kibana_system password failed ($status), retrying in ${delay}s" >&2
  sleep "$delay"
done
echo "setting the kibana_system password failed after $retries attempts ($status):" >&2; cat "$out" >&2; echo >&2
exit 1
