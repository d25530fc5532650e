internal import Foundation

/// Estimators of annualized expected returns, as PyPortfolioOpt's `expected_returns` module.
public enum ExpectedReturns {
    /// Mean historical return per asset over its non-missing returns: compounded (CAGR,
    /// `Π(1 + r)^(frequency / n) − 1`) or arithmetic (`mean · frequency`).
    public static func meanHistorical(
        _ returns: AssetReturns, compounding: Bool = true, frequency: Double = 252
    ) -> Vector {
        returns.assets.indices.map { j in
            let r = returns.present(j)
            return compounding
                ? pow(r.reduce(1) { $0 * (1 + $1) }, frequency / Double(r.count)) - 1
                : Descriptive.mean(r) * frequency
        }
    }

    /// Exponentially weighted mean of returns, as the last value of pandas'
    /// `ewm(span:).mean()` (adjusted weights `(1 − α)^age`, `α = 2 / (span + 1)`, missing values
    /// skipped but still ageing the others), annualized by compounding `(1 + m)^frequency − 1`
    /// or arithmetically `m · frequency`.
    public static func exponentiallyWeighted(
        _ returns: AssetReturns, span: Double = 500, compounding: Bool = true, frequency: Double = 252
    ) throws(AnalyticsError) -> Vector {
        guard span >= 1 else { throw .invalidParameter("span must be at least 1, got \(span)") }
        let decay = 1 - 2 / (span + 1)
        return returns.assets.indices.map { j in
            let m = Descriptive.exponentiallyWeightedMean(count: returns.periods, decay: decay) { returns.values[$0, j] }
            return compounding ? pow(1 + m, frequency) - 1 : m * frequency
        }
    }
}
