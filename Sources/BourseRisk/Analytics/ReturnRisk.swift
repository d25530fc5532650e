internal import BourseAnalytics
import Foundation

/// Value at risk and expected shortfall of a series of periodic (daily) simple returns.
///
/// Conventions, matching empyrical and quantstats: results are **returns** at the tail
/// (negative = loss), e.g. `historicalVaR(confidence: 0.95) = -0.031` means a 5 % chance of
/// losing 3.1 % or more in a day. Multiply by the portfolio value for money.
///
/// - Historical VaR: the `1 − confidence` percentile, linearly interpolated (NumPy's default; empyrical `value_at_risk`).
/// - Historical CVaR: the mean of the `⌊(n − 1)(1 − confidence)⌋ + 1` smallest returns (empyrical `conditional_value_at_risk`).
/// - Parametric (normal): `μ + σ z` with `z = Φ⁻¹(1 − confidence)`, σ the sample standard deviation
///   (quantstats `value_at_risk`); CVaR `μ − σ φ(z) / (1 − confidence)`.
/// - Cornish–Fisher: `z` adjusted by the sample skewness S and excess kurtosis K (pandas' bias-corrected):
///   `z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36`.
/// - Monte Carlo: `paths` draws from the fitted normal with a seeded generator; reproducible.
///
/// **N-day horizon** (``scaled(_:days:)``): the square-root-of-time rule, `VaR_N = VaR_1 · √N`,
/// which assumes independent, identically distributed returns with negligible mean.
public struct ReturnRisk: Sendable {
    public let returns: [Double]
    private let sorted: [Double]
    public let mean: Double
    /// Sample standard deviation (n − 1).
    public let standardDeviation: Double

    /// - Throws: ``RiskAnalyticsError`` for fewer than 4 returns or a non-finite one.
    public init(_ returns: [Double]) throws(RiskAnalyticsError) {
        guard returns.count >= 4 else { throw .tooFewObservations(needed: 4, got: returns.count) }
        if let bad = returns.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(index: bad) }
        self.returns = returns
        sorted = returns.sorted()
        mean = Descriptive.mean(returns)
        standardDeviation = Descriptive.standardDeviation(returns)
    }

    public func historicalVaR(confidence: Double) throws(RiskAnalyticsError) -> Double {
        try Self.check(confidence)
        return Descriptive.percentile(sorted: sorted, (1 - confidence) * 100)
    }

    public func historicalCVaR(confidence: Double) throws(RiskAnalyticsError) -> Double {
        try Self.check(confidence)
        let cutoff = Int((Double(sorted.count - 1) * (1 - confidence)).rounded(.down))
        return sorted[0...cutoff].reduce(0, +) / Double(cutoff + 1)
    }

    public func parametricVaR(confidence: Double) throws(RiskAnalyticsError) -> Double {
        mean + standardDeviation * (try Self.z(confidence))
    }

    public func parametricCVaR(confidence: Double) throws(RiskAnalyticsError) -> Double {
        let z = try Self.z(confidence)
        return mean - standardDeviation * NormalDistribution.density(z) / (1 - confidence)
    }

    public func cornishFisherVaR(confidence: Double) throws(RiskAnalyticsError) -> Double {
        let z = try Self.z(confidence)
        let s = skewness
        let k = excessKurtosis
        let adjusted = z + (z * z - 1) * s / 6 + (z * z * z - 3 * z) * k / 24 - (2 * z * z * z - 5 * z) * s * s / 36
        return mean + standardDeviation * adjusted
    }

    /// VaR from `paths` normal draws with the sample mean and standard deviation.
    public func monteCarloVaR(confidence: Double, paths: Int, seed: UInt64) throws(RiskAnalyticsError) -> MonteCarloEstimate {
        let z = try Self.z(confidence)
        guard paths >= 100 else { throw .invalidParameter("Monte Carlo needs at least 100 paths, got \(paths)") }
        var generator = SeededGenerator(seed: seed)
        var draws = [Double]()
        draws.reserveCapacity(paths)
        while draws.count < paths {
            // Box–Muller: two independent normals per pair of uniforms.
            let r = (-2 * log(generator.nextOpenUnit())).squareRoot()
            let theta = 2 * Double.pi * generator.nextOpenUnit()
            draws.append(mean + standardDeviation * r * cos(theta))
            if draws.count < paths { draws.append(mean + standardDeviation * r * sin(theta)) }
        }
        draws.sort()
        let p = 1 - confidence
        let se = standardDeviation * (p * (1 - p) / Double(paths)).squareRoot() / NormalDistribution.density(z)
        return MonteCarloEstimate(value: Descriptive.percentile(sorted: draws, p * 100), standardError: se, paths: paths, seed: seed)
    }

    /// The N-day figure from a one-day one by the square-root-of-time rule.
    public static func scaled(_ oneDay: Double, days: Int) throws(RiskAnalyticsError) -> Double {
        guard days >= 1 else { throw .invalidParameter("horizon must be at least 1 day, got \(days)") }
        return oneDay * Double(days).squareRoot()
    }

    /// Adjusted Fisher–Pearson skewness (pandas `skew`).
    public var skewness: Double { Descriptive.skewness(returns) }

    /// Bias-corrected excess kurtosis (pandas `kurt`).
    public var excessKurtosis: Double { Descriptive.excessKurtosis(returns) }

    /// Beta to a benchmark: `cov(r, b) / var(b)` over equally long series (empyrical `beta`, no risk-free rate).
    public func beta(to benchmark: [Double]) throws(RiskAnalyticsError) -> Double {
        guard benchmark.count == returns.count else {
            throw .lengthMismatch("benchmark has \(benchmark.count) returns, the series \(returns.count)")
        }
        let variance = Descriptive.covariance(benchmark[...], benchmark[...])
        guard variance > 0 else { throw .invalidParameter("the benchmark returns are constant: beta is undefined") }
        return Descriptive.covariance(returns[...], benchmark[...]) / variance
    }

    /// The `count` worst returns, worst first, with their indices.
    public func worstPeriods(length: Int, count: Int) throws(RiskAnalyticsError) -> [(index: Int, return: Double)] {
        guard length >= 1, length <= returns.count else { throw .invalidParameter("period length \(length) is not in 1...\(returns.count)") }
        var compounded: [(index: Int, return: Double)] = []
        for start in 0...(returns.count - length) {
            compounded.append((start, returns[start..<(start + length)].reduce(1) { $0 * (1 + $1) } - 1))
        }
        return Array(compounded.sorted { $0.return != $1.return ? $0.return < $1.return : $0.index < $1.index }.prefix(count))
    }

    private static func check(_ confidence: Double) throws(RiskAnalyticsError) {
        guard confidence.isFinite, confidence > 0, confidence < 1 else {
            throw .invalidParameter("confidence must be in (0, 1), got \(confidence)")
        }
    }

    private static func z(_ confidence: Double) throws(RiskAnalyticsError) -> Double {
        try check(confidence)
        guard let z = NormalDistribution.quantile(1 - confidence) else { throw .invalidParameter("confidence \(confidence)") }
        return z
    }
}
