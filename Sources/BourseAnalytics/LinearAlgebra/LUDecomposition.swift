internal import CLAPACK

/// The LU factorization with partial pivoting `P A = L U` of a square matrix (LAPACK `dgetrf`),
/// for solving general linear systems.
///
/// A matrix whose reciprocal condition number (LAPACK `dgecon`, 1-norm) is below
/// `tolerance` is rejected as singular: a solve with it would return noise.
public struct LUDecomposition: Sendable {
    private let factors: Matrix
    private let pivots: [Int32]
    /// Estimated reciprocal condition number in the 1-norm (1 = perfectly conditioned).
    public let reciprocalCondition: Double

    /// Factors `a`.
    /// - Parameter tolerance: smallest accepted reciprocal condition number.
    /// - Throws: `notSquare`, `nonFinite`, or `singular(reciprocalCondition:)`.
    /// - Complexity: O(n³).
    public init(_ a: Matrix, tolerance: Double = 1e-14) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .notSquare(rows: a.rows, columns: a.columns) }
        guard a.isFinite else { throw .nonFinite }
        let n = Int32(a.rows)
        var lu = a
        var ipiv = [Int32](repeating: 0, count: a.rows)
        guard n > 0 else {
            (factors, pivots, reciprocalCondition) = (lu, ipiv, 1)
            return
        }
        let norm = lu.elements.withUnsafeBufferPointer {
            LAPACKE_dlange(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "1")), n, n, $0.baseAddress, n)
        }
        let info = lu.elements.withUnsafeMutableBufferPointer { m in
            ipiv.withUnsafeMutableBufferPointer { LAPACKE_dgetrf(LAPACK_ROW_MAJOR, n, n, m.baseAddress, n, $0.baseAddress) }
        }
        if info > 0 { throw .singular(reciprocalCondition: 0) }
        if info < 0 { throw .lapackFailure(routine: "dgetrf", info: info) }
        var rcond = 0.0
        let conInfo = lu.elements.withUnsafeBufferPointer {
            LAPACKE_dgecon(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "1")), n, $0.baseAddress, n, norm, &rcond)
        }
        if conInfo != 0 { throw .lapackFailure(routine: "dgecon", info: conInfo) }
        guard rcond >= tolerance else { throw .singular(reciprocalCondition: rcond) }
        (factors, pivots, reciprocalCondition) = (lu, ipiv, rcond)
    }

    /// Order of the factored matrix.
    public var dimension: Int { factors.rows }

    /// Solves `A X = B` (LAPACK `dgetrs`).
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == dimension else {
            throw .dimensionMismatch("right-hand side has \(b.rows) rows, expected \(dimension)")
        }
        guard b.isFinite else { throw .nonFinite }
        var x = b
        guard dimension > 0, b.columns > 0 else { return x }
        let info = factors.elements.withUnsafeBufferPointer { f in
            pivots.withUnsafeBufferPointer { p in
                x.elements.withUnsafeMutableBufferPointer { xp in
                    LAPACKE_dgetrs(
                        LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "N")), Int32(dimension), Int32(b.columns),
                        f.baseAddress, Int32(dimension), p.baseAddress, xp.baseAddress, Int32(b.columns))
                }
            }
        }
        if info != 0 { throw .lapackFailure(routine: "dgetrs", info: info) }
        return x
    }

    /// Solves `A x = b`.
    public func solve(_ b: Vector) throws(LinearAlgebraError) -> Vector {
        try solve(Matrix(rows: b.count, columns: 1, elements: b)).elements
    }
}
