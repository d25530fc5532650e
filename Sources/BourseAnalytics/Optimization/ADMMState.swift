internal import CLAPACK

/// The OSQP-style ADMM iteration of `QPSolver` (see there), on stacked constraints `[G; I] x`.
struct ADMMState {
    enum Outcome { case converged, infeasible, iterationLimit }

    let program: QuadraticProgram
    let settings: QPSolver.Settings
    let n: Int
    let m: Int
    /// Stacked bounds of `[G x; x]`.
    let lower: Vector
    let upper: Vector
    var rho: Double
    var rhoVector: Vector
    var x: Vector
    var z: Vector
    var y: Vector
    var iterations = 0
    private var factor: Cholesky?

    init(program: QuadraticProgram, settings: QPSolver.Settings) {
        self.program = program
        self.settings = settings
        n = program.variableCount
        m = program.constraintCount
        lower = program.lower + program.variableLower
        upper = program.upper + program.variableUpper
        rho = settings.rho
        rhoVector = []
        x = Vector(repeating: 0, count: n)
        z = Vector(repeating: 0, count: m + n)
        y = Vector(repeating: 0, count: m + n)
    }

    /// `[G v; v]`.
    func stacked(_ v: Vector) -> Vector {
        var out = Vector(repeating: 0, count: m + n)
        stacked(v, into: &out)
        return out
    }

    /// Writes `[G v; v]` into `out` (length `m + n`) without allocating.
    func stacked(_ v: Vector, into out: inout Vector) {
        let (m, n) = (m, n)
        v.withUnsafeBufferPointer { vp in
            out.withUnsafeMutableBufferPointer { op in
                for j in 0..<n { op[m + j] = vp[j] }
                multiplyG(transposed: false, vp.baseAddress, into: op.baseAddress, adding: false)
            }
        }
    }

    /// `Aᵀ w = Gᵀ w_g + w_x`.
    func transposedProduct(_ w: Vector) -> Vector {
        var out = Vector(repeating: 0, count: n)
        transposedProduct(w, into: &out)
        return out
    }

    /// Writes `Aᵀ w` into `out` (length `n`) without allocating.
    func transposedProduct(_ w: Vector, into out: inout Vector) {
        let (m, n) = (m, n)
        w.withUnsafeBufferPointer { wp in
            out.withUnsafeMutableBufferPointer { op in
                for j in 0..<n { op[j] = wp[m + j] }
                multiplyG(transposed: true, wp.baseAddress, into: op.baseAddress, adding: true)
            }
        }
    }

    /// BLAS `dgemv` with `G` (`m × n`): `out = G v` or, transposed, `out (+)= Gᵀ v`.
    private func multiplyG(
        transposed: Bool, _ v: UnsafePointer<Double>?, into out: UnsafeMutablePointer<Double>?, adding: Bool
    ) {
        guard m > 0 else { return }
        program.g.elements.withUnsafeBufferPointer { g in
            cblas_dgemv(
                CblasRowMajor, transposed ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), 1, g.baseAddress, Int32(n),
                v, 1, adding ? 1 : 0, out, 1)
        }
    }

    mutating func refactor() throws(AnalyticsError) {
        rhoVector = (0..<(m + n)).map { k in
            if lower[k] == upper[k] { return 1e3 * rho }
            if lower[k].isInfinite && upper[k].isInfinite { return 1e-6 }
            return rho
        }
        var scaledG = program.g
        for r in 0..<m {
            let s = rhoVector[r].squareRoot()
            for j in 0..<n { scaledG[r, j] *= s }
        }
        var k = m > 0 ? scaledG.gram() : Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n { k[i, j] += program.p[i, j] }
            k[i, i] += settings.sigma + rhoVector[m + i]
        }
        do {
            factor = try Cholesky(k)
        } catch {
            throw .linearAlgebra(error)
        }
    }

    /// Iterates until the residuals are below `tolerance` (relative), an infeasibility
    /// certificate appears, or the iteration limit; can be called again to continue tighter.
    mutating func run(tolerance: Double) throws(AnalyticsError) -> Outcome {
        if factor == nil { try refactor() }
        let alpha = settings.alpha
        let sigma = settings.sigma
        let q = program.q
        let normQ = q.reduce(0) { max($0, abs($1)) }
        var previousY = y
        // Work buffers, allocated once per call.
        var w = Vector(repeating: 0, count: m + n)
        var xt = Vector(repeating: 0, count: n)
        var zt = Vector(repeating: 0, count: m + n)
        while iterations < settings.maxIterations {
            iterations += 1
            let iteration = iterations
            for k in 0..<(m + n) { w[k] = rhoVector[k] * z[k] - y[k] }
            transposedProduct(w, into: &xt)
            for i in 0..<n { xt[i] += sigma * x[i] - q[i] }
            guard let factor else { return .iterationLimit }
            factor.solveInPlace(&xt)
            stacked(xt, into: &zt)
            let checking = iteration % 10 == 0
            if checking { previousY = y }
            for i in 0..<n { x[i] = alpha * xt[i] + (1 - alpha) * x[i] }
            for k in 0..<(m + n) {
                let relaxed = alpha * zt[k] + (1 - alpha) * z[k]
                let zNew = min(max(relaxed + y[k] / rhoVector[k], lower[k]), upper[k])
                y[k] += rhoVector[k] * (relaxed - zNew)
                z[k] = zNew
            }
            guard checking else { continue }
            let ax = stacked(x)
            let px = (try? program.p.multiplied(by: x)) ?? x
            let aty = transposedProduct(y)
            var primal = 0.0
            for k in 0..<(m + n) { primal = max(primal, abs(ax[k] - z[k])) }
            var dual = 0.0
            for i in 0..<n { dual = max(dual, abs(px[i] + q[i] + aty[i])) }
            let primalScale = max(infinityNorm(ax), infinityNorm(z))
            let dualScale = max(infinityNorm(px), infinityNorm(aty), normQ)
            let tol = tolerance
            if primal <= tol * (1 + primalScale) && dual <= tol * (1 + dualScale) { return .converged }
            if isInfeasibilityCertificate(zip(y, previousY).map { $0 - $1 }) { return .infeasible }
            if iteration % 50 == 0 {
                let ratio = (primal / max(primalScale, 1e-12)) / max(dual / max(dualScale, 1e-12), 1e-300)
                let proposed = min(max(rho * ratio.squareRoot(), 1e-6), 1e6)
                if proposed > 5 * rho || proposed < rho / 5 {
                    rho = proposed
                    try refactor()
                }
            }
        }
        return .iterationLimit
    }

    /// OSQP's primal infeasibility test on `δy`: `‖Aᵀδy‖ ≈ 0` while `uᵀ(δy)₊ + lᵀ(δy)₋ < 0`.
    func isInfeasibilityCertificate(_ dy: Vector) -> Bool {
        let norm = infinityNorm(dy)
        guard norm > 1e-12 else { return false }
        let eps = 1e-6 * norm
        guard infinityNorm(transposedProduct(dy)) <= eps else { return false }
        var support = 0.0
        for k in 0..<(m + n) {
            if dy[k] > eps {
                guard upper[k].isFinite else { return false }
                support += upper[k] * dy[k]
            } else if dy[k] < -eps {
                guard lower[k].isFinite else { return false }
                support += lower[k] * dy[k]
            }
        }
        return support < -eps
    }
}

func infinityNorm(_ v: Vector) -> Double { v.reduce(0) { max($0, abs($1)) } }
