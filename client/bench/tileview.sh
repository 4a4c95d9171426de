#!/usr/bin/env bash
# What a peer's tile saves its sender: 1:1 calls of two headless participants, each its own
# process, the receiver telling the sender its tile's size (or 0x0, minimised); CPU of both and
# the sizes sent and decoded (docs/benchmarks.md, "Encoding for the tile"). Arguments go to
# TileViewBenchmark:
#   client/bench/tileview.sh [seconds] [rounds]      e.g. client/bench/tileview.sh 30 2
# Needs JAVA_HOME (or java on the PATH) at Java 25 and Maven.
exec "$(dirname "$0")/run.sh" TileViewBenchmark "$@"
