#!/usr/bin/env bash
# What a peer's tile saves its sender: 1:1 calls of two headless participants, each its own
# process, the receiver telling the sender its tile's size (or 0x0, minimised); CPU of both and
# the sizes sent and decoded (docs/benchmarks.md, "Encoding for the tile"). Arguments go to
# TileViewBenchmark:
#   client/bench/tileview.sh [seconds] [rounds]      e.g. client/bench/tileview.sh 30 2
# Needs JAVA_HOME (or java on the PATH) at Java 25 and Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -ntp -pl client -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" --enable-native-access=ALL-UNNAMED \
  -cp "client/target/test-classes:client/target/classes:$(cat client/target/bench-classpath.txt)" \
  app.convene.client.bench.TileViewBenchmark "$@"
