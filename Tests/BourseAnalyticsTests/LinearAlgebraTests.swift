import BourseAnalytics
import Testing

@Suite struct LinearAlgebraTests {
    let spd: Matrix

    init() throws { spd = try Matrix(rowArrays: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]]) }

    @Test func choleskyMatchesTextbookFactor() throws {
        // Classic example: L = [[2,0,0],[6,1,0],[-8,5,3]].
        let chol = try Cholesky(spd)
        #expect(chol.lower.elements == [2, 0, 0, 6, 1, 0, -8, 5, 3])
        let x = try chol.solve([1, 2, 3])
        let back = try spd.multiplied(by: x)
        #expect(Vectors.maxAbsDifference(back, [1, 2, 3]) < 1e-9)
    }

    @Test func choleskyRejectsIndefiniteMatrix() throws {
        let indefinite = try Matrix(rowArrays: [[1, 2], [2, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 2)) { try Cholesky(indefinite) }
    }

    @Test func choleskyRejectsNaN() throws {
        let bad = try Matrix(rowArrays: [[1, .nan], [.nan, 1]])
        #expect(throws: LinearAlgebraError.nonFinite) { try Cholesky(bad) }
    }

    @Test func luSolvesGeneralSystem() throws {
        let a = try Matrix(rowArrays: [[0, 2, 1], [1, 1, 0], [3, 0, 1]])
        let x = try LUDecomposition(a).solve([5, 3, 6])
        #expect(Vectors.maxAbsDifference(x, [1.4, 1.6, 1.8]) < 1e-12)
    }

    @Test func luRejectsSingularMatrix() throws {
        let singular = try Matrix(rowArrays: [[1, 2, 3], [2, 4, 6], [1, 0, 1]])
        #expect {
            try LUDecomposition(singular)
        } throws: { error in
            if case LinearAlgebraError.singular = error { return true }
            return false
        }
    }

    @Test func luRejectsNonSquare() throws {
        let a = Matrix(rows: 2, columns: 3)
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try LUDecomposition(a) }
    }

    @Test func symmetricEigenReconstructs() throws {
        let eig = try SymmetricEigen(spd)
        #expect(eig.values == eig.values.sorted())
        let rebuilt = eig.reconstructed { $0 }
        #expect(Vectors.maxAbsDifference(rebuilt.elements, spd.elements) < 1e-9)
        // Known eigenvalues of [[2,1],[1,2]]: 1 and 3.
        let small = try SymmetricEigen(Matrix(rowArrays: [[2, 1], [1, 2]]))
        #expect(Vectors.maxAbsDifference(small.values, [1, 3]) < 1e-12)
    }

    @Test func productsAndGram() throws {
        let a = try Matrix(rowArrays: [[1, 2], [3, 4], [5, 6]])
        let ata = try a.transposed.multiplied(by: a)
        #expect(ata.elements == [35, 44, 44, 56])
        #expect(a.gram().elements == ata.elements)
        #expect(throws: LinearAlgebraError.self) { try a.multiplied(by: a) }
        #expect(try a.multiplied(by: [1, 1]) == [3, 7, 11])
    }
}
