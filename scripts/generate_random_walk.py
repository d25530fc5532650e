"""Generates a seeded random-walk 1-minute OHLCV CSV for the data benchmarks (not committed).

    python3 scripts/generate_random_walk.py [ROWS] [PATH]      # defaults: 10_000_000, /tmp/bourse-bench/random_walk.csv

Columns: timestamp (`YYYY-MM-DD HH:MM:SS`, the bar's open time, UTC), open, high, low,
close (5 decimals, like an FX pair), volume (integer). Needs numpy. Also times
`pandas.read_csv` on the result when pandas is installed.
"""
import os
import sys
import time

import numpy as np

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
path = sys.argv[2] if len(sys.argv) > 2 else "/tmp/bourse-bench/random_walk.csv"
os.makedirs(os.path.dirname(path), exist_ok=True)
rng = np.random.default_rng(20240101)

start = np.datetime64("2000-01-03T00:00:00")
chunk = 1_000_000
price = 120_000  # 1.20000 in raw units of 1e-5
with open(path, "w") as f:
    f.write("timestamp,open,high,low,close,volume\n")
    for offset in range(0, rows, chunk):
        n = min(chunk, rows - offset)
        steps = rng.integers(-20, 21, size=n)
        closes = price + np.cumsum(steps)
        opens = np.concatenate(([price], closes[:-1]))
        price = int(closes[-1])
        highs = np.maximum(opens, closes) + rng.integers(0, 10, size=n)
        lows = np.minimum(opens, closes) - rng.integers(0, 10, size=n)
        volumes = rng.integers(1, 5000, size=n)
        times = (start + np.arange(offset, offset + n).astype("timedelta64[m]")).astype(str)
        times = np.char.replace(times, "T", " ")

        def fmt(raw):
            return np.char.add(np.char.add((raw // 100_000).astype(str), "."), np.char.zfill((raw % 100_000).astype(str), 5))

        lines = np.char.add(times, ",")
        for col in (opens, highs, lows, closes):
            lines = np.char.add(np.char.add(lines, fmt(col)), ",")
        lines = np.char.add(lines, volumes.astype(str))
        f.write("\n".join(lines.tolist()))
        f.write("\n")
print(f"wrote {rows} bars to {path} ({os.path.getsize(path) / 1e6:.0f} MB)")

try:
    import pandas as pd
except ImportError:
    sys.exit(0)
for label, kwargs in [("pandas.read_csv (default float64)", {}), ("pandas.read_csv + parse_dates", {"parse_dates": ["timestamp"]})]:
    t0 = time.perf_counter()
    df = pd.read_csv(path, **kwargs)
    dt = time.perf_counter() - t0
    print(f"{label}: {dt:.2f} s, {len(df) / dt / 1e6:.2f} M rows/s")
