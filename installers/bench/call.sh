#!/usr/bin/env bash
# A 1:1 call in the installed desktop app (docs/benchmarks.md, "A call in the desktop app"): the
# app, started 10 s before, is handed a room's convene:// link and joins; a headless participant
# (the installed app's --headless, its own process) is the other end; both send the 640×360 test
# pattern at 30 fps.
# Every SAMPLE seconds the app's memory (PSS of its process, from /proc/PID/smaps_rollup) and its
# CPU since the last sample (utime + stime from /proc/PID/stat) are printed as one line; at the
# end the medians over the call, the JVM's own memory (Native Memory Tracking, when
# JAVA_TOOL_OPTIONS has -XX:NativeMemoryTracking=summary) and the join breakdown the app logged.
#
#   installers/bench/call.sh [SECONDS] [SAMPLE]   (defaults 120 and 10; needs DISPLAY, curl)
#   JAVA_TOOL_OPTIONS='-Xmx512m' installers/bench/call.sh 120 10   (other JVM options for the app)
#   installers/bench/call.sh 3600 60              (the soak: an hour, a sample a minute)
#   PERF=yes installers/bench/call.sh 60 10       (and a CPU profile with perf, by library and function)
#
# The server is the installed app's own, on 127.0.0.1:8787 (or PORT), with a data folder of its own,
# in its own process; the app is told its address (--server), so that it does not start its
# embedded server: the figures are the client's alone.
set -euo pipefail
seconds=${1:-120}
sample=${2:-10}
app=${APP:-/opt/convene}
port=${PORT:-8787}
jcmd=${JCMD:-${JAVA_HOME:+$JAVA_HOME/bin/}jcmd}
: "${DISPLAY:?needs an X display, e.g. Xvfb :99 and DISPLAY=:99}"
[ -x "$app/bin/convene" ] || { echo "install the package first ($app/bin/convene)" >&2; exit 1; }
if curl -s -o /dev/null http://127.0.0.1:$port/health; then
  echo "port $port is in use; stop the Convene there first" >&2
  exit 1
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_DATA_HOME=$work/data

"$app/lib/runtime/bin/java" -cp "$app/lib/app/convene.jar:$app/lib/app/lib/*" app.convene.server.Main \
  --port=$port --data-dir="$work/server" >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf -o /dev/null http://127.0.0.1:$port/health && break; sleep 0.2; done

register() { # register EMAIL NAME: prints the session JSON
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"bench password\",\"displayName\":\"$2\"}" \
    http://127.0.0.1:$port/api/auth/register
}
session=$(register bench@example.org Bench)
register peer@example.org Peer >/dev/null
token=$(grep -o '"accessToken":"[^"]*"' <<<"$session" | cut -d'"' -f4)
start=$(date -u +%Y-%m-%dT%H:00:00Z)
end=$(date -u -d '+3 hour' +%Y-%m-%dT%H:00:00Z)
scheduled=$(curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d "{\"event\":{\"title\":\"Benchmark call\",\"start\":\"$start\",\"end\":\"$end\",\"timeZone\":\"UTC\",\"attendees\":[\"peer@example.org\"],\"service\":\"NATIVE\"}}" \
  http://127.0.0.1:$port/api/meetings/schedule)
room=$(grep -o '"roomId":"[^"]*"' <<<"$scheduled" | head -n 1 | cut -d'"' -f4)
invite=$(grep -o '"inviteToken":"[^"]*"' <<<"$scheduled" | cut -d'"' -f4)
[ -n "$room" ] || { echo "no room: $scheduled" >&2; exit 1; }
mkdir -p "$XDG_DATA_HOME/convene"
printf '{"server":"http://127.0.0.1:%s","session":%s}' "$port" "$session" >"$XDG_DATA_HOME/convene/session.json"
chmod 600 "$XDG_DATA_HOME/convene/session.json"

# The other end first, so that the app's join is the newcomer's, as when one joins a meeting.
env -u JAVA_TOOL_OPTIONS "$app/bin/convene" --headless --server=ws://127.0.0.1:$port/signal \
  --email=peer@example.org --password='bench password' --room="$room" --invite="$invite" \
  --duration=$((seconds + 20)) >"$work/peer.log" 2>&1 &
pids+=($!)
sleep 4 # the participant's JVM starts and joins (it prints nothing before its summary)

# The app starts and shows the calendar; 10 s later the meeting's link is opened, as a click on it
# in an e-mail or a browser does: a second start of the app hands it to the running one and exits.
"$app/bin/convene" --synthetic-media --server="http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
apppid=$! # jpackage's launcher starts the JVM in its own process: the app is that process
pids+=("$apppid")
sleep 10
"$app/bin/convene" --server="http://127.0.0.1:$port" "convene://join/$room" >"$work/link.log" 2>&1 || true
for _ in $(seq 1 150); do
  grep -q 'joined room' "$work/app.log" 2>/dev/null && break
  sleep 0.2
done
grep -q 'joined room' "$work/app.log" || { echo "the app did not join:" >&2; cat "$work/app.log" >&2; exit 1; }
grep -q 'with 1 peer(s)' "$work/app.log" || { echo "the other participant is not in the room:" >&2; cat "$work/app.log" "$work/peer.log" >&2; exit 1; }
sleep 5 # the call settles: first frames, ladder

perfpid=
if [ "${PERF:-no}" = yes ]; then # a CPU profile of the whole call: where the app's cycles go
  perf record -q -F 199 -g -p "$apppid" -o "$work/perf.data" -- sleep "$seconds" >/dev/null 2>&1 &
  perfpid=$!
fi
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$apppid/stat"; }
pss() { awk '/^Pss:/ {print int($2 / 1024)}' "/proc/$apppid/smaps_rollup"; }
rss() { awk '/^Rss:/ {print int($2 / 1024)}' "/proc/$apppid/smaps_rollup"; }
echo "second  pss_mib  rss_mib  cores  threads"
last_cpu=$(cpu)
last_t=$(date +%s%N)
samples=()
cores=()
elapsed=0
while [ "$elapsed" -lt "$seconds" ]; do
  sleep "$sample"
  elapsed=$((elapsed + sample))
  now_cpu=$(cpu)
  now_t=$(date +%s%N)
  c=$(awk -v a="$last_cpu" -v b="$now_cpu" -v t0="$last_t" -v t1="$now_t" -v hz="$ticks" \
    'BEGIN {printf "%.3f", (b - a) / hz / ((t1 - t0) / 1e9)}')
  p=$(pss)
  printf '%6d  %7d  %7d  %5s  %7d\n' "$elapsed" "$p" "$(rss)" "$c" "$(ls "/proc/$apppid/task" | wc -l)"
  samples+=("$p")
  cores+=("$c")
  last_cpu=$now_cpu
  last_t=$now_t
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
echo "app options: ${JAVA_TOOL_OPTIONS:-none besides the launcher configuration}"
echo "median PSS: $(printf '%s\n' "${samples[@]}" | median) MiB; median cores: $(printf '%s\n' "${cores[@]}" | median)"
if [ -x "$jcmd" ] && [[ "${JAVA_TOOL_OPTIONS:-}" == *NativeMemoryTracking* ]]; then
  "$jcmd" "$apppid" VM.native_memory summary scale=MB 2>/dev/null \
    | grep -E '^ *(Total|- *(Java Heap|Class|Thread|Code|GC|Compiler|Internal|Other|Symbol|Native Memory Tracking|Shared class space|Arena Chunk|Metaspace))' || true
fi
echo "the app's memory by mapping (PSS, MiB; anonymous: the Java heap, malloc's arenas, stacks):"
awk '/^[0-9a-f]+-[0-9a-f]+ / { n = $6; if (n == "") n = "[anonymous]"; sub(".*/", "", n) }
  /^Pss:/ { pss[n] += $2 }
  END { for (n in pss) if (pss[n] >= 1024) printf "%8.1f  %s\n", pss[n] / 1024, n }' \
  "/proc/$apppid/smaps" | sort -rn | head -n 15
if [ -x "$jcmd" ]; then
  "$jcmd" "$apppid" GC.heap_info 2>/dev/null | grep -E 'total|used' | head -n 6 || true
fi
grep -E 'join breakdown' "$work/app.log" || true
if [ -n "$perfpid" ]; then
  wait "$perfpid" || true
  # Names for the JIT-compiled Java code in the profile (/tmp/perf-PID.map, read by perf report).
  if [ -x "$jcmd" ]; then "$jcmd" "$apppid" Compiler.perfmap >/dev/null 2>&1 || true; fi
  echo "CPU by library (perf, % of the app's samples):"
  perf report -i "$work/perf.data" --no-children --sort dso --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -n 15
  echo "CPU by function:"
  perf report -i "$work/perf.data" --no-children --sort dso,sym --stdio -g none 2>/dev/null \
    | grep -E '^ +[0-9]' | head -n 25
fi
kill -INT "$apppid" 2>/dev/null || true
for _ in $(seq 1 200); do grep -q '"decodedFps"' "$work/peer.log" 2>/dev/null && break; sleep 0.2; done
echo "the other participant decoded the app's video at $(grep -o '"decodedFps":[0-9.]*' "$work/peer.log" | head -n 1 | cut -d: -f2) fps"
