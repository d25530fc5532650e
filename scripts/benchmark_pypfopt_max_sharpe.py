#!/usr/bin/env python3
"""PyPortfolioOpt reference timing for the AnalyticsBenchmarks max-Sharpe case:
500 assets x 2,500 days of synthetic 3-factor daily returns (numpy, fixed seed; same model as the
Swift benchmark, not the same random numbers), sample covariance + max_sharpe, long-only."""
import time
import warnings

import numpy as np
import pandas as pd
from pypfopt import EfficientFrontier, expected_returns, risk_models

warnings.filterwarnings("ignore")
rng = np.random.default_rng(7)
assets, days = 500, 2500
loadings = 0.5 + rng.random((assets, 3))
drift = 0.0002 + 0.0006 * rng.random(assets)
factors = 0.006 * rng.standard_normal((days, 3))
returns = pd.DataFrame(drift + factors @ loadings.T + 0.012 * rng.standard_normal((days, assets)))
times = []
for _ in range(5):
    start = time.perf_counter()
    mu = expected_returns.mean_historical_return(returns, returns_data=True, compounding=False)
    S = risk_models.sample_cov(returns, returns_data=True)
    try:
        EfficientFrontier(mu, S).max_sharpe()
        status = "solved"
    except Exception as error:  # cvxpy's default solver may stop at its iteration limit
        status = f"failed: {error}"
    times.append(time.perf_counter() - start)
    print(f"run: {times[-1]*1000:.0f} ms, {status}")
print(f"PyPortfolioOpt max_sharpe 500x2500: min {min(times)*1000:.0f} ms, median {sorted(times)[2]*1000:.0f} ms")
