internal import Foundation

/// Mean–variance optimization over expected returns and a covariance matrix, as
/// PyPortfolioOpt's `EfficientFrontier`, solved with `QPSolver`.
///
/// ```swift
/// let ef = try EfficientFrontier(expectedReturns: mu, covariance: sigma)
/// let tangency = try ef.maxSharpe(riskFreeRate: 0.02)
/// ```
public struct EfficientFrontier: Sendable {
    /// Annualized expected returns.
    public let expectedReturns: Vector
    /// Annualized covariance.
    public let covariance: Matrix
    /// Weight constraints.
    public let constraints: PortfolioConstraints
    /// The QP solver.
    public var solver = QPSolver()

    /// A frontier problem.
    /// - Throws: `lengthMismatch`, `nonFiniteValue`, `singularCovariance` if the covariance is not
    ///   positive definite (a Cholesky factorization fails: redundant or constant assets), or
    ///   `infeasible` for constraints that cannot be met.
    public init(
        expectedReturns: Vector, covariance: Matrix, constraints: PortfolioConstraints? = nil
    ) throws(AnalyticsError) {
        let n = expectedReturns.count
        guard n > 0, covariance.rows == n, covariance.columns == n else {
            throw .lengthMismatch("\(n) expected returns for a \(covariance.rows)×\(covariance.columns) covariance")
        }
        if let i = expectedReturns.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(what: "expected return", index: i)
        }
        try covariance.requirePositiveDefinite("remove redundant or constant assets or use a shrinkage estimator")
        let constraints = constraints ?? .longOnly(assets: n)
        try constraints.validate(assets: n)
        self.expectedReturns = expectedReturns
        self.covariance = covariance
        self.constraints = constraints
    }

    var assetCount: Int { expectedReturns.count }

    /// The smallest risk aversion used: small enough that `max μᵀw − γ wᵀΣw` lands on the
    /// highest-return corner, large enough to keep the KKT systems well conditioned.
    static let leastRiskAversion = 1e-6

    /// The minimum-variance portfolio.
    public func minVolatility() throws(AnalyticsError) -> PortfolioResult {
        try result(solveWeights(returnTarget: nil, riskAversion: nil))
    }

    /// The portfolio of least variance whose expected return is at least `targetReturn`.
    /// - Throws: `infeasible` if no portfolio reaches the target.
    public func efficientReturn(targetReturn: Double) throws(AnalyticsError) -> PortfolioResult {
        try result(solveWeights(returnTarget: targetReturn, riskAversion: nil))
    }

    /// The portfolio of highest expected return whose volatility is at most `targetVolatility`.
    ///
    /// Solved through the equivalent family `max μᵀw − γ wᵀΣw`: the volatility falls as γ grows,
    /// and γ is bisected (on a log scale) until the volatility meets the target to 1e-12. A target
    /// above the riskiest frontier portfolio's volatility returns that portfolio (`γ = 10⁻⁶`, the
    /// highest-return portfolio when that is a unique corner, as it is with distinct returns).
    /// - Throws: `infeasible` if the target is below the minimum volatility.
    public func efficientRisk(targetVolatility: Double) throws(AnalyticsError) -> PortfolioResult {
        let least = try minVolatility()
        guard targetVolatility >= least.performance.volatility - 1e-12 else {
            throw .infeasible("target volatility \(targetVolatility) is below the minimum volatility \(least.performance.volatility)")
        }
        var low = log10(Self.leastRiskAversion)  // small γ → high risk
        var high = 8.0
        let riskiest = try result(solveWeights(returnTarget: nil, riskAversion: Self.leastRiskAversion))
        if riskiest.performance.volatility <= targetVolatility { return riskiest }
        var best = least
        for _ in 0..<200 {
            let mid = (low + high) / 2
            let candidate = try result(solveWeights(returnTarget: nil, riskAversion: pow(10, mid)))
            if candidate.performance.volatility > targetVolatility {
                low = mid
            } else {
                high = mid
                best = candidate
            }
            if abs(candidate.performance.volatility - targetVolatility) <= 1e-12 * targetVolatility || high - low < 1e-13 {
                break
            }
        }
        return best
    }

    /// The tangency portfolio, maximizing `(μᵀw − rf) / √(wᵀΣw)`.
    ///
    /// Solved as a QP after the standard change of variables `y = κ w`, `κ ≥ 0` (Cornuejols &
    /// Tütüncü, as PyPortfolioOpt): minimize `yᵀΣy` subject to `(μ − rf)ᵀ y = 1`, `Σ y = κ`, and each
    /// bound `b` on a weight or group written as `b κ`.
    /// - Throws: `infeasible` if no asset's expected return exceeds `riskFreeRate`.
    public func maxSharpe(riskFreeRate: Double = 0) throws(AnalyticsError) -> PortfolioResult {
        guard expectedReturns.contains(where: { $0 > riskFreeRate }) else {
            throw .infeasible("max Sharpe needs an asset whose expected return exceeds the risk-free rate \(riskFreeRate)")
        }
        let n = assetCount
        let size = n + 1
        var p = Matrix(rows: size, columns: size)
        for i in 0..<n {
            for j in 0..<n { p[i, j] = 2 * covariance[i, j] }
        }
        var rows = [Vector]()
        var lower = Vector()
        var upper = Vector()
        func addRow(_ row: Vector, _ l: Double, _ u: Double) {
            rows.append(row)
            lower.append(l)
            upper.append(u)
        }
        addRow(expectedReturns.map { $0 - riskFreeRate } + [0], 1, 1)
        addRow(Vector(repeating: 1, count: n) + [-1], 0, 0)
        var variableLower = Vector(repeating: -.infinity, count: n) + [0]
        let variableUpper = Vector(repeating: .infinity, count: size)
        // Per-asset upper bounds of 1 or more are implied when every lower bound is ≥ 0.
        let upperImplied = constraints.lower.allSatisfy { $0 >= 0 }
        for i in 0..<n {
            if constraints.lower[i] == 0 {
                variableLower[i] = 0
            } else {
                addRow(unit(i, size, kappa: -constraints.lower[i]), 0, .infinity)
            }
            if !(upperImplied && constraints.upper[i] >= 1) {
                addRow(unit(i, size, kappa: -constraints.upper[i]), -.infinity, 0)
            }
        }
        for group in constraints.groups {
            var row = Vector(repeating: 0, count: size)
            for i in group.members { row[i] = 1 }
            row[n] = -group.lower
            addRow(row, 0, .infinity)
            row[n] = -group.upper
            addRow(row, -.infinity, 0)
        }
        let program = try QuadraticProgram(
            p: p, q: Vector(repeating: 0, count: size), g: matrix(rows, columns: size), lower: lower, upper: upper,
            variableLower: variableLower, variableUpper: variableUpper)
        let solution = try solver.solve(program)
        let kappa = solution.x[n]
        guard kappa > 0 else { throw .infeasible("max Sharpe: no portfolio with positive excess return") }
        return try result(solution.x.prefix(n).map { $0 / kappa }, riskFreeRate: riskFreeRate)
    }

    /// `count` portfolios along the frontier: the minimum-volatility portfolio, then the
    /// efficient-return portfolios for targets `r₀ + (r_max − r₀) · k / count`, `k = 1 ..< count`,
    /// where `r₀` is the minimum-volatility return and `r_max` the highest attainable return
    /// (the degenerate single-corner top itself is left out).
    public func frontier(count: Int) throws(AnalyticsError) -> [PortfolioResult] {
        guard count >= 2 else { throw .invalidParameter("a frontier needs at least 2 points, got \(count)") }
        let first = try minVolatility()
        let top = try result(solveWeights(returnTarget: nil, riskAversion: Self.leastRiskAversion)).performance.expectedReturn
        let start = first.performance.expectedReturn
        var points = [first]
        for k in 1..<count {
            points.append(try efficientReturn(targetReturn: start + (top - start) * Double(k) / Double(count)))
        }
        return points
    }

    /// With `riskAversion` γ, minimizes `γ wᵀΣw − μᵀw`; without, minimizes `wᵀΣw`, optionally
    /// subject to `μᵀw ≥ returnTarget`. Always subject to the constraints.
    private func solveWeights(returnTarget: Double?, riskAversion: Double?) throws(AnalyticsError) -> Vector {
        let n = assetCount
        let gamma = riskAversion ?? 1
        var p = covariance
        for k in p.elements.indices { p.elements[k] *= 2 * gamma }
        let q = riskAversion == nil ? Vector(repeating: 0, count: n) : expectedReturns.map { -$0 }
        var rows: [Vector] = [Vector(repeating: 1, count: n)]
        var lower: Vector = [1]
        var upper: Vector = [1]
        for group in constraints.groups {
            var row = Vector(repeating: 0, count: n)
            for i in group.members { row[i] = 1 }
            rows.append(row)
            lower.append(group.lower)
            upper.append(group.upper)
        }
        if let returnTarget {
            guard returnTarget.isFinite else { throw .invalidParameter("target return must be finite") }
            rows.append(expectedReturns)
            lower.append(returnTarget)
            upper.append(.infinity)
        }
        let program = try QuadraticProgram(
            p: p, q: q, g: matrix(rows, columns: n), lower: lower, upper: upper,
            variableLower: constraints.lower, variableUpper: constraints.upper)
        return try solver.solve(program).x
    }

    private func result(_ weights: Vector, riskFreeRate: Double = 0) throws(AnalyticsError) -> PortfolioResult {
        PortfolioResult(
            weights: weights,
            performance: try PortfolioPerformance(
                weights: weights, expectedReturns: expectedReturns, covariance: covariance, riskFreeRate: riskFreeRate))
    }

    private func unit(_ i: Int, _ size: Int, kappa: Double) -> Vector {
        var row = Vector(repeating: 0, count: size)
        row[i] = 1
        row[size - 1] = kappa
        return row
    }

    private func matrix(_ rows: [Vector], columns: Int) -> Matrix {
        Matrix(uncheckedRows: rows.count, columns: columns, elements: rows.flatMap { $0 })
    }
}
