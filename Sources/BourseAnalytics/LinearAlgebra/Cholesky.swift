internal import CLAPACK

/// The Cholesky factorization `A = L Lᵀ` of a symmetric positive-definite matrix (LAPACK `dpotrf`).
///
/// ```swift
/// let chol = try Cholesky(covariance)
/// let x = try chol.solve(b)   // covariance · x = b
/// ```
public struct Cholesky: Sendable {
    /// The lower-triangular factor `L` (upper triangle zero).
    public let lower: Matrix

    /// Factors `a`; only its lower triangle is read.
    /// - Throws: `notSquare`, `nonFinite`, or `notPositiveDefinite(minor:)`.
    /// - Complexity: O(n³).
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .notSquare(rows: a.rows, columns: a.columns) }
        guard a.isFinite else { throw .nonFinite }
        var l = a
        let n = Int32(a.rows)
        // Row-major storage of the lower triangle is column-major storage of the upper one, so
        // LAPACK's column-major `U` factorization yields `L` in place, with no transposed copy
        // (the `_work` variant skips LAPACKE's NaN scan: finiteness was checked above).
        let info = n == 0 ? 0 : l.elements.withUnsafeMutableBufferPointer {
            LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), n, $0.baseAddress, n)
        }
        if info > 0 { throw .notPositiveDefinite(minor: Int(info)) }
        if info < 0 { throw .lapackFailure(routine: "dpotrf", info: info) }
        for i in 0..<a.rows {
            for j in (i + 1)..<a.columns { l[i, j] = 0 }
        }
        lower = l
    }

    /// Order of the factored matrix.
    public var dimension: Int { lower.rows }

    /// Solves `A X = B` for several right-hand sides (LAPACK `dpotrs`).
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == dimension else {
            throw .dimensionMismatch("right-hand side has \(b.rows) rows, expected \(dimension)")
        }
        guard b.isFinite else { throw .nonFinite }
        var x = b
        guard dimension > 0, b.columns > 0 else { return x }
        let info = lower.elements.withUnsafeBufferPointer { l in
            x.elements.withUnsafeMutableBufferPointer { xp in
                LAPACKE_dpotrs(
                    LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(dimension), Int32(b.columns),
                    l.baseAddress, Int32(dimension), xp.baseAddress, Int32(b.columns))
            }
        }
        if info != 0 { throw .lapackFailure(routine: "dpotrs", info: info) }
        return x
    }

    /// Solves `A x = b`.
    public func solve(_ b: Vector) throws(LinearAlgebraError) -> Vector {
        guard b.count == dimension else {
            throw .dimensionMismatch("right-hand side has \(b.count) rows, expected \(dimension)")
        }
        guard b.allSatisfy(\.isFinite) else { throw .nonFinite }
        var x = b
        solveInPlace(&x)
        return x
    }

    /// Overwrites `x` (of length `dimension`, finite) with the solution of `A x' = x`: two
    /// triangular solves (BLAS `dtrsv`) on the factor, without copying it or allocating.
    /// The caller guarantees the length; iterative solvers call this on every step.
    func solveInPlace(_ x: inout Vector) {
        let n = Int32(dimension)
        guard n > 0 else { return }
        lower.elements.withUnsafeBufferPointer { l in
            x.withUnsafeMutableBufferPointer { xp in
                cblas_dtrsv(CblasRowMajor, CblasLower, CblasNoTrans, CblasNonUnit, n, l.baseAddress, n, xp.baseAddress, 1)
                cblas_dtrsv(CblasRowMajor, CblasLower, CblasTrans, CblasNonUnit, n, l.baseAddress, n, xp.baseAddress, 1)
            }
        }
    }
}
