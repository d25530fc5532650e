internal import Foundation

/// Risk parity: long-only weights whose risk contributions match given budgets (Roncalli 2013).
///
/// The risk contribution of asset `i` is `RCᵢ = wᵢ (Σw)ᵢ / wᵀΣw`; the contributions sum to 1.
/// Equal risk contribution (ERC) takes every budget `1/n`. The weights come from the convex
/// problem (Spinu 2013)
///
///     minimize  ½ yᵀΣy − Σ bᵢ ln yᵢ   over y > 0,
///
/// whose optimum satisfies `yᵢ (Σy)ᵢ = bᵢ`; then `w = y / Σy`. It is solved by damped Newton
/// steps (Hessian `Σ + diag(b / y²)`, factored by LAPACK `dpotrf`) with a fraction-to-boundary
/// rule and Armijo backtracking, which converge quadratically; the answer is returned only when
/// every contribution matches its budget to `1e-12` relative.
public enum RiskParity {
    /// Weights whose risk contributions equal `budgets` (normalized to sum to 1); `nil` for
    /// equal risk contribution.
    /// - Throws: `lengthMismatch`, `invalidParameter` (a budget not positive and finite),
    ///   `singularCovariance` (not positive definite: the problem is then unbounded), or
    ///   `notConverged`.
    public static func weights(covariance: Matrix, budgets: Vector? = nil) throws(AnalyticsError) -> Vector {
        let n = covariance.rows
        guard n > 0, covariance.isSquare else {
            throw .lengthMismatch("risk parity needs a non-empty square covariance, got \(covariance.rows)×\(covariance.columns)")
        }
        let b = try normalizedBudgets(budgets, assets: n)
        try covariance.requirePositiveDefinite("risk parity is unbounded")
        // Start from the inverse-volatility portfolio scaled onto yᵀΣy = 1 (= Σb at the optimum).
        var y = covariance.diagonalElements.map { 1 / $0.squareRoot() }
        let scale = try linearAlgebra { () throws(LinearAlgebraError) in try covariance.quadraticForm(y) }.squareRoot()
        for i in 0..<n { y[i] /= scale }
        for _ in 0..<100 {
            let sigmaY = try linearAlgebra { () throws(LinearAlgebraError) in try covariance.multiplied(by: y) }
            let gradient = (0..<n).map { sigmaY[$0] - b[$0] / y[$0] }
            if (0..<n).allSatisfy({ abs(y[$0] * sigmaY[$0] - b[$0]) <= 1e-15 * b[$0] }) { break }
            var hessian = covariance
            for i in 0..<n { hessian[i, i] += b[i] / (y[i] * y[i]) }
            let step = try linearAlgebra { () throws(LinearAlgebraError) in
                try Cholesky(hessian).solve(gradient.map { -$0 })
            }
            let decrement = -Vectors.dot(gradient, step)
            guard decrement > 1e-32 else { break }
            var t = 1.0
            for i in 0..<n where step[i] < 0 { t = min(t, -0.99 * y[i] / step[i]) }
            let current = objective(covariance, b, y)
            while t > 1e-12 {
                let candidate = (0..<n).map { y[$0] + t * step[$0] }
                if objective(covariance, b, candidate) <= current - 1e-4 * t * decrement { break }
                t /= 2
            }
            for i in 0..<n { y[i] += t * step[i] }
        }
        let total = y.reduce(0, +)
        let w = y.map { $0 / total }
        let contributions = try riskContributions(weights: w, covariance: covariance)
        let worst = (0..<n).reduce(0.0) { max($0, abs(contributions[$1] / b[$1] - 1)) }
        guard worst <= 1e-12 else {
            throw .notConverged("risk parity: contributions differ from the budgets by \(worst) relative")
        }
        return w
    }

    /// Fractions of the portfolio variance due to each asset, `wᵢ (Σw)ᵢ / wᵀΣw` (they sum to 1).
    /// - Throws: `lengthMismatch`, or `undefined` for a zero-variance portfolio.
    public static func riskContributions(weights: Vector, covariance: Matrix) throws(AnalyticsError) -> Vector {
        guard covariance.isSquare, covariance.rows == weights.count else {
            throw .lengthMismatch("\(weights.count) weights for a \(covariance.rows)×\(covariance.columns) covariance")
        }
        let sigmaW = try linearAlgebra { () throws(LinearAlgebraError) in try covariance.multiplied(by: weights) }
        let variance = Vectors.dot(weights, sigmaW)
        guard variance > 0 else { throw .undefined("risk contributions of a zero-variance portfolio") }
        return (0..<weights.count).map { weights[$0] * sigmaW[$0] / variance }
    }

    /// `budgets / Σ budgets`, or `1/n` each.
    private static func normalizedBudgets(_ budgets: Vector?, assets n: Int) throws(AnalyticsError) -> Vector {
        guard let budgets else { return Vector(repeating: 1 / Double(n), count: n) }
        guard budgets.count == n else { throw .lengthMismatch("\(budgets.count) risk budgets for \(n) assets") }
        if let i = budgets.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
            throw .invalidParameter("risk budget \(i) is \(budgets[i]); budgets must be positive and finite")
        }
        let total = budgets.reduce(0, +)
        return budgets.map { $0 / total }
    }

    /// `½ yᵀΣy − Σ bᵢ ln yᵢ`.
    private static func objective(_ covariance: Matrix, _ b: Vector, _ y: Vector) -> Double {
        let quadratic = (try? covariance.quadraticForm(y)) ?? .infinity
        var logs = 0.0
        for i in 0..<y.count { logs += b[i] * log(y[i]) }
        return 0.5 * quadratic - logs
    }
}
