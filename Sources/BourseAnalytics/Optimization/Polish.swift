/// Exact active-set phase of `QPSolver`: solves the KKT system for a guessed active set and
/// corrects the guess (primal–dual active-set steps) until the KKT conditions hold.
struct Polish {
    enum Side { case lower, upper }

    let program: QuadraticProgram
    let tolerance: Double

    /// Returns the verified optimum, or `nil` if the corrections did not settle.
    func run(x: Vector, z: Vector, y: Vector) throws(AnalyticsError) -> (x: Vector, steps: Int)? {
        let n = program.variableCount
        let m = program.constraintCount
        let lower = program.lower + program.variableLower
        let upper = program.upper + program.variableUpper
        // OSQP's guess: a bound is active when its multiplier outweighs the slack.
        var active = [Side?](repeating: nil, count: m + n)
        for k in 0..<(m + n) {
            if lower[k] == upper[k] || z[k] - lower[k] < -y[k] {
                active[k] = .lower
            } else if upper[k] - z[k] < y[k] {
                active[k] = .upper
            }
        }
        let scale = max(1, infinityNorm(program.q), infinityNorm(program.p.elements))
        let primalTolerance = tolerance * max(1, infinityNorm(x))
        let dualTolerance = tolerance * scale
        // Primal–dual active-set steps change every violated constraint at once; if that has not
        // settled after 20 steps (it can cycle on nearly linear problems), change only the most
        // violated one per step.
        for step in 1...(20 + 2 * (m + n)) {
            let (candidate, multipliers) = try solveKKT(active: active, lower: lower, upper: upper)
            let gx = m == 0 ? [] : (try? program.g.multiplied(by: candidate)) ?? []
            let gradient = try lagrangianGradient(candidate, multipliers: multipliers, active: active)
            // Each violated condition: the constraint, its new state, and by how much it is violated.
            var changes = [(k: Int, state: Side?, size: Double)]()
            for k in 0..<(m + n) {
                let value = k < m ? gx[k] : candidate[k - m]
                switch active[k] {
                case nil:
                    if value < lower[k] - primalTolerance {
                        changes.append((k, .lower, lower[k] - value))
                    } else if value > upper[k] + primalTolerance {
                        changes.append((k, .upper, value - upper[k]))
                    }
                case .some(let side) where lower[k] != upper[k]:
                    // Row multiplier λ (k < m), or minus the gradient for a fixed variable:
                    // must be ≤ 0 at a lower bound and ≥ 0 at an upper bound.
                    let signed = k < m ? multipliers[k] : -gradient[k - m]
                    if side == .lower && signed > dualTolerance {
                        changes.append((k, nil, signed))
                    } else if side == .upper && signed < -dualTolerance {
                        changes.append((k, nil, -signed))
                    }
                default:
                    break
                }
            }
            if changes.isEmpty { return (candidate, step) }
            if step <= 20 {
                for change in changes { active[change.k] = change.state }
            } else if let worst = changes.max(by: { $0.size < $1.size }) {
                active[worst.k] = worst.state
            }
        }
        return nil
    }

    /// `P x + q + G_Eᵀ λ` (zero on free variables at a KKT point).
    private func lagrangianGradient(_ x: Vector, multipliers: Vector, active: [Side?]) throws(AnalyticsError) -> Vector {
        var g: Vector
        do { g = try program.p.multiplied(by: x) } catch { throw .linearAlgebra(error) }
        for i in g.indices { g[i] += program.q[i] }
        for r in 0..<program.constraintCount where active[r] != nil {
            for j in g.indices { g[j] += program.g[r, j] * multipliers[r] }
        }
        return g
    }

    /// Solves the equality-constrained QP with the active rows held at their bounds and the
    /// active variables fixed. Returns `x` and one multiplier per row of `G` (0 if inactive).
    private func solveKKT(active: [Side?], lower: Vector, upper: Vector) throws(AnalyticsError) -> (Vector, Vector) {
        let n = program.variableCount
        let m = program.constraintCount
        var x = Vector(repeating: 0, count: n)
        var free = [Int]()
        for i in 0..<n {
            switch active[m + i] {
            case .lower?: x[i] = lower[m + i]
            case .upper?: x[i] = upper[m + i]
            case nil: free.append(i)
            }
        }
        let rows = (0..<m).filter { active[$0] != nil }
        let size = free.count + rows.count
        var kkt = Matrix(rows: size, columns: size)
        var rhs = Vector(repeating: 0, count: size)
        for (a, i) in free.enumerated() {
            for (b, j) in free.enumerated() { kkt[a, b] = program.p[i, j] }
            var r = -program.q[i]
            for j in 0..<n where active[m + j] != nil { r -= program.p[i, j] * x[j] }
            rhs[a] = r
        }
        for (c, row) in rows.enumerated() {
            let target = active[row] == .upper ? upper[row] : lower[row]
            var r = target
            for j in 0..<n where active[m + j] != nil { r -= program.g[row, j] * x[j] }
            rhs[free.count + c] = r
            for (a, i) in free.enumerated() {
                kkt[free.count + c, a] = program.g[row, i]
                kkt[a, free.count + c] = program.g[row, i]
            }
        }
        let solution = try Self.solveRegularized(kkt, rhs, primalSize: free.count)
        for (a, i) in free.enumerated() { x[i] = solution[a] }
        var multipliers = Vector(repeating: 0, count: m)
        for (c, row) in rows.enumerated() { multipliers[row] = solution[free.count + c] }
        return (x, multipliers)
    }

    /// Solves the KKT system; if it is singular (degenerate active set), solves a slightly
    /// regularized one and refines the answer against the exact matrix.
    private static func solveRegularized(_ kkt: Matrix, _ rhs: Vector, primalSize: Int) throws(AnalyticsError) -> Vector {
        guard !rhs.isEmpty else { return [] }
        do {
            if let exact = try? SymmetricIndefiniteSolver(kkt) { return try exact.solve(rhs) }
            var regularized = kkt
            let delta = 1e-10 * max(1, infinityNorm(kkt.elements))
            for i in 0..<kkt.rows { regularized[i, i] += i < primalSize ? delta : -delta }
            let solver = try SymmetricIndefiniteSolver(regularized)
            var x = try solver.solve(rhs)
            for _ in 0..<10 {
                let ax = try kkt.multiplied(by: x)
                let residual = zip(rhs, ax).map { $0 - $1 }
                let correction = try solver.solve(residual)
                for i in x.indices { x[i] += correction[i] }
            }
            return x
        } catch {
            throw .linearAlgebra(error)
        }
    }
}
