#!/usr/bin/env bash
# Mesh calls of N = 2..6 headless participants, each its own process: CPU per participant and
# decoded fps per link (docs/benchmarks.md, "Mesh calls"). Arguments go to MeshBenchmark:
#   client/bench/mesh.sh [sizes] [seconds] [runs]      e.g. client/bench/mesh.sh 2,3,4,5,6 30 1
# Needs JAVA_HOME (or java on the PATH) at Java 25 and Maven.
exec "$(dirname "$0")/run.sh" MeshBenchmark "$@"
