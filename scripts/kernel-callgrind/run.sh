#!/bin/bash
# Instruction counts of one kernel run (EngineBenchmarks' backtests outside the benchmark harness,
# whose threads valgrind cannot run), repeatable on a loaded machine. Needs a release build first:
#   swift build -c release --product EngineBenchmarks
# Usage: scripts/kernel-callgrind/run.sh [orders|signals|basket] [bars, default 100000]
# The kernel's own cost per order: (orders run − signals run − order manager and venue) ÷ orders,
# the order manager and venue part from split.py (inclusive cost of every call into them from outside).
# Prints the instructions of the run and per bar; the profile is left for callgrind_annotate.
set -e
cd "$(dirname "$0")/../.."
B=.build/release
OUT=${TMPDIR:-/tmp}/kernel-callgrind
mkdir -p "$OUT"
if [ ! -x "$OUT/driver" ] || [ -n "$REBUILD" ]; then
    # The objects EngineBenchmarks links, without the benchmark harness and its own code.
    mapfile -t OBJECTS < <(grep -v -E '/(EngineBenchmarks|Benchmark|BenchmarkShared|ArgumentParser[A-Za-z]*|Histogram|SystemPackage|CSystem|CLinuxOperatingSystemStats|SwiftRuntimeHooks|Atomics|_AtomicsShims)\.build/' \
        $B/EngineBenchmarks.product/Objects.LinkFileList | tr -d "'")
    swiftc -O -g -cross-module-optimization -enforce-exclusivity=unchecked -I $B/Modules \
        scripts/kernel-callgrind/main.swift Benchmarks/EngineBenchmarks/RandomWalk.swift Benchmarks/EngineBenchmarks/CrossSignals.swift \
        "${OBJECTS[@]}" -Xcc -fmodule-map-file=Sources/CLAPACK/module.modulemap -llapacke -lopenblas -o "$OUT/driver"
fi
MODE=${1:-orders}
BARS=${2:-100000}
valgrind --tool=callgrind --callgrind-out-file="$OUT/$MODE.out" --toggle-collect='*8measured*' "$OUT/driver" "$MODE" "$BARS" 2>&1 \
    | awk -v n="$BARS" '/^(orders|crosses)/ { print } /Collected/ { printf "%s instructions, %.1f per bar\n", $4, $4 / n }'
echo "profile: callgrind_annotate $OUT/$MODE.out (split.py $OUT/$MODE.out: order manager + venue against the rest)"
