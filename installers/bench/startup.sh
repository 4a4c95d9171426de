#!/usr/bin/env bash
# Start-up benchmark of the installed app (docs/benchmarks.md): the time from launching
# /opt/convene/bin/convene to the first frame that shows the meetings, signed in (from the offline
# copy, with the embedded server on 127.0.0.1:8787 starting after that frame); RUNS starts
# with the AOT cache and RUNS without it (-XX:AOTMode=off), interleaved, medians printed.
#
#   installers/bench/startup.sh [RUNS]          (default 10; needs DISPLAY, curl, a free port 8787)
#   COLD=no installers/bench/startup.sh [RUNS]  (keep the page cache)
#   APP=installers/target/image/convene installers/bench/startup.sh   (an app image, not installed)
#
# Each start is a new process (a cold JVM). The page cache is dropped before each start when
# this user may (root) and COLD is not "no": every file is read from disk, as after a reboot;
# otherwise the files are in memory, as on a desktop that started the app before. The app prints the moment the calendar is shown
# (--startup-probe) and quits.
set -euo pipefail
runs=${1:-10}
app=${APP:-/opt/convene}
: "${DISPLAY:?needs an X display, e.g. Xvfb :99 and DISPLAY=:99}"
[ -x "$app/bin/convene" ] || { echo "install the package first ($app/bin/convene)" >&2; exit 1; }
if curl -s -o /dev/null http://127.0.0.1:8787/health; then
  echo "port 8787 is in use; stop the Convene there first" >&2
  exit 1
fi

work=$(mktemp -d)
server=
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data # the app's data folder and its embedded server's, isolated

# An account with a session on disk and a meeting today, made with the installed app's own server.
"$app/lib/runtime/bin/java" -cp "$app/lib/app/convene.jar:$app/lib/app/lib/*" app.convene.server.Main \
  --port=8787 --data-dir="$XDG_DATA_HOME/convene/server" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null http://127.0.0.1:8787/health && break; sleep 0.2; done
session=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"bench password","displayName":"Bench"}' \
  http://127.0.0.1:8787/api/auth/register)
token=$(grep -o '"accessToken":"[^"]*"' <<<"$session" | cut -d'"' -f4)
start=$(date -u -d '+1 hour' +%Y-%m-%dT%H:00:00Z)
end=$(date -u -d '+2 hour' +%Y-%m-%dT%H:00:00Z)
curl -sf -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d "{\"event\":{\"title\":\"Benchmark meeting\",\"start\":\"$start\",\"end\":\"$end\",\"timeZone\":\"UTC\",\"attendees\":[],\"service\":\"NATIVE\"}}" \
  http://127.0.0.1:8787/api/meetings/schedule
kill "$server"
wait "$server" || true
server=
mkdir -p "$XDG_DATA_HOME/convene"
printf '{"server":"http://127.0.0.1:8787","session":%s}' "$session" >"$XDG_DATA_HOME/convene/session.json"
chmod 600 "$XDG_DATA_HOME/convene/session.json"

cold=no
if [ "${COLD:-yes}" != no ] && sync && echo 3 2>/dev/null >/proc/sys/vm/drop_caches; then cold=yes; fi

measure() { # measure MODE: prints milliseconds from launch to the calendar shown
  local options=$1
  [ "$cold" = yes ] && sync && echo 3 >/proc/sys/vm/drop_caches
  local before
  before=$(date +%s%3N)
  local shown
  shown=$(JAVA_TOOL_OPTIONS=$options timeout 120 "$app/bin/convene" --startup-probe 2>/dev/null \
    | sed -n 's/^calendar shown at epoch ms \([0-9]*\)$/\1/p')
  [ -n "$shown" ] || { echo "the calendar did not show (options $options)" >&2; exit 1; }
  echo $((shown - before))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

measure -XX:AOTMode=auto >/dev/null # once, not counted: the H2 file and fonts are made
with=()
without=()
for i in $(seq 1 "$runs"); do
  with+=("$(measure -XX:AOTMode=auto)")
  without+=("$(measure -XX:AOTMode=off)")
  echo "run $i: with AOT cache ${with[-1]} ms, without ${without[-1]} ms"
done
echo "page cache dropped before each start: $cold"
echo "median with the AOT cache:    $(printf '%s\n' "${with[@]}" | median) ms (${with[*]})"
echo "median without the AOT cache: $(printf '%s\n' "${without[@]}" | median) ms (${without[*]})"
echo "installed size: $(du -sh "$app" | cut -f1) ($app), AOT cache $(du -h "$app/lib/app/convene.aot" | cut -f1)"
