internal import CLAPACK

/// The eigen decomposition `A = V diag(λ) Vᵀ` of a real symmetric matrix (LAPACK `dsyevd`).
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in ascending order.
    public let values: Vector
    /// Orthonormal eigenvectors, one per column, in the order of `values`.
    public let vectors: Matrix

    /// Decomposes `a`; only its upper triangle is read.
    /// - Throws: `notSquare`, `nonFinite`, or `lapackFailure` if the algorithm did not converge.
    /// - Complexity: O(n³).
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .notSquare(rows: a.rows, columns: a.columns) }
        guard a.isFinite else { throw .nonFinite }
        let n = Int32(a.rows)
        var v = a
        var w = Vector(repeating: 0, count: a.rows)
        if n > 0 {
            let info = v.elements.withUnsafeMutableBufferPointer { vp in
                w.withUnsafeMutableBufferPointer {
                    LAPACKE_dsyevd(
                        LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "U")), n,
                        vp.baseAddress, n, $0.baseAddress)
                }
            }
            if info != 0 { throw .lapackFailure(routine: "dsyevd", info: info) }
        }
        values = w
        vectors = v
    }

    /// Rebuilds `V diag(f(λ)) Vᵀ`, e.g. to clip negative eigenvalues of a covariance matrix.
    public func reconstructed(mapping transform: (Double) -> Double) -> Matrix {
        let n = values.count
        var out = Matrix(rows: n, columns: n)
        let mapped = values.map(transform)
        for i in 0..<n {
            for j in i..<n {
                var s = 0.0
                for k in 0..<n { s += vectors[i, k] * mapped[k] * vectors[j, k] }
                out[i, j] = s
                out[j, i] = s
            }
        }
        return out
    }
}
