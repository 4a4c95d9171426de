#!/usr/bin/env bash
# Beside a browser tab (docs/benchmarks.md, "Beside a browser tab"): what the desktop app is
# measured on, done by headless Chromium with its fake camera on a page that speaks our protocol
# (installers/bench/chromium/call.html), against the installed app's server.
#
#   installers/bench/chromium.sh join [RUNS]             two tabs: one in the room, the other joins;
#                                                        the newcomer's join → first remote frame,
#                                                        and the median moment of each step (default 15 runs)
#   installers/bench/chromium.sh call [SECONDS] [SAMPLE] a tab in a 1:1 call with the headless Java
#                                                        participant: PSS and CPU of all of Chromium's
#                                                        processes (defaults 120 and 20)
#
# Needs chromium, python3 (serves the page on 127.0.0.1:8800), curl, the installed .deb; ports
# PORT (default 8792) and 8800 free.
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-join}
app=${APP:-/opt/convene}
port=${PORT:-8792}
web=8800
chromium=${CHROMIUM:-chromium}
[ -x "$app/bin/convene" ] || { echo "install the package first ($app/bin/convene)" >&2; exit 1; }
command -v "$chromium" >/dev/null || { echo "needs $chromium" >&2; exit 1; }

work=$(mktemp -d)
groups=()
pids=()
cleanup() {
  for g in "${groups[@]}"; do kill -- "-$g" 2>/dev/null || true; done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

"$app/lib/runtime/bin/java" -cp "$app/lib/app/convene.jar:$app/lib/app/lib/*" app.convene.server.Main \
  --port="$port" --data-dir="$work/server" --allowed-origins="http://127.0.0.1:$web" >"$work/server.log" 2>&1 &
pids+=($!)
python3 -m http.server "$web" --bind 127.0.0.1 --directory chromium >"$work/web.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.2; done

token() { # token EMAIL NAME: registers the account, prints its access token
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"bench password\",\"displayName\":\"$2\"}" \
    "http://127.0.0.1:$port/api/auth/register" | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4
}
anna=$(token anna@example.org Anna)
boris=$(token boris@example.org Boris)
meeting() { # a native meeting of Anna's with Boris invited: prints its room and its invite token
  local made
  made=$(curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $anna" \
    -d "{\"event\":{\"title\":\"Benchmark\",\"start\":\"$(date -u +%Y-%m-%dT%H:00:00Z)\",\"end\":\"$(date -u -d '+3 hour' +%Y-%m-%dT%H:00:00Z)\",\"timeZone\":\"UTC\",\"attendees\":[\"boris@example.org\"],\"service\":\"NATIVE\"}}" \
    "http://127.0.0.1:$port/api/meetings/schedule")
  echo "$(grep -o '"roomId":"[^"]*"' <<<"$made" | head -n 1 | cut -d'"' -f4) $(grep -o '"inviteToken":"[^"]*"' <<<"$made" | cut -d'"' -f4)"
}
tab() { # tab NAME TOKEN QUERY LOG: a headless Chromium on the page, in a process group of its own
  setsid "$chromium" --headless=new --no-sandbox --no-first-run --user-data-dir="$work/profile-$1-$RANDOM" \
    --use-fake-device-for-media-stream --use-fake-ui-for-media-stream \
    --autoplay-policy=no-user-gesture-required --enable-logging=stderr --v=0 \
    "http://127.0.0.1:$web/call.html?server=ws://127.0.0.1:$port/signal&token=$2&name=$1&$3" >"$4" 2>&1 &
  tabpid=$!
  groups+=("$tabpid")
}
await() { # await PATTERN FILE SECONDS
  for _ in $(seq 1 $(($3 * 10))); do grep -q "$1" "$2" 2>/dev/null && return 0; sleep 0.1; done
  echo "no '$1' in $2 within $3 s:" >&2; grep -E 'convene-|ERROR' "$2" | head -n 5 >&2; return 1
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

if [ "$mode" = join ]; then
  runs=${2:-15}
  firsts=()
  for i in $(seq 0 "$runs"); do # run 0 warms up
    # Two rooms a run: Anna's tab is in both; Boris's joins the first until its first frame,
    # leaves, and then joins the second, which is measured: a warm tab, as the Java side is.
    read -r r1 i1 <<<"$(meeting)"
    read -r r2 i2 <<<"$(meeting)"
    tab Anna "$anna" "room=$r1&invite=$i1&room2=$r2&invite2=$i2" "$work/a.log"; a=$tabpid
    await "convene-joined $r2" "$work/a.log" 30
    await "convene-joined $r1" "$work/a.log" 30
    tab Boris "$boris" "room=$r1&invite=$i1&room2=$r2&invite2=$i2&warm=1" "$work/b.log"; b=$tabpid
    await 'convene-first-frame' "$work/b.log" 30
    ms=$(grep -o 'convene-first-frame [0-9.]*' "$work/b.log" | head -n 1 | cut -d' ' -f2)
    if [ "$i" -gt 0 ]; then
      firsts+=("$ms")
      grep -o 'convene-step [a-z_]* [0-9.]*' "$work/b.log" | cut -d' ' -f2,3 >>"$work/steps.txt"
      echo "run $i: newcomer's first frame at $ms ms"
    fi
    kill -- "-$a" "-$b" 2>/dev/null || true
    wait "$a" "$b" 2>/dev/null || true
  done
  echo "newcomer join → first remote frame shown, median of $runs: $(printf '%s\n' "${firsts[@]}" | median) ms (${firsts[*]})"
  echo "median moment of each of the newcomer's steps, ms:"
  for s in signaling_open joined link_created offer_sent answer_received candidate_sent candidate_received ice_connected connected video_track first_frame; do
    printf '  %-20s %s\n' "$s" "$(awk -v s="$s" '$1 == s {print $2}' "$work/steps.txt" | median)"
  done
  exit 0
fi

# call: the headless Java participant first, then the tab joins, as the desktop app does in call.sh.
seconds=${2:-120}
sample=${3:-20}
read -r room invite <<<"$(meeting)"
env -u JAVA_TOOL_OPTIONS "$app/bin/convene" --headless --server="ws://127.0.0.1:$port/signal" \
  --email=boris@example.org --password='bench password' --room="$room" --invite="$invite" \
  --duration=$((seconds + 60)) >"$work/peer.log" 2>&1 &
pids+=($!)
await 'joined room' "$work/peer.log" 30
tab Anna "$anna" "room=$room&invite=$invite" "$work/a.log"
await 'convene-first-frame' "$work/a.log" 30
sleep 5
tree() { # the tab's processes: its group
  ps -o pid= -g "$tabpid" | tr -d ' '
}
cpu() { for p in $(tree); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s}'; }
pss() { for p in $(tree); do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '{s += $1} END {print int(s / 1024)}'; }
ticks=$(getconf CLK_TCK)
echo "second  pss_mib  cores  processes"
last_cpu=$(cpu); last_t=$(date +%s%N); samples=(); cores=(); elapsed=0
while [ "$elapsed" -lt "$seconds" ]; do
  sleep "$sample"; elapsed=$((elapsed + sample))
  now_cpu=$(cpu); now_t=$(date +%s%N)
  c=$(awk -v a="$last_cpu" -v b="$now_cpu" -v t0="$last_t" -v t1="$now_t" -v hz="$ticks" \
    'BEGIN {printf "%.3f", (b - a) / hz / ((t1 - t0) / 1e9)}')
  p=$(pss)
  printf '%6d  %7d  %5s  %9d\n' "$elapsed" "$p" "$c" "$(tree | wc -l)"
  samples+=("$p"); cores+=("$c"); last_cpu=$now_cpu; last_t=$now_t
done
echo "median PSS: $(printf '%s\n' "${samples[@]}" | median) MiB; median cores: $(printf '%s\n' "${cores[@]}" | median)"
