/// Why a linear-algebra operation could not be carried out.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operands' shapes do not fit the operation.
    case dimensionMismatch(String)
    /// The operation needs a square matrix.
    case notSquare(rows: Int, columns: Int)
    /// The input holds NaN or an infinity.
    case nonFinite
    /// The matrix is singular, or so ill-conditioned (reciprocal condition number below
    /// the tolerance) that a solve would be meaningless.
    case singular(reciprocalCondition: Double)
    /// Cholesky failed: the leading minor of this order (1-based) is not positive definite.
    case notPositiveDefinite(minor: Int)
    /// A LAPACK routine reported an unexpected failure code.
    case lapackFailure(routine: String, info: Int32)

    public var description: String {
        switch self {
        case .dimensionMismatch(let what): "dimension mismatch: \(what)"
        case .notSquare(let r, let c): "matrix must be square, got \(r)×\(c)"
        case .nonFinite: "matrix or vector contains NaN or infinity"
        case .singular(let rcond): "matrix is singular (reciprocal condition number \(rcond))"
        case .notPositiveDefinite(let minor):
            "matrix is not positive definite (leading minor \(minor) is not positive)"
        case .lapackFailure(let routine, let info): "LAPACK \(routine) failed with info \(info)"
        }
    }
}
