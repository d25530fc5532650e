/// The Black–Litterman posterior of expected returns and covariance (He & Litterman 1999),
/// as PyPortfolioOpt's `BlackLittermanModel`.
///
/// The prior is the market-implied return `π = δ Σ w_mkt + rf` (weights from capitalizations).
/// Views are rows `pᵀμ = q`: absolute (one asset) or relative (a long–short combination). Their
/// uncertainty Ω is diagonal: `τ pᵀΣp` by default, or Idzorek's `τ (1 − c)/c · pᵀΣp` from a
/// confidence `c ∈ [0, 1]` (c = 0 gives 10⁶, no weight). Then with `A = P τΣ Pᵀ + Ω`:
///
///     μ_post = π + τΣPᵀ A⁻¹ (Q − Pπ)
///     Σ_post = Σ + τΣ − τΣPᵀ A⁻¹ P τΣ
///
/// solved with an LU factorization of `A` (no explicit inverse).
public struct BlackLitterman: Sendable {
    /// One view on the expected return of a portfolio of assets.
    public struct View: Sendable, Equatable {
        /// The view portfolio `p`, one weight per asset.
        public var portfolio: Vector
        /// The expected return `q` of that portfolio.
        public var expectedReturn: Double
        /// Idzorek confidence in [0, 1]; `nil` for the default Ω.
        public var confidence: Double?

        /// "Asset `asset` will return `expectedReturn`."
        public static func absolute(asset: Int, assets: Int, expectedReturn: Double, confidence: Double? = nil) -> View {
            var p = Vector(repeating: 0, count: assets)
            if p.indices.contains(asset) { p[asset] = 1 }
            return View(portfolio: p, expectedReturn: expectedReturn, confidence: confidence)
        }

        /// "Asset `outperformer` will beat asset `underperformer` by `spread`."
        public static func relative(
            outperformer: Int, underperformer: Int, assets: Int, spread: Double, confidence: Double? = nil
        ) -> View {
            var p = Vector(repeating: 0, count: assets)
            if p.indices.contains(outperformer) { p[outperformer] = 1 }
            if p.indices.contains(underperformer) { p[underperformer] = -1 }
            return View(portfolio: p, expectedReturn: spread, confidence: confidence)
        }

        public init(portfolio: Vector, expectedReturn: Double, confidence: Double? = nil) {
            self.portfolio = portfolio
            self.expectedReturn = expectedReturn
            self.confidence = confidence
        }
    }

    /// Market-implied prior returns.
    public let prior: Vector
    /// Posterior expected returns.
    public let posteriorReturns: Vector
    /// Posterior covariance.
    public let posteriorCovariance: Matrix

    /// The market-implied prior `δ Σ w + rf`, with `w` the capitalization weights.
    public static func marketImpliedPrior(
        marketCaps: Vector, riskAversion: Double, covariance: Matrix, riskFreeRate: Double = 0
    ) throws(AnalyticsError) -> Vector {
        let total = marketCaps.reduce(0, +)
        guard marketCaps.allSatisfy({ $0 >= 0 && $0.isFinite }), total > 0 else {
            throw .invalidParameter("market capitalizations must be non-negative with a positive total")
        }
        do {
            return try covariance.multiplied(by: marketCaps.map { $0 / total }).map { riskAversion * $0 + riskFreeRate }
        } catch {
            throw .linearAlgebra(error)
        }
    }

    /// The posterior for `views` around `prior`.
    /// - Parameter tau: weight on the prior's uncertainty, in (0, 1] (default 0.05).
    /// - Throws: `lengthMismatch`, `invalidParameter` (τ, confidences), or `singularCovariance`
    ///   when `A` is singular (e.g. two identical views with zero uncertainty).
    public init(covariance: Matrix, prior: Vector, views: [View], tau: Double = 0.05) throws(AnalyticsError) {
        let n = prior.count
        guard covariance.rows == n, covariance.columns == n else {
            throw .lengthMismatch("prior of \(n) assets for a \(covariance.rows)×\(covariance.columns) covariance")
        }
        guard !views.isEmpty else { throw .invalidParameter("Black–Litterman needs at least one view") }
        guard tau > 0, tau <= 1 else { throw .invalidParameter("tau must be in (0, 1], got \(tau)") }
        for (k, view) in views.enumerated() {
            guard view.portfolio.count == n else { throw .lengthMismatch("view \(k) covers \(view.portfolio.count) assets, expected \(n)") }
            if let c = view.confidence, !(0...1).contains(c) {
                throw .invalidParameter("view \(k) confidence \(c) is outside [0, 1]")
            }
        }
        let (tauSigmaPT, a, p) = try linearAlgebra { () throws(LinearAlgebraError) in
            let p = try Matrix(rows: views.count, columns: n, elements: views.flatMap(\.portfolio))
            var tauSigmaPT = try covariance.multiplied(by: p.transposed)  // N × K
            for i in tauSigmaPT.elements.indices { tauSigmaPT.elements[i] *= tau }
            var a = try p.multiplied(by: tauSigmaPT)  // K × K
            for (k, view) in views.enumerated() {
                let viewVariance = tau * (try covariance.quadraticForm(view.portfolio))
                let omega: Double = switch view.confidence {
                case nil: viewVariance
                case 0?: 1e6
                case let c?: viewVariance * (1 - c) / c
                }
                a[k, k] += omega
            }
            return (tauSigmaPT, a, p)
        }
        let lu: LUDecomposition
        do {
            lu = try LUDecomposition(a)
        } catch .singular(let rcond) {
            throw .singularCovariance(
                "Black–Litterman view matrix is singular (rcond \(rcond)); remove duplicate views or give them uncertainty")
        } catch {
            throw .linearAlgebra(error)
        }
        (posteriorReturns, posteriorCovariance) = try linearAlgebra { () throws(LinearAlgebraError) in
            let pPi = try p.multiplied(by: prior)
            let surprise = zip(views, pPi).map { $0.expectedReturn - $1 }
            let shift = try tauSigmaPT.multiplied(by: lu.solve(surprise))
            let m = try tauSigmaPT.multiplied(by: lu.solve(tauSigmaPT.transposed))
            var cov = covariance
            for i in 0..<n {
                for j in 0..<n { cov[i, j] += tau * covariance[i, j] - m[i, j] }
            }
            return (zip(prior, shift).map { $0 + $1 }, cov)
        }
        self.prior = prior
    }
}

/// Runs linear algebra, reporting its failure as `AnalyticsError.linearAlgebra`.
func linearAlgebra<T>(_ body: () throws(LinearAlgebraError) -> T) throws(AnalyticsError) -> T {
    do { return try body() } catch { throw .linearAlgebra(error) }
}
