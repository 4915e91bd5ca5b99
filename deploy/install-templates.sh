#!/usr/bin/env bash
# Install ION's composable index templates: every <name>.json in TEMPLATES_DIR becomes
# PUT _index_template/ion-<name>. Idempotent (PUT replaces). Runs in the ion-setup-templates
# container (Elasticsearch image: it has bash and curl); also usable by hand:
#   ES_URL=http://localhost:9200 ELASTIC_PASSWORD=... TEMPLATES_DIR=src/main/resources/elasticsearch/templates deploy/install-templates.sh
set -euo pipefail

es_url="${ES_URL:-http://elasticsearch:9200}"
dir="${TEMPLATES_DIR:-/opt/ion/templates}"
: "${ELASTIC_PASSWORD:?ELASTIC_PASSWORD must be set}"
# Escape \ and " for a double-quoted curl config string.
curl_quote() { local v="${1//\\/\\\\}"; printf '%s' "${v//\"/\\\"}"; }

shopt -s nullglob
files=("$dir"/*.json)
[[ ${#files[@]} -gt 0 ]] || { echo "no templates in $dir" >&2; exit 1; }

for f in "${files[@]}"; do
  name="ion-$(basename "$f" .json)"
  out="$(mktemp)"
  # Password via curl config on stdin, not argv.
  status="$(printf 'user = "%s"\n' "$(curl_quote "elastic:$ELASTIC_PASSWORD")" | curl -sS --config - \
      -o "$out" -w '%{http_code}' -X PUT "$es_url/_index_template/$name" \
      -H 'Content-Type: application/json' --data-binary "@$f")"
  if [[ "$status" != 200 ]]; then
    echo "PUT _index_template/$name failed with HTTP $status:" >&2; cat "$out" >&2; echo >&2
    exit 1
  fi
  echo "installed _index_template/$name"
  rm -f "$out"
done
