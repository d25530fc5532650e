internal import CLAPACK

/// A column vector: plain contiguous `Double` storage.
public typealias Vector = [Double]

/// A dense real matrix over contiguous row-major `Double` storage.
///
/// The type is a thin value wrapper: products go to OpenBLAS, factorizations to LAPACKE.
///
/// ```swift
/// let a = try Matrix(rows: 2, columns: 2, elements: [4, 1, 1, 3])
/// let x = try Cholesky(a).solve([1, 2])
/// ```
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Elements in row-major order (`rows * columns` of them).
    public internal(set) var elements: [Double]

    /// A matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        self.elements = Array(repeating: value, count: self.rows * self.columns)
    }

    /// A matrix from row-major elements.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` if the count is not `rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0, elements.count == rows * columns else {
            throw .dimensionMismatch("\(elements.count) elements for a \(rows)×\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from row-major elements whose count the caller guarantees.
    init(uncheckedRows rows: Int, columns: Int, elements: [Double]) {
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from an array of equally long rows.
    public init(rowArrays: [[Double]]) throws(LinearAlgebraError) {
        let columns = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == columns }) else {
            throw .dimensionMismatch("rows of unequal length")
        }
        try self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// The `n`×`n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<m.rows { m.elements[i * n + i] = 1 }
        return m
    }

    /// A square matrix with `diagonal` on its diagonal.
    public static func diagonal(_ diagonal: Vector) -> Matrix {
        let n = diagonal.count
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.elements[i * n + i] = diagonal[i] }
        return m
    }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// Element at `row`, `column` (0-based).
    public subscript(row: Int, column: Int) -> Double {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// One row as a vector.
    public func row(_ i: Int) -> Vector { Array(elements[i * columns..<(i + 1) * columns]) }

    /// One column as a vector.
    public func column(_ j: Int) -> Vector { (0..<rows).map { elements[$0 * columns + j] } }

    /// The main diagonal.
    public var diagonalElements: Vector { (0..<min(rows, columns)).map { self[$0, $0] } }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { t.elements[j * rows + i] = elements[i * columns + j] }
        }
        return t
    }

    /// Whether every element is finite.
    public var isFinite: Bool { elements.allSatisfy(\.isFinite) }

    /// Matrix product through BLAS `dgemm`.
    /// - Complexity: O(rows · columns · other.columns).
    public func multiplied(by other: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard columns == other.rows else {
            throw .dimensionMismatch("\(rows)×\(columns) times \(other.rows)×\(other.columns)")
        }
        var c = Matrix(rows: rows, columns: other.columns)
        guard rows > 0, other.columns > 0, columns > 0 else { return c }
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                c.elements.withUnsafeMutableBufferPointer { cp in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans,
                        Int32(rows), Int32(other.columns), Int32(columns),
                        1, a.baseAddress, Int32(columns), b.baseAddress, Int32(other.columns),
                        0, cp.baseAddress, Int32(other.columns))
                }
            }
        }
        return c
    }

    /// Matrix–vector product through BLAS `dgemv`.
    public func multiplied(by vector: Vector) throws(LinearAlgebraError) -> Vector {
        guard columns == vector.count else {
            throw .dimensionMismatch("\(rows)×\(columns) times vector of \(vector.count)")
        }
        var y = Vector(repeating: 0, count: rows)
        guard rows > 0, columns > 0 else { return y }
        elements.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                y.withUnsafeMutableBufferPointer { yp in
                    cblas_dgemv(
                        CblasRowMajor, CblasNoTrans, Int32(rows), Int32(columns), 1,
                        a.baseAddress, Int32(columns), x.baseAddress, 1, 0, yp.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// The quadratic form `xᵀ A x`.
    public func quadraticForm(_ x: Vector) throws(LinearAlgebraError) -> Double {
        try Vectors.dot(x, multiplied(by: x))
    }

    /// `AᵀA / divisor` for a tall data matrix (rows = observations), through BLAS `dsyrk`.
    /// - Complexity: O(rows · columns²).
    public func gram(dividedBy divisor: Double = 1) -> Matrix {
        let n = columns
        var c = Matrix(rows: n, columns: n)
        guard rows > 0, n > 0 else { return c }
        elements.withUnsafeBufferPointer { a in
            c.elements.withUnsafeMutableBufferPointer { cp in
                cblas_dsyrk(
                    CblasRowMajor, CblasUpper, CblasTrans, Int32(n), Int32(rows),
                    1 / divisor, a.baseAddress, Int32(n), 0, cp.baseAddress, Int32(n))
            }
        }
        for i in 0..<n {
            for j in 0..<i { c.elements[i * n + j] = c.elements[j * n + i] }
        }
        return c
    }
}
