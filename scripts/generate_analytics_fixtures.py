#!/usr/bin/env python3
"""Golden fixtures for BourseAnalytics.

Run once from the repository root:
    pip install empyrical-reloaded==0.7.1 quantstats==0.0.86 pyportfolioopt==1.6.0 scikit-learn
    python3 scripts/generate_analytics_fixtures.py [metrics] [portfolio]
It reads the real series in Tests/BourseAnalyticsTests/Fixtures/data/ and writes JSON next to them.
"""
import json
import os
import sys

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "Tests", "BourseAnalyticsTests", "Fixtures")
DATA = os.path.join(FIX, "data")
PPY = 252
WINDOW = 63


def write(name, obj):
    with open(os.path.join(FIX, name), "w") as f:
        json.dump(obj, f, indent=1, allow_nan=False)
        f.write("\n")


def floats(xs):
    return [float(x) for x in xs]


def goog_spy_returns():
    goog = pd.read_csv(os.path.join(DATA, "GOOG.csv"), index_col=0)["Close"]
    spy = pd.read_csv(os.path.join(DATA, "spy_prices.csv"), index_col=0)["SPY"]
    joined = pd.concat([goog, spy], axis=1, join="inner")
    joined.columns = ["GOOG", "SPY"]
    r = joined.pct_change(fill_method=None).iloc[1:]
    return r["GOOG"], r["SPY"]


def top_drawdowns(returns, top):
    """pyfolio's get_top_drawdowns algorithm (pyfolio is not installable here), by index position."""
    cum = np.cumprod(1 + returns.values)
    peak = np.maximum.accumulate(cum)
    under = pd.Series(cum / peak - 1)
    out = []
    for _ in range(top):
        if len(under) == 0 or under.min() == 0:
            break
        valley = int(under.idxmin())
        before = under.loc[:valley]
        p = int(before[before == 0].index[-1])
        after = under.loc[valley:]
        rec = after[after == 0]
        r = int(rec.index[0]) if len(rec) else None
        out.append({"peak": p, "valley": valley, "recovery": r, "depth": float(under[valley])})
        if r is None:
            under = under.loc[: p - 1]
        else:
            under = pd.concat([under.loc[: p - 1], under.loc[r + 1 :]])
    return out


def metrics():
    import empyrical as ep
    import quantstats as qs

    r, b = goog_spy_returns()
    rv, bv = r.values, b.values
    rf = 0.0001  # per-period risk-free rate used for the *RiskFree variants
    alpha, beta = ep.alpha_beta(rv, bv, annualization=PPY)
    alpha_rf, beta_rf = ep.alpha_beta(rv, bv, risk_free=rf, annualization=PPY)
    nz = rv[rv != 0]
    out = {
        "source": "GOOG Close vs SPY on common dates, simple returns; empyrical-reloaded 0.7.1, quantstats 0.0.86",
        "periodsPerYear": PPY,
        "count": int(len(rv)),
        "riskFree": rf,
        "cumulativeReturn": float(ep.cum_returns_final(rv)),
        "annualReturn": float(ep.annual_return(rv, annualization=PPY)),
        "annualVolatility": float(ep.annual_volatility(rv, annualization=PPY)),
        "sharpe": float(ep.sharpe_ratio(rv, annualization=PPY)),
        "sharpeRiskFree": float(ep.sharpe_ratio(rv, risk_free=rf, annualization=PPY)),
        "sortino": float(ep.sortino_ratio(rv, annualization=PPY)),
        "sortinoRequired": float(ep.sortino_ratio(rv, required_return=rf, annualization=PPY)),
        "downsideRisk": float(ep.downside_risk(rv, annualization=PPY)),
        "calmar": float(ep.calmar_ratio(rv, annualization=PPY)),
        "omega": float(ep.omega_ratio(rv, annualization=PPY)),
        "omegaRequired": float(ep.omega_ratio(rv, required_return=0.05, annualization=PPY)),
        "maxDrawdown": float(ep.max_drawdown(rv)),
        "tailRatio": float(ep.tail_ratio(rv)),
        "stability": float(ep.stability_of_timeseries(rv)),
        "alpha": float(alpha),
        "beta": float(beta),
        "alphaRiskFree": float(alpha_rf),
        "betaRiskFree": float(beta_rf),
        "informationRatio": float(ep.excess_sharpe(rv, bv)),
        "quantstatsInformationRatio": float(qs.stats.information_ratio(r, b, prepare_returns=False)),
        # quantstats: pandas' adjusted (sample) skewness and excess kurtosis
        "skew": float(qs.stats.skew(r, prepare_returns=False)),
        "kurtosis": float(qs.stats.kurtosis(r, prepare_returns=False)),
        "rollingWindow": WINDOW,
        "rollingSharpe": floats(ep.roll_sharpe_ratio(rv, window=WINDOW, annualization=PPY)),
        "rollingVolatility": floats(ep.roll_annual_volatility(rv, window=WINDOW, annualization=PPY)),
        "rollingBeta": floats(ep.roll_beta(rv, bv, window=WINDOW)),
        "drawdowns": top_drawdowns(r.reset_index(drop=True), 5),
        # Trade statistics, each daily return taken as one trade's outcome (quantstats definitions).
        "trades": {
            "winRate": float(qs.stats.win_rate(r, prepare_returns=False)),
            "profitFactor": float(qs.stats.profit_factor(r, prepare_returns=False)),
            "averageWin": float(qs.stats.avg_win(r, prepare_returns=False)),
            "averageLoss": float(qs.stats.avg_loss(r, prepare_returns=False)),
            "payoffRatio": float(qs.stats.payoff_ratio(r, prepare_returns=False)),
            "kelly": float(qs.stats.kelly_criterion(r, prepare_returns=False)),
            # backtesting.py's SQN: sqrt(n) * mean / std (ddof=1) over all trades
            "sqn": float(np.sqrt(len(rv)) * rv.mean() / rv.std(ddof=1)),
            # mean outcome of the trades that won or lost (zero-P&L trades excluded, as in win rate)
            "expectancy": float(nz.mean()),
        },
    }
    write("metrics_goog_spy.json", out)


SECTORS = {
    "GOOG": "tech", "AAPL": "tech", "FB": "tech", "BABA": "tech", "AMZN": "tech", "AMD": "tech", "MA": "tech",
    "GE": "industrial", "GM": "industrial", "XOM": "energy", "RRC": "energy",
    "WMT": "consumer", "UAA": "consumer", "SHLD": "consumer", "BBY": "consumer", "SBUX": "consumer",
    "BAC": "financial", "JPM": "financial", "T": "telecom", "PFE": "health",
}
SECTOR_LOWER = {"energy": 0.1, "financial": 0.05}
SECTOR_UPPER = {"tech": 0.3, "consumer": 0.25}


def portfolio():
    import warnings

    from pypfopt import EfficientFrontier
    from pypfopt import expected_returns as er
    from pypfopt import risk_models as rm

    warnings.filterwarnings("ignore")
    prices = pd.read_csv(os.path.join(DATA, "stock_prices_20.csv"), index_col=0)
    assets = list(prices.columns)
    mu = er.mean_historical_return(prices)
    S = rm.sample_cov(prices)

    def vec(x):
        return floats(np.asarray(x, dtype=float).ravel())

    def mat(m):
        return [floats(row) for row in np.asarray(m, dtype=float)]

    lw = rm.CovarianceShrinkage(prices)
    models = {
        "assets": assets,
        "meanHistoricalCompounded": vec(mu),
        "meanHistoricalArithmetic": vec(er.mean_historical_return(prices, compounding=False)),
        "emaCompounded": vec(er.ema_historical_return(prices)),
        "emaArithmetic": vec(er.ema_historical_return(prices, compounding=False, span=250)),
        "sampleCovariance": mat(S),
        "exponentialCovariance": mat(rm.exp_cov(prices)),
        "semicovariance": mat(rm.semicovariance(prices)),
        "ledoitWolf": mat(lw.ledoit_wolf()),
        "ledoitWolfShrinkage": float(lw.delta),
    }
    write("risk_models_stock_prices_20.json", models)

    per_asset = [(0.0, 0.1)] * 10 + [(0.01, 0.3)] * 10

    def run(name, method, bounds=(0, 1), sectors=False, rf=0.0, **kw):
        ef = EfficientFrontier(mu, S, weight_bounds=bounds)
        if sectors:
            ef.add_sector_constraints(SECTORS, SECTOR_LOWER, SECTOR_UPPER)
        getattr(ef, method)(**kw)
        ret, vol, sharpe = ef.portfolio_performance(risk_free_rate=rf)
        return {
            "name": name, "method": method,
            "bounds": [list(map(float, b)) for b in bounds] if isinstance(bounds, list) else [list(map(float, bounds))] * len(assets),
            "sectors": sectors, "riskFreeRate": rf, "arguments": {k: float(v) for k, v in kw.items()},
            "weights": vec(ef.weights), "expectedReturn": float(ret), "volatility": float(vol), "sharpe": float(sharpe),
        }

    cases = []
    for label, bounds in [("longOnly", (0, 1)), ("longShort", (-1, 1)), ("perAsset", per_asset)]:
        cases.append(run(f"{label}-minVolatility", "min_volatility", bounds))
        cases.append(run(f"{label}-maxSharpe", "max_sharpe", bounds, rf=0.02, risk_free_rate=0.02))
        cases.append(run(f"{label}-efficientReturn", "efficient_return", bounds, target_return=0.25))
        cases.append(run(f"{label}-efficientRisk", "efficient_risk", bounds, target_volatility=0.2))
    cases.append(run("sectors-minVolatility", "min_volatility", sectors=True))
    cases.append(run("sectors-maxSharpe", "max_sharpe", sectors=True, rf=0.02, risk_free_rate=0.02))
    cases.append(run("sectors-efficientReturn", "efficient_return", sectors=True, target_return=0.2))
    cases.append(run("sectors-efficientRisk", "efficient_risk", sectors=True, target_volatility=0.18))

    # Frontier: efficient-return portfolios at evenly spaced targets between the minimum-volatility
    # return and the maximum attainable return, the last excluded (as EfficientFrontier.frontier).
    ef = EfficientFrontier(mu, S)
    top = ef._max_return()
    ef = EfficientFrontier(mu, S)
    ef.min_volatility()
    start = ef.portfolio_performance()[0]
    count = 5
    frontier = []
    for k in range(1, count):
        target = start + (top - start) * k / count
        frontier.append(run(f"frontier-{k}", "efficient_return", target_return=target))
    # HRP on complete rows of daily returns (no missing values), single linkage.
    from pypfopt import HRPOpt
    from pypfopt.black_litterman import BlackLittermanModel, market_implied_prior_returns

    rets = er.returns_from_prices(prices).dropna()
    hrp = HRPOpt(rets)
    hw = hrp.optimize()
    hret, hvol, hsharpe = hrp.portfolio_performance()
    hrp_case = {"weights": [float(hw[a]) for a in assets], "expectedReturn": float(hret),
                "volatility": float(hvol), "sharpe": float(hsharpe)}
    # Black-Litterman: market-implied prior from illustrative caps, an absolute and a relative view.
    caps = [float(10 + 5 * i) for i in range(len(assets))]
    delta = 2.5
    pi = market_implied_prior_returns(pd.Series(caps, index=assets), delta, S)
    Pm = np.zeros((2, len(assets)))
    Pm[0, assets.index("AAPL")] = 1
    Pm[1, assets.index("JPM")] = 1
    Pm[1, assets.index("BAC")] = -1
    Q = np.array([0.10, 0.03])
    bl_default = BlackLittermanModel(S, pi=pi, P=Pm, Q=Q)
    bl_idz = BlackLittermanModel(S, pi=pi, P=Pm, Q=Q, omega="idzorek", view_confidences=[0.6, 0.3])
    bl = {"caps": caps, "riskAversion": delta, "P": mat(Pm), "Q": vec(Q), "confidences": [0.6, 0.3],
          "prior": vec(pi),
          "defaultReturns": vec(bl_default.bl_returns()), "defaultCovariance": mat(bl_default.bl_cov()),
          "idzorekReturns": vec(bl_idz.bl_returns()), "idzorekCovariance": mat(bl_idz.bl_cov())}
    sector_names = sorted(set(SECTORS.values()))
    write("optimizers_stock_prices_20.json", {
        "assets": assets, "sectors": [SECTORS[a] for a in assets], "sectorNames": sector_names,
        "sectorLower": SECTOR_LOWER, "sectorUpper": SECTOR_UPPER,
        "cases": cases, "frontierCount": count, "frontier": frontier, "maxReturn": float(top),
        "hrp": hrp_case, "blackLitterman": bl,
    })


if __name__ == "__main__":
    what = sys.argv[1:] or ["metrics", "portfolio"]
    if "metrics" in what:
        metrics()
    if "portfolio" in what and "portfolio" in globals():
        globals()["portfolio"]()
