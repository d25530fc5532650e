/// Annualized covariance estimators, as PyPortfolioOpt's `risk_models` module, including its
/// handling of missing returns (documented per estimator) and its final repair of a matrix that
/// is not positive semidefinite (`fixNonPositiveSemidefinite`).
public enum RiskModels {
    /// Sample covariance (n − 1) × `frequency`. Missing returns: pairwise deletion, as pandas'
    /// `DataFrame.cov` — each pair uses the periods where both are present, with its own means.
    /// - Complexity: O(T · N²); BLAS `dsyrk` when nothing is missing.
    public static func sampleCovariance(_ returns: AssetReturns, frequency: Double = 252) throws(AnalyticsError) -> Matrix {
        let x = returns.values
        let n = x.columns
        var cov: Matrix
        if !returns.hasMissing {
            cov = centered(x).gram(dividedBy: Double(x.rows - 1) / frequency)
        } else {
            cov = Matrix(rows: n, columns: n)
            for i in 0..<n {
                for j in i..<n {
                    let c = try pairwiseCovariance(x, i, j) * frequency
                    cov[i, j] = c
                    cov[j, i] = c
                }
            }
        }
        return try fixNonPositiveSemidefinite(cov)
    }

    /// Exponentially weighted covariance (PyPortfolioOpt `exp_cov`): for each pair, the
    /// pandas `ewm(span:)` mean of `(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ)` at the last period, × `frequency`.
    /// Missing returns: the means x̄ are each asset's own; products with a missing factor are
    /// skipped (but age the others).
    public static func exponentialCovariance(
        _ returns: AssetReturns, span: Double = 180, frequency: Double = 252
    ) throws(AnalyticsError) -> Matrix {
        guard span >= 1 else { throw .invalidParameter("span must be at least 1, got \(span)") }
        let x = returns.values
        let n = x.columns
        let means = (0..<n).map { Descriptive.mean(returns.present($0)) }
        let decay = 1 - 2 / (span + 1)
        var cov = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in i..<n {
                let c = Descriptive.exponentiallyWeightedMean(count: x.rows, decay: decay) { t in
                    (x[t, i] - means[i]) * (x[t, j] - means[j])
                } * frequency
                cov[i, j] = c
                cov[j, i] = c
            }
        }
        return try fixNonPositiveSemidefinite(cov)
    }

    /// Semicovariance `E[min(rᵢ − B, 0) · min(rⱼ − B, 0)] · frequency` with `benchmark` B per
    /// period (PyPortfolioOpt `semicovariance`). Missing returns count as no shortfall (0), as
    /// NumPy's `fmin` does there; the divisor is all periods.
    public static func semicovariance(
        _ returns: AssetReturns, benchmark: Double = 0.000079, frequency: Double = 252
    ) throws(AnalyticsError) -> Matrix {
        var drops = returns.values
        for k in drops.elements.indices {
            let v = drops.elements[k]
            drops.elements[k] = v.isNaN ? 0 : min(v - benchmark, 0)
        }
        return try fixNonPositiveSemidefinite(drops.gram(dividedBy: Double(drops.rows) / frequency))
    }

    /// Ledoit–Wolf shrinkage towards a constant-variance target (scikit-learn `ledoit_wolf`, as
    /// PyPortfolioOpt's `CovarianceShrinkage.ledoit_wolf()`): `(1 − δ) S + δ μ I` with `S` the
    /// biased (1/T) covariance, `μ = tr(S) / N` and the optimal `δ`, × `frequency`.
    /// Missing returns are replaced by 0 first (PyPortfolioOpt's `nan_to_num`).
    public static func ledoitWolf(
        _ returns: AssetReturns, frequency: Double = 252
    ) throws(AnalyticsError) -> (covariance: Matrix, shrinkage: Double) {
        var x = returns.values
        for k in x.elements.indices where x.elements[k].isNaN { x.elements[k] = 0 }
        x = centered(x)
        let t = Double(x.rows)
        let p = Double(x.columns)
        let n = x.columns
        let s = x.gram(dividedBy: t)
        var x2 = x
        for k in x2.elements.indices { x2.elements[k] *= x2.elements[k] }
        let mu = s.diagonalElements.reduce(0, +) / p
        let beta0 = x2.gram().elements.reduce(0, +)
        let delta0 = s.elements.reduce(0) { $0 + $1 * $1 }
        let traceSum = s.diagonalElements.reduce(0, +)
        let delta = (delta0 - 2 * mu * traceSum + p * mu * mu) / p
        let beta = min(1 / (p * t) * (beta0 / t - delta0), delta)
        let shrinkage = beta == 0 ? 0 : beta / delta
        var shrunk = s
        for k in shrunk.elements.indices { shrunk.elements[k] *= (1 - shrinkage) * frequency }
        for i in 0..<n { shrunk[i, i] += shrinkage * mu * frequency }
        return (try fixNonPositiveSemidefinite(shrunk), shrinkage)
    }

    /// PyPortfolioOpt's repair: if a Cholesky factorization of `m + 1e-16 I` fails, rebuild the
    /// matrix with negative eigenvalues set to zero ("spectral" method); otherwise return `m`.
    /// - Throws: `singularCovariance` if the matrix holds NaN or cannot be decomposed.
    public static func fixNonPositiveSemidefinite(_ m: Matrix) throws(AnalyticsError) -> Matrix {
        guard m.isFinite else { throw .singularCovariance("covariance matrix holds NaN or infinity") }
        var jittered = m
        for i in 0..<m.rows { jittered[i, i] += 1e-16 }
        if (try? Cholesky(jittered)) != nil { return m }
        do {
            return try SymmetricEigen(m).reconstructed { max($0, 0) }
        } catch {
            throw .linearAlgebra(error)
        }
    }

    /// Columns minus their means (two row-order sweeps over the row-major storage).
    static func centered(_ x: Matrix) -> Matrix {
        let n = x.columns
        var means = Vector(repeating: 0, count: n)
        var c = x
        c.elements.withUnsafeMutableBufferPointer { e in
            means.withUnsafeMutableBufferPointer { mean in
                for t in 0..<x.rows {
                    for j in 0..<n { mean[j] += e[t * n + j] }
                }
                for j in 0..<n { mean[j] /= Double(x.rows) }
                for t in 0..<x.rows {
                    for j in 0..<n { e[t * n + j] -= mean[j] }
                }
            }
        }
        return c
    }

    private static func pairwiseCovariance(_ x: Matrix, _ i: Int, _ j: Int) throws(AnalyticsError) -> Double {
        var count = 0
        var si = 0.0
        var sj = 0.0
        for t in 0..<x.rows where !x[t, i].isNaN && !x[t, j].isNaN {
            count += 1
            si += x[t, i]
            sj += x[t, j]
        }
        guard count >= 2 else { throw .tooFewObservations(needed: 2, got: count) }
        let mi = si / Double(count)
        let mj = sj / Double(count)
        var s = 0.0
        for t in 0..<x.rows where !x[t, i].isNaN && !x[t, j].isNaN {
            s += (x[t, i] - mi) * (x[t, j] - mj)
        }
        return s / Double(count - 1)
    }
}
