/// Expected annual return, volatility and Sharpe ratio of a weight vector
/// (PyPortfolioOpt `portfolio_performance`).
public struct PortfolioPerformance: Sendable, Equatable {
    /// `wᵀ μ`.
    public let expectedReturn: Double
    /// `√(wᵀ Σ w)`.
    public let volatility: Double
    /// `(return − riskFreeRate) / volatility`.
    public let sharpeRatio: Double

    /// Computes the performance of `weights`.
    public init(weights: Vector, expectedReturns: Vector, covariance: Matrix, riskFreeRate: Double = 0) throws(AnalyticsError) {
        guard weights.count == expectedReturns.count, covariance.rows == weights.count else {
            throw .lengthMismatch("\(weights.count) weights, \(expectedReturns.count) returns, \(covariance.rows)×\(covariance.columns) covariance")
        }
        expectedReturn = Vectors.dot(weights, expectedReturns)
        do { volatility = max(try covariance.quadraticForm(weights), 0).squareRoot() } catch { throw .linearAlgebra(error) }
        sharpeRatio = (expectedReturn - riskFreeRate) / volatility
    }
}

/// Optimal weights and their performance.
public struct PortfolioResult: Sendable, Equatable {
    /// Weights, one per asset, summing to 1.
    public let weights: Vector
    /// Their performance (Sharpe with the risk-free rate given to the optimizer, else 0).
    public let performance: PortfolioPerformance

    /// Pairs weights with their performance.
    public init(weights: Vector, performance: PortfolioPerformance) {
        self.weights = weights
        self.performance = performance
    }
}
