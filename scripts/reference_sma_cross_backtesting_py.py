#!/usr/bin/env python3
"""Reference run of the SMA(10, 20) crossover on GOOG daily with backtesting.py.

Writes the trade list and final equity that Bourse's backtest must reproduce
trade for trade (see Tests/Fixtures/reference/README.md).

    pip install backtesting==0.6.6
    python3 scripts/reference_sma_cross_backtesting_py.py > Tests/Fixtures/reference/goog_sma_cross_10_20.json

Conventions of backtesting.py 0.6.6 used here (Bourse's backtest is configured the same):
signal on a bar's close, market order filled at the next bar's open; commission
0.2% of notional on every fill; size = the largest whole number of shares that the
available cash covers including commission; long/short reversal on each cross
(margin account at leverage 1); an open trade at the end stays open (its value
is marked to the last close in the final equity).
"""
import json
import sys

import backtesting
from backtesting import Backtest, Strategy
from backtesting.lib import crossover
from backtesting.test import GOOG, SMA


class SmaCross(Strategy):
    n1 = 10
    n2 = 20

    def init(self):
        close = self.data.Close
        self.sma1 = self.I(SMA, close, self.n1)
        self.sma2 = self.I(SMA, close, self.n2)

    def next(self):
        if crossover(self.sma1, self.sma2):
            self.position.close()
            self.buy()
        elif crossover(self.sma2, self.sma1):
            self.position.close()
            self.sell()


def main():
    bt = Backtest(GOOG, SmaCross, cash=10_000, commission=0.002)
    stats = bt.run()
    trades = stats._trades
    out = {
        "source": f"backtesting.py {backtesting.__version__}",
        "data": "GOOG.csv (backtesting.test.GOOG)",
        "cash": 10_000,
        "commission": 0.002,
        "final_equity": round(float(stats["Equity Final [$]"]), 6),
        "number_of_trades": int(stats["# Trades"]),
        "open_position_at_end": int(bt._results._strategy.position.size) if hasattr(bt, "_results") else None,
        "trades": [
            {
                "size": int(t.Size),
                "entry_date": t.EntryTime.strftime("%Y-%m-%d"),
                "exit_date": t.ExitTime.strftime("%Y-%m-%d"),
                "entry_price": round(float(t.EntryPrice), 6),
                "exit_price": round(float(t.ExitPrice), 6),
                "pnl": round(float(t.PnL), 6),
                "commission": round(float(t.Commission), 6),
            }
            for t in trades.itertuples()
        ],
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
