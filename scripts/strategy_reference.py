#!/usr/bin/env python3
"""Golden fixtures for the basket strategies (BourseStrategies' MomentumRotation and PairsTrading).

Cuts a small basket out of Tests/Fixtures/data/stock_prices_20.csv (original cell text kept),
then computes with pandas what the two strategies must do on it:

- momentum rotation (lookback 20, top 3, rebalance every 21 bars): the basket's top 3 by
  20-bar return on each rebalance bar;
- pairs (JPM on BAC, lookback 60, entry 2, exit 0.5, stop 3): rolling OLS hedge ratio
  cov(BAC, JPM) / var(BAC), spread JPM - beta*BAC, its rolling z-score (population sigma), and
  the entry / exit / stop signals of the documented state machine, as the date and side of the
  JPM leg's fill (the next bar's open).

Run from the repository root:  python3 scripts/strategy_reference.py   (needs pandas)
"""
import csv
import json
import pathlib

import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "Tests/Fixtures/data/stock_prices_20.csv"
OUT = ROOT / "Tests/BourseStrategiesTests/Fixtures"
BASKET = ["AAPL", "AMZN", "GE", "AMD", "WMT", "XOM", "JPM", "PFE", "BAC"]
FIRST, LAST = "2014-01-01", "2017-12-31"


def cut_basket():
    with SOURCE.open() as f:
        rows = list(csv.reader(f))
    header = rows[0]
    cols = [0] + [header.index(s) for s in BASKET]
    kept = [[r[c] for c in cols] for r in rows[1:] if FIRST <= r[0] <= LAST]
    assert all(all(cell for cell in r) for r in kept), "basket has empty cells in the range"
    path = OUT / "basket_2014-2017.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date"] + BASKET)
        w.writerows(kept)
    return pd.read_csv(path, index_col=0)


def momentum(prices, lookback=20, top=3, every=21):
    scores = prices / prices.shift(lookback) - 1
    first = lookback  # first row with every score
    out, closest = [], float("inf")
    for r in range(first, len(prices), every):
        row = scores.iloc[r]
        ranked = sorted(range(len(BASKET)), key=lambda i: (-row.iloc[i], i))
        gaps = [abs(row.iloc[ranked[k]] - row.iloc[ranked[k + 1]]) for k in range(len(ranked) - 1)]
        closest = min(closest, min(gaps))
        out.append({"row": r, "date": prices.index[r], "held": sorted(BASKET[i] for i in ranked[:top])})
    return {"lookback": lookback, "top": top, "rebalance": every, "closestScoreGap": closest, "rebalances": out}


def pairs(prices, a="JPM", b="BAC", lookback=60, entry=2.0, exit_=0.5, stop=3.0):
    pa, pb = prices[a], prices[b]
    beta = pa.rolling(lookback).cov(pb) / pb.rolling(lookback).var()
    spread = pa - beta * pb
    z = (spread - spread.rolling(lookback).mean()) / spread.rolling(lookback).std(ddof=0)
    held, stopped, fills, closest = 0, False, [], float("inf")
    for t in range(len(prices) - 1):
        score = z.iloc[t]
        if pd.isna(score):
            continue
        closest = min(closest, *(abs(abs(score) - x) for x in (entry, exit_, stop)))
        if stopped and abs(score) <= entry:
            stopped = False
        if held == 0:
            if not stopped and beta.iloc[t] > 0 and abs(score) > entry:
                held = -1 if score > entry else 1
                fills.append({"date": prices.index[t + 1], "side": "BUY" if held > 0 else "SELL", "action": "entry", "z": score})
        else:
            take = score >= -exit_ if held > 0 else score <= exit_
            stop_loss = score < -stop if held > 0 else score > stop
            if take or stop_loss:
                stopped = stop_loss
                fills.append({"date": prices.index[t + 1], "side": "SELL" if held > 0 else "BUY",
                              "action": "stop" if stop_loss else "exit", "z": score})
                held = 0
    return {"a": a, "b": b, "lookback": lookback, "entry": entry, "exit": exit_, "stop": stop,
            "closestThresholdGap": closest, "fillsOfA": fills}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    prices = cut_basket()
    result = {"momentum": momentum(prices), "pairs": pairs(prices)}
    (OUT / "basket_strategies.json").write_text(json.dumps(result, indent=1) + "\n")
    print(len(prices), "rows;", len(result["momentum"]["rebalances"]), "rebalances;",
          len(result["pairs"]["fillsOfA"]), "pair fills; closest gaps",
          result["momentum"]["closestScoreGap"], result["pairs"]["closestThresholdGap"])


if __name__ == "__main__":
    main()
