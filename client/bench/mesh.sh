#!/usr/bin/env bash
# Mesh calls of N = 2..6 headless participants, each its own process: CPU per participant and
# decoded fps per link (docs/benchmarks.md, "Mesh calls"). Arguments go to MeshBenchmark:
#   client/bench/mesh.sh [sizes] [seconds] [runs]      e.g. client/bench/mesh.sh 2,3,4,5,6 30 1
# Needs JAVA_HOME (or java on the PATH) at Java 25 and Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -ntp -pl client -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" --enable-native-access=ALL-UNNAMED \
  -cp "client/target/test-classes:client/target/classes:$(cat client/target/bench-classpath.txt)" \
  app.convene.client.bench.MeshBenchmark "$@"
