#!/usr/bin/env bash
# Builds the Linux .deb (trimmed runtime, AOT cache trained on this display), installs it with
# its dependencies like a user would, checks what it declares and installs, runs the installed
# app's --self-test (once as support runs it, once requiring the AOT cache), and removes it.
# Run as root with JAVA_HOME on a JDK 25 and DISPLAY on an X server (Xvfb); .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${DISPLAY:?needs an X display, e.g. Xvfb :99 and DISPLAY=:99}"

passed=0
check() { # check "what" command...: counts it, or stops the run saying what failed
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "package check failed: $what" >&2
    exit 1
  fi
}

started=$(date +%s)
mvn -B -ntp -q -Pinstallers -DskipTests -Dinstallers.types=deb package
deb=$(ls installers/target/dist/convene_*.deb)
echo "built $deb ($(du -h "$deb" | cut -f1)) in $(($(date +%s) - started)) s"

depends=$(dpkg-deb -f "$deb" Depends)
for package in libpulse0 libgtk-3-0 libgl1 libxtst6 libsecret-tools; do
  check "Depends names $package" grep -qw "$package" <<<"$depends"
done

apt-get install -y -qq --no-install-recommends "$PWD/$deb" >/dev/null
check "the package is installed" test "$(dpkg-query -W -f='${Status}' convene)" = "install ok installed"
desktop=/opt/convene/lib/convene-convene.desktop
check "the menu entry hands links to the app" grep -qx 'Exec=/opt/convene/bin/convene %u' "$desktop"
check "the menu entry claims convene:// links and .ics files" \
  grep -qx 'MimeType=x-scheme-handler/convene;text/calendar;' "$desktop"
check "the AOT cache is installed" test -s /opt/convene/lib/app/convene.aot

check "convene --self-test" timeout 120 /opt/convene/bin/convene --self-test
# AOTMode=on: the JVM refuses to start unless the installed cache matches runtime and class path.
check "convene --self-test with the AOT cache required" \
  env JAVA_TOOL_OPTIONS=-XX:AOTMode=on timeout 120 /opt/convene/bin/convene --self-test

apt-get remove -y -qq convene >/dev/null
check "the package is removed" test ! -e /opt/convene/bin/convene
echo "package checks: $passed passed, 0 failed, in $(($(date +%s) - started)) s"
