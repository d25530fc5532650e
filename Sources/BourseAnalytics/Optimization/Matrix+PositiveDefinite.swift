extension Matrix {
    /// Checks that the matrix (a covariance) is positive definite with a Cholesky factorization.
    /// - Parameter consequence: appended to the message, saying why the caller cannot go on.
    /// - Throws: `singularCovariance` naming the failing leading minor, or `linearAlgebra`.
    func requirePositiveDefinite(_ consequence: String) throws(AnalyticsError) {
        do {
            _ = try Cholesky(self)
        } catch .notPositiveDefinite(let minor) {
            throw .singularCovariance("covariance is not positive definite (leading minor \(minor)); \(consequence)")
        } catch {
            throw .linearAlgebra(error)
        }
    }
}
