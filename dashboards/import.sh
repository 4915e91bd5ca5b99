#!/usr/bin/env bash
# Import ION's Kibana saved objects (data views, Lens visualizations, saved searches, dashboards)
# with POST /api/saved_objects/_import?overwrite=true. Re-running it updates the objects in place:
# every object in ion.ndjson has a fixed id.
#
# Usage: dashboards/import.sh [--url URL] [--user USER --password PASSWORD | --api-key KEY]
#                             [--space SPACE_ID] [--file NDJSON]
# Environment (flags win): KIBANA_URL (default http://localhost:5601), KIBANA_USER,
#   KIBANA_PASSWORD, KIBANA_API_KEY (base64 "id:key" as Kibana/Elasticsearch print it),
#   KIBANA_SPACE (default: the default space), ION_NDJSON (default: ion.ndjson next to this script).
# The user needs Kibana "Saved Objects Management" (or all) privileges, e.g. `elastic`;
# the kibana_system service user cannot import.
# Exit status: 0 when Kibana reports success, 1 on an import failure, 2 on bad usage.

set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="${KIBANA_URL:-http://localhost:5601}"
user="${KIBANA_USER:-}"
password="${KIBANA_PASSWORD:-}"
api_key="${KIBANA_API_KEY:-}"
space="${KIBANA_SPACE:-}"
file="${ION_NDJSON:-$script_dir/ion.ndjson}"

die() { echo "import.sh: $*" >&2; exit "${2:-1}"; }
usage() { sed -n '5,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --url)      url="${2:?--url needs a value}"; shift 2 ;;
    --user)     user="${2:?--user needs a value}"; shift 2 ;;
    --password) password="${2?--password needs a value}"; shift 2 ;;
    --api-key)  api_key="${2:?--api-key needs a value}"; shift 2 ;;
    --space)    space="${2:?--space needs a value}"; shift 2 ;;
    --file)     file="${2:?--file needs a value}"; shift 2 ;;
    -h|--help)  usage ;;
    *)          echo "import.sh: unknown argument: $1" >&2; usage ;;
  esac
done

[[ -r "$file" ]] || die "cannot read $file" 2
command -v curl >/dev/null || die "curl is required" 2
[[ -n "$user" && -n "$api_key" ]] && die "give either a user/password or an API key, not both" 2

url="${url%/}"
endpoint="$url/api/saved_objects/_import?overwrite=true"
[[ -n "$space" ]] && endpoint="$url/s/$space/api/saved_objects/_import?overwrite=true"

# Credentials go to curl through a config on stdin rather than argv, so they do not show in `ps`.
# Config strings are double-quoted: escape backslashes and quotes.
quote() { local s="${1//\\/\\\\}"; s="${s//\"/\\\"}"; printf '"%s"' "$s"; }
curl_config=""
if [[ -n "$api_key" ]]; then
  curl_config="header = $(quote "Authorization: ApiKey $api_key")"
elif [[ -n "$user" ]]; then
  curl_config="user = $(quote "$user:$password")"
fi

# Kibana answers 400 to a file whose name does not end in .ndjson, and curl sends the local name.
upload_name="$(basename "$file")"
[[ "$upload_name" == *.ndjson ]] || upload_name="${upload_name%.*}.ndjson"

body="$(mktemp)"
trap 'rm -f "$body"' EXIT

echo "Importing $(grep -c . "$file") saved objects from $file into $url${space:+ (space $space)}"
# -H 'Expect:' avoids curl's 100-continue round trip on large uploads.
# kbn-xsrf is required by Kibana for every non-GET API call.
if ! status="$(printf '%s\n' "$curl_config" | curl --silent --show-error --config - \
      --output "$body" --write-out '%{http_code}' \
      --connect-timeout 10 --max-time 120 \
      -X POST "$endpoint" \
      -H 'kbn-xsrf: true' -H 'Expect:' \
      -F "file=@$file;filename=$upload_name")"; then
  die "could not reach Kibana at $url"
fi

if [[ ! "$status" =~ ^2[0-9][0-9]$ ]]; then
  echo "import.sh: Kibana answered HTTP $status:" >&2
  cat "$body" >&2; echo >&2
  exit 1
fi

# A 200 can still carry per-object failures: {"success":false,"successCount":n,"errors":[...]}.
if grep -Eq '"success"[[:space:]]*:[[:space:]]*false' "$body" \
   || ! grep -Eq '"success"[[:space:]]*:[[:space:]]*true' "$body"; then
  echo "import.sh: Kibana did not import every object (HTTP $status):" >&2
  cat "$body" >&2; echo >&2
  exit 1
fi

count="$(grep -Eo '"successCount"[[:space:]]*:[[:space:]]*[0-9]+' "$body" | grep -Eo '[0-9]+$' || true)"
echo "Imported ${count:-all} saved objects."
