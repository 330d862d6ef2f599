#!/usr/bin/env bash
# Usage: bench/floor/run.sh [BOTS] [PACE_MS] [SECONDS] [RUNS]
# Builds and runs fanout-floor.c: the movement workload of `atlas-tool load` (fields of 50, 5 moves/s, one send per
# socket per PACE_MS) with nothing but loopback TCP in C. Its CPU and p99 are the same-run baseline for the channel
# server + load tool on this machine (bench/README-load.md). Needs gcc.
set -euo pipefail
BOTS=${1:-2000}; PACE=${2:-20}; SECONDS_=${3:-10}; RUNS=${4:-1}
command -v gcc >/dev/null || { echo "floor: gcc is needed" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
bin=${TMPDIR:-/tmp}/atlas-fanout-floor
gcc -O2 -Wall -Werror -pthread -o "$bin" "$here/fanout-floor.c"
for _ in $(seq 1 "$RUNS"); do "$bin" "$BOTS" "$PACE" "$SECONDS_"; done
