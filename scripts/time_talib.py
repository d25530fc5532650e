#!/usr/bin/env python3
"""Times TA-Lib's C functions (through the PyPI `TA-Lib` wheel) on the same
10-million-point random walk as Benchmarks/IndicatorBenchmarks, timing the call only.

    pip install TA-Lib numpy
    python3 scripts/time_talib.py

Prints the median and minimum of 20 runs per function, in milliseconds, both of
wall-clock time and of the calling thread's CPU time (the figure to compare on a
loaded machine: it excludes the time spent waiting for a core).
"""
import time

import numpy as np
import talib

MASK64 = (1 << 64) - 1


def random_walk(count, seed=42):
    """splitmix64 walk, identical to randomWalk(count:seed:) in the Swift benchmarks."""
    out = np.empty(count)
    state, price = seed, 100.0
    for i in range(count):
        state = (state + 0x9E3779B97F4A7C15) & MASK64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        z ^= z >> 31
        price *= 1 + ((z >> 11) / float(1 << 53) - 0.5) * 0.02
        out[i] = price
    return out


def timed(name, fn, runs=20):
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        fn()
        cpu.append((time.thread_time_ns() - start_cpu) / 1e6)
        wall.append((time.perf_counter_ns() - start) / 1e6)
    wall.sort()
    cpu.sort()
    print(
        f"{name:10s} wall median {wall[runs // 2]:8.2f} ms  min {wall[0]:8.2f} ms   "
        f"CPU median {cpu[runs // 2]:8.2f} ms  min {cpu[0]:8.2f} ms"
    )


def main():
    close = random_walk(10_000_000)
    high, low = close * 1.004, close * 0.996
    print(f"TA-Lib {talib.__version__} (C {talib.__ta_version__.decode()}), 10,000,000 points")
    timed("SMA(20)", lambda: talib.SMA(close, 20))
    timed("EMA(20)", lambda: talib.EMA(close, 20))
    timed("RSI(14)", lambda: talib.RSI(close, 14))
    timed("ATR(14)", lambda: talib.ATR(high, low, close, 14))


if __name__ == "__main__":
    main()
