/// Why an analytics computation (statistics, risk model, optimizer) could not be carried out.
public enum AnalyticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer observations than the computation needs.
    case tooFewObservations(needed: Int, got: Int)
    /// A value is NaN or infinite where a finite one is required.
    case nonFiniteValue(what: String, index: Int)
    /// A price is zero or negative.
    case nonPositivePrice(asset: String, row: Int)
    /// Two inputs that must line up do not.
    case lengthMismatch(String)
    /// A parameter is outside its valid range.
    case invalidParameter(String)
    /// The statistic is undefined for this input (e.g. zero volatility for a Sharpe ratio).
    case undefined(String)
    /// The covariance matrix cannot be used (singular, or not positive semidefinite).
    case singularCovariance(String)
    /// The optimization problem's constraints cannot all be met.
    case infeasible(String)
    /// The solver did not reach the requested accuracy.
    case notConverged(String)
    /// An underlying linear-algebra failure.
    case linearAlgebra(LinearAlgebraError)

    public var description: String {
        switch self {
        case .tooFewObservations(let needed, let got): "too few observations: need \(needed), got \(got)"
        case .nonFiniteValue(let what, let index): "\(what) at index \(index) is NaN or infinite"
        case .nonPositivePrice(let asset, let row): "price of \(asset) at row \(row) is not positive"
        case .lengthMismatch(let what): "length mismatch: \(what)"
        case .invalidParameter(let what): "invalid parameter: \(what)"
        case .undefined(let what): "undefined: \(what)"
        case .singularCovariance(let what): "singular covariance: \(what)"
        case .infeasible(let what): "infeasible: \(what)"
        case .notConverged(let what): "solver did not converge: \(what)"
        case .linearAlgebra(let error): error.description
        }
    }
}
