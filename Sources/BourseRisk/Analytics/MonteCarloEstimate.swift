/// A Monte Carlo quantile estimate with its standard error
/// `σ · √(p(1 − p)/M) / φ(z)` (asymptotic standard error of a sample quantile of a normal).
public struct MonteCarloEstimate: Sendable, Hashable {
    public let value: Double
    public let standardError: Double
    public let paths: Int
    public let seed: UInt64

    /// `value ± z · standardError` for a two-sided normal confidence `level` (e.g. 0.99).
    public func confidenceInterval(level: Double) -> ClosedRange<Double> {
        let z = NormalDistribution.quantile(0.5 + level / 2) ?? .infinity
        return (value - z * standardError)...(value + z * standardError)
    }
}
