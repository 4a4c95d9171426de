#!/usr/bin/env bash
# Runs one of the client's benchmark mains (client/src/test/java/app/convene/client/bench) with
# the test class path: client/bench/run.sh CLASS [arguments...], e.g. run.sh MeshBenchmark 2 20 1.
# Needs JAVA_HOME (or java on the PATH) at Java 25 and Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
main="$1"
shift
mvn -q -B -ntp -pl client -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" --enable-native-access=ALL-UNNAMED \
  -cp "client/target/test-classes:client/target/classes:$(cat client/target/bench-classpath.txt)" \
  "app.convene.client.bench.$main" "$@"
