#!/bin/bash
# cmake --install into a temporary prefix, then the installed binary run from another directory:
# it finds its default scenario (Mengcheng) from where it is installed, serves the OpenAPI
# document and the console (built in), and writes an access log line per request; the systemd
# unit names the binary; the simulator, its stderr not a terminal, draws no progress bar and
# writes every bulletin format.
# Usage: installed_binary_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
prefix=$(mktemp -d) work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
fail() { echo "FAILED: $*"; exit 1; }

cmake --install "$build" --prefix "$prefix" > "$work/install.log"
for f in bin/hotline share/hotline/scenarios/mengcheng/policy.json \
         share/hotline/scenarios/calendars/2026.json lib/systemd/system/hotline.service \
         share/hotline/console/index.html; do
  [ -e "$prefix/$f" ] || fail "$f is not installed"
done
grep -q "^ExecStart=.*/bin/hotline serve" "$prefix/lib/systemd/system/hotline.service" \
  || fail "the unit does not start the binary"

cd "$work"  # neither the source tree nor the build tree
coproc server { exec "$prefix/bin/hotline" serve --data-dir "$work/data" --listen 127.0.0.1:0 \
  --access-log "$work/access.log" 2> "$work/stderr.log"; }
read -r listening <&"${server[0]}" || fail "the server did not start: $(cat "$work/stderr.log")"
address=${listening#listening on }
stop() { kill -TERM "$server_PID"; wait "$server_PID"; }

departments=$(curl -sS "http://$address/api/v1/departments" -H 'Authorization: Bearer dev-operator')
echo "$departments" | grep -q '"id":"chengguan"' || fail "not Mengcheng's departments: $departments"
openapi=$(curl -sS -o /dev/null -w '%{http_code} %{content_type}' "http://$address/api/v1/openapi.json")
[ "$openapi" = "200 application/json" ] || fail "openapi.json: $openapi"
# The console is built into the binary: served here, away from the source tree.
console=$(curl -sS -o /dev/null -w '%{http_code} %{content_type}' "http://$address/console/app.js")
[ "$console" = "200 text/javascript; charset=utf-8" ] || fail "the console's app.js: $console"
curl -sS "http://$address/" | grep -q '12345 热线工作台' || fail "GET / is not the console"
stop
grep -Eq '^[0-9T:.+-]+ operator:dev GET /api/v1/departments 200 [0-9.]+$' "$work/access.log" \
  || fail "no access log line for the request: $(cat "$work/access.log")"
grep -Eq ' - GET /api/v1/openapi.json 200 ' "$work/access.log" || fail "openapi.json not logged"

scenarios="$prefix/share/hotline/scenarios"
"$prefix/bin/hotline" simulate --scenario "$scenarios/yaoan-water" \
  --load "$scenarios/yaoan-water/loads/water-outage.json" --days 1 --out "$work/sim" \
  > /dev/null 2> "$work/sim.err" || fail "simulate: $(cat "$work/sim.err")"
if grep -q $'\r' "$work/sim.err"; then fail "a progress bar in a log file"; fi
for ext in json csv xlsx md; do
  [ -s "$work/sim/yaoan-water-year-2026-01-01.$ext" ] || fail "no .$ext bulletin"
done
echo "1 passed, 0 failed"
