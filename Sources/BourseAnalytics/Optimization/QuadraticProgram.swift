/// A convex quadratic program
///
///     minimize ½ xᵀ P x + qᵀ x
///     subject to  lower ≤ G x ≤ upper          (a row with lower == upper is an equality)
///                 variableLower ≤ x ≤ variableUpper
///
/// with `P` symmetric positive semidefinite. Infinite bounds mean "no bound". Variable bounds
/// are kept apart from `G` so that the solver handles them without a dense identity block.
public struct QuadraticProgram: Sendable {
    /// Quadratic term, `n × n`.
    public var p: Matrix
    /// Linear term, `n`.
    public var q: Vector
    /// Constraint rows, `m × n`.
    public var g: Matrix
    /// Lower bounds of `G x` (`-infinity` for none).
    public var lower: Vector
    /// Upper bounds of `G x` (`+infinity` for none).
    public var upper: Vector
    /// Lower bounds of `x`.
    public var variableLower: Vector
    /// Upper bounds of `x`.
    public var variableUpper: Vector

    /// A program; shapes are checked.
    /// - Throws: `AnalyticsError.lengthMismatch`, `nonFiniteValue`, or `infeasible` when a lower
    ///   bound exceeds its upper bound.
    public init(
        p: Matrix, q: Vector, g: Matrix, lower: Vector, upper: Vector,
        variableLower: Vector, variableUpper: Vector
    ) throws(AnalyticsError) {
        let n = q.count
        guard p.rows == n, p.columns == n, g.columns == n || g.rows == 0,
              lower.count == g.rows, upper.count == g.rows,
              variableLower.count == n, variableUpper.count == n
        else { throw .lengthMismatch("quadratic program shapes do not agree") }
        guard p.isFinite, q.allSatisfy(\.isFinite), g.isFinite else {
            throw .nonFiniteValue(what: "quadratic program data", index: 0)
        }
        for i in 0..<g.rows where !(lower[i] <= upper[i]) {
            throw .infeasible("constraint \(i) has lower bound \(lower[i]) above upper bound \(upper[i])")
        }
        for i in 0..<n where !(variableLower[i] <= variableUpper[i]) {
            throw .infeasible("variable \(i) has lower bound \(variableLower[i]) above upper bound \(variableUpper[i])")
        }
        self.p = p
        self.q = q
        self.g = g.rows == 0 ? Matrix(rows: 0, columns: n) : g
        self.lower = lower
        self.upper = upper
        self.variableLower = variableLower
        self.variableUpper = variableUpper
    }

    /// Number of variables.
    public var variableCount: Int { q.count }
    /// Number of constraint rows in `G`.
    public var constraintCount: Int { g.rows }

    /// `½ xᵀ P x + qᵀ x`.
    public func objective(_ x: Vector) -> Double {
        var quadratic = 0.0
        let n = variableCount
        for i in 0..<n {
            var row = 0.0
            for j in 0..<n { row += p[i, j] * x[j] }
            quadratic += x[i] * row
        }
        return 0.5 * quadratic + Vectors.dot(q, x)
    }
}
