#!/bin/sh
# Instruction count per market order through OMS + simulated venue, repeatable on a loaded machine
# (the ExecutionBenchmarks "Market orders through OMS + venue" loop, outside the benchmark harness,
# whose threads valgrind 3.19 cannot run). Needs a release build of BourseExecution first:
#   swift build -c release --target BourseExecution
# Usage: scripts/order-path-callgrind/run.sh [rounds of 1,000 orders, default 20]
set -e
cd "$(dirname "$0")/../.."
B=.build/release
OUT=${TMPDIR:-/tmp}/order-path-callgrind
mkdir -p "$OUT"
swiftc -O -I $B/Modules scripts/order-path-callgrind/main.swift $B/BourseCore.build/*.o $B/BourseExecution.build/*.o \
    $B/OrderedCollections.build/*.o $B/InternalCollectionsUtilities.build/*.o -o "$OUT/driver"
ROUNDS=${1:-20}
valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" --toggle-collect='*3run*' "$OUT/driver" "$ROUNDS" 2>&1 \
    | awk -v n="$ROUNDS" '/Collected/ { printf "%s instructions, %.0f per order\n", $4, $4 / (n * 1000) }'
echo "profile: callgrind_annotate $OUT/callgrind.out"
