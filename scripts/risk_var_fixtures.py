#!/usr/bin/env python3
"""Golden VaR / CVaR / beta fixtures for Tests/BourseRiskTests (run once; output committed).

References: empyrical-reloaded (historical VaR and CVaR, beta), quantstats (parametric VaR),
scipy (normal quantile and density for parametric CVaR and Cornish-Fisher), pandas (skew, kurt).

    pip install empyrical-reloaded quantstats
    python3 scripts/risk_var_fixtures.py
"""
import json
import pathlib

import empyrical
import numpy as np
import pandas as pd
import quantstats as qs
from scipy.stats import norm

root = pathlib.Path(__file__).resolve().parent.parent
data = root / "Tests/BourseRiskTests/Fixtures/data"
goog = pd.read_csv(data / "GOOG.csv", index_col=0, parse_dates=True)["Close"]
spy = pd.read_csv(data / "spy_prices.csv", index_col=0, parse_dates=True)["SPY"]
prices = pd.concat([goog.rename("GOOG"), spy.rename("SPY")], axis=1, join="inner").dropna()
returns = prices.pct_change().dropna()
r = returns["GOOG"]
b = returns["SPY"]

out = {"dates": [returns.index[0].strftime("%Y-%m-%d"), returns.index[-1].strftime("%Y-%m-%d")],
       "goog": r.tolist(), "spy": b.tolist(), "levels": {}}
mu, sigma = r.mean(), r.std()
skew, kurt = r.skew(), r.kurt()
for confidence in (0.95, 0.99):
    cutoff = 1 - confidence
    z = norm.ppf(cutoff)
    parametric = qs.stats.value_at_risk(r, sigma=1, confidence=confidence)
    assert abs(parametric - norm.ppf(cutoff, mu, sigma)) < 1e-15
    zcf = z + (z**2 - 1) * skew / 6 + (z**3 - 3 * z) * kurt / 24 - (2 * z**3 - 5 * z) * skew**2 / 36
    out["levels"][str(confidence)] = {
        "historicalVaR": float(empyrical.value_at_risk(r, cutoff=cutoff)),
        "historicalCVaR": float(empyrical.conditional_value_at_risk(r, cutoff=cutoff)),
        "parametricVaR": float(parametric),
        "parametricCVaR": float(mu - sigma * norm.pdf(z) / cutoff),
        "cornishFisherVaR": float(mu + sigma * zcf),
    }
out["beta"] = float(empyrical.beta(r, b))
out["mean"], out["std"], out["skew"], out["kurt"] = float(mu), float(sigma), float(skew), float(kurt)
(root / "Tests/BourseRiskTests/Fixtures/var_golden.json").write_text(json.dumps(out, indent=1) + "\n")
print(len(r), "returns", out["dates"], json.dumps(out["levels"], indent=1), "beta", out["beta"])
