#!/usr/bin/env python3
"""Golden fixtures for BourseIndicators, computed by TA-Lib (the C library in the
PyPI `TA-Lib` wheel).

    pip install TA-Lib numpy
    python3 scripts/generate_indicator_fixtures.py

Reads the series in Tests/BourseIndicatorsTests/Fixtures/data/ and writes one JSON file
per series to Tests/BourseIndicatorsTests/Fixtures/talib/<series>.json:

    {"series": ..., "talib": version, "rows": n,
     "cases": [{"name": "SMA_30", "outputs": [{"name": "real", "begin": i, "values": [...]}]}]}

`begin` is the first index at which TA-Lib outputs a non-NaN value (its lookback);
`values` are the outputs from `begin` on, written with Python's `repr` (shortest
round-trip form, so the doubles are exact). The case names are matched by the Swift
tests (IndicatorCatalog).
"""
import csv
import json
import math
import pathlib

import numpy as np
import talib

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "BourseIndicatorsTests" / "Fixtures"
SERIES = ["GOOG", "EURUSD_1h"]


def load(name):
    with open(FIXTURES / "data" / f"{name}.csv", newline="") as f:
        rows = list(csv.reader(f))[1:]
    cols = list(zip(*[[float(v) for v in r[1:6]] for r in rows]))
    return {k: np.array(c, dtype=np.float64) for k, c in zip(["open", "high", "low", "close", "volume"], cols)}


def cases(d):
    o, h, l, c, v = d["open"], d["high"], d["low"], d["close"], d["volume"]
    yield "SMA_30", [talib.SMA(c, 30)]
    yield "SMA_5", [talib.SMA(c, 5)]
    yield "EMA_30", [talib.EMA(c, 30)]
    yield "EMA_9", [talib.EMA(c, 9)]
    yield "WMA_30", [talib.WMA(c, 30)]
    yield "DEMA_30", [talib.DEMA(c, 30)]
    yield "TEMA_30", [talib.TEMA(c, 30)]
    yield "KAMA_30", [talib.KAMA(c, 30)]
    yield "KAMA_10", [talib.KAMA(c, 10)]
    yield "TRIX_30", [talib.TRIX(c, 30)]
    yield "RSI_14", [talib.RSI(c, 14)]
    yield "RSI_2", [talib.RSI(c, 2)]
    yield "MACD_12_26_9", list(talib.MACD(c, 12, 26, 9))
    yield "MACD_5_35_5", list(talib.MACD(c, 5, 35, 5))
    yield "STOCH_5_3_3", list(talib.STOCH(h, l, c, 5, 3, 0, 3, 0))
    yield "STOCH_14_3_3", list(talib.STOCH(h, l, c, 14, 3, 0, 3, 0))
    yield "STOCHF_5_3", list(talib.STOCHF(h, l, c, 5, 3, 0))
    yield "STOCHRSI_14_5_3", list(talib.STOCHRSI(c, 14, 5, 3, 0))
    yield "CCI_14", [talib.CCI(h, l, c, 14)]
    yield "WILLR_14", [talib.WILLR(h, l, c, 14)]
    yield "ROC_10", [talib.ROC(c, 10)]
    yield "MOM_10", [talib.MOM(c, 10)]
    yield "TRANGE", [talib.TRANGE(h, l, c)]
    yield "ATR_14", [talib.ATR(h, l, c, 14)]
    yield "ATR_1", [talib.ATR(h, l, c, 1)]
    yield "NATR_14", [talib.NATR(h, l, c, 14)]
    yield "BBANDS_5_2_2", list(talib.BBANDS(c, 5, 2.0, 2.0, 0))
    yield "BBANDS_20_2_1.5", list(talib.BBANDS(c, 20, 2.0, 1.5, 0))
    yield "ADX_14", [talib.ADX(h, l, c, 14)]
    yield "PLUS_DI_14", [talib.PLUS_DI(h, l, c, 14)]
    yield "MINUS_DI_14", [talib.MINUS_DI(h, l, c, 14)]
    yield "AROON_14", list(talib.AROON(h, l, 14))
    yield "AROON_25", list(talib.AROON(h, l, 25))
    yield "OBV", [talib.OBV(c, v)]
    yield "MFI_14", [talib.MFI(h, l, c, v, 14)]
    yield "AD", [talib.AD(h, l, c, v)]
    yield "SAR_0.02_0.2", [talib.SAR(h, l, 0.02, 0.2)]
    yield "LINEARREG_SLOPE_14", [talib.LINEARREG_SLOPE(c, 14)]
    yield "VAR_5", [talib.VAR(c, 5, 1)]
    yield "VAR_30", [talib.VAR(c, 30, 1)]
    yield "STDDEV_5_1", [talib.STDDEV(c, 5, 1)]
    yield "STDDEV_20_2", [talib.STDDEV(c, 20, 2)]
    yield "CORREL_30_high_low", [talib.CORREL(h, l, 30)]
    yield "BETA_5_high_low", [talib.BETA(h, l, 5)]
    yield "BETA_20_open_close", [talib.BETA(o, c, 20)]


def encode(series):
    out = []
    for idx, s in enumerate(series):
        s = np.asarray(s, dtype=np.float64)
        valid = np.flatnonzero(~np.isnan(s))
        begin = int(valid[0]) if len(valid) else len(s)
        values = [float(x) for x in s[begin:]]
        assert all(math.isfinite(x) for x in values), "NaN after the first valid index"
        out.append({"output": idx, "begin": begin, "values": values})
    return out


def main():
    out_dir = FIXTURES / "talib"
    out_dir.mkdir(exist_ok=True)
    for name in SERIES:
        d = load(name)
        doc = {
            "series": name,
            "talib": f"{talib.__version__} (C {talib.__ta_version__.decode()})",
            "rows": len(d["close"]),
            "cases": [{"name": n, "outputs": encode(s)} for n, s in cases(d)],
        }
        with open(out_dir / f"{name}.json", "w") as f:
            json.dump(doc, f, separators=(",", ":"))
        print(name, len(doc["cases"]), "cases")


if __name__ == "__main__":
    main()
