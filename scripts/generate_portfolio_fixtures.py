#!/usr/bin/env python3
"""Golden fixtures for BourseAnalytics' risk parity and discrete allocation.

Run once from the repository root:
    pip install riskfolio-lib==7.4.0 pyportfolioopt==1.6.0 scipy
    python3 scripts/generate_portfolio_fixtures.py
It reads Tests/BourseAnalyticsTests/Fixtures/data/stock_prices_20.csv (PyPortfolioOpt's sample
covariance of its daily returns, as the optimizer fixtures) and writes JSON next to the others:
  risk_parity_stock_prices_20.json   riskfolio-lib rp_optimization (cvxpy) weights, plus the same
                                     problem solved to 1e-12 relative with scipy.optimize.root
  discrete_allocation_stock_prices_20.json   PyPortfolioOpt DiscreteAllocation greedy and LP
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
from scipy.optimize import root

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "Tests", "BourseAnalyticsTests", "Fixtures")
DATA = os.path.join(FIX, "data")
warnings.filterwarnings("ignore")


def write(name, obj):
    with open(os.path.join(FIX, name), "w") as f:
        json.dump(obj, f, indent=1, allow_nan=False)
        f.write("\n")


def floats(xs):
    return [float(x) for x in np.asarray(xs, dtype=float).ravel()]


def risk_contributions(w, S):
    w = np.asarray(w, dtype=float)
    return w * (S @ w) / (w @ S @ w)


def scipy_risk_budget(S, b, start):
    """Solves y_i (S y)_i = b_i, y > 0 (the first-order condition of min ½yᵀSy − Σ b ln y)
    by scipy's hybrid Powell method from `start`, then normalises to weights."""
    sol = root(lambda y: y * (S @ y) - b, start, jac=lambda y: np.diag(S @ y) + y[:, None] * S,
               method="hybr", options={"xtol": 1e-14})
    assert np.max(np.abs(sol.fun / b)) < 1e-12, sol.message
    return sol.x / sol.x.sum()


def risk_parity(prices):
    import riskfolio as rp
    from pypfopt import expected_returns as er
    from pypfopt import risk_models as rm

    S = rm.sample_cov(prices)
    mu = er.mean_historical_return(prices)
    rets = er.returns_from_prices(prices).dropna()
    n = len(prices.columns)
    cases = []
    budgets = {"equal": np.full(n, 1 / n), "budgeted": np.arange(1, n + 1) / np.arange(1, n + 1).sum()}
    for name, b in budgets.items():
        port = rp.Portfolio(returns=rets)
        port.assets_stats(method_mu="hist", method_cov="hist")
        port.mu = pd.DataFrame([mu.values], columns=prices.columns)
        port.cov = S
        w = port.rp_optimization(model="Classic", rm="MV", rf=0, b=b.reshape(-1, 1), hist=True)
        riskfolio_w = w["weights"].values
        exact = scipy_risk_budget(S.values, b, riskfolio_w / np.sqrt(riskfolio_w @ S.values @ riskfolio_w))
        cases.append({
            "name": name, "budgets": floats(b),
            "riskfolioWeights": floats(riskfolio_w),
            "riskfolioMaxContributionError": float(np.max(np.abs(risk_contributions(riskfolio_w, S.values) / b - 1))),
            "scipyWeights": floats(exact),
            "scipyMaxContributionError": float(np.max(np.abs(risk_contributions(exact, S.values) / b - 1))),
        })
    return cases


def discrete_allocation(prices):
    from pypfopt import EfficientFrontier
    from pypfopt import expected_returns as er
    from pypfopt import risk_models as rm
    from pypfopt.discrete_allocation import DiscreteAllocation, get_latest_prices

    latest = get_latest_prices(prices)
    ef = EfficientFrontier(er.mean_historical_return(prices), rm.sample_cov(prices))
    ef.max_sharpe()
    maxsharpe = ef.clean_weights(cutoff=1e-4, rounding=None)
    hrp_like = {a: 1 / len(prices.columns) for a in prices.columns}
    cases = []
    for label, weights in [("maxSharpe", maxsharpe), ("equal", hrp_like)]:
        for cash in [10_000.0, 100_000.0]:
            case = {"name": f"{label}-{int(cash)}", "cash": cash,
                    "weights": floats([weights[a] for a in prices.columns])}
            da = DiscreteAllocation(weights, latest, total_portfolio_value=cash)
            alloc, left = da.greedy_portfolio()
            case["greedyShares"] = [int(alloc.get(a, 0)) for a in prices.columns]
            case["greedyLeftover"] = float(left)
            da = DiscreteAllocation(weights, latest, total_portfolio_value=cash)
            alloc, left = da.lp_portfolio()
            case["lpShares"] = [int(alloc.get(a, 0)) for a in prices.columns]
            case["lpLeftover"] = float(left)
            cases.append(case)
    return {"assets": list(prices.columns), "latestPrices": floats(latest.values), "cases": cases}


def main():
    prices = pd.read_csv(os.path.join(DATA, "stock_prices_20.csv"), index_col=0)
    write("risk_parity_stock_prices_20.json", {"assets": list(prices.columns), "cases": risk_parity(prices)})
    write("discrete_allocation_stock_prices_20.json", discrete_allocation(prices))


if __name__ == "__main__":
    main()
