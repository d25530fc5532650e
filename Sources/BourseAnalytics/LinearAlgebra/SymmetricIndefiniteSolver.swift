internal import CLAPACK

/// The Bunch–Kaufman factorization `A = L D Lᵀ` of a symmetric, possibly indefinite matrix
/// (LAPACK `dsytrf`), for KKT systems.
public struct SymmetricIndefiniteSolver: Sendable {
    private let factors: Matrix
    private let pivots: [Int32]

    /// Factors `a`; only its upper triangle is read.
    /// - Throws: `notSquare`, `nonFinite`, or `singular` if `D` has an exact zero block.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .notSquare(rows: a.rows, columns: a.columns) }
        guard a.isFinite else { throw .nonFinite }
        var f = a
        var ipiv = [Int32](repeating: 0, count: a.rows)
        let n = Int32(a.rows)
        if n > 0 {
            let info = f.elements.withUnsafeMutableBufferPointer { m in
                ipiv.withUnsafeMutableBufferPointer {
                    // Row-major upper = column-major lower: no transposed copy.
                    LAPACKE_dsytrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), n, m.baseAddress, n, $0.baseAddress)
                }
            }
            if info > 0 { throw .singular(reciprocalCondition: 0) }
            if info < 0 { throw .lapackFailure(routine: "dsytrf", info: info) }
        }
        factors = f
        pivots = ipiv
    }

    /// Solves `A x = b` (LAPACK `dsytrs`).
    public func solve(_ b: Vector) throws(LinearAlgebraError) -> Vector {
        guard b.count == factors.rows else {
            throw .dimensionMismatch("right-hand side has \(b.count) rows, expected \(factors.rows)")
        }
        var x = b
        guard !b.isEmpty else { return x }
        let n = Int32(factors.rows)
        let info = factors.elements.withUnsafeBufferPointer { f in
            pivots.withUnsafeBufferPointer { p in
                x.withUnsafeMutableBufferPointer { xp in
                    LAPACKE_dsytrs(
                        LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), n, 1, f.baseAddress, n, p.baseAddress,
                        xp.baseAddress, n)
                }
            }
        }
        if info != 0 { throw .lapackFailure(routine: "dsytrs", info: info) }
        return x
    }
}
