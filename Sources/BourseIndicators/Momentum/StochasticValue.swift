/// The two lines of a stochastic oscillator.
public struct StochasticValue: Sendable, Hashable {
    /// %K (slow %K for ``Stochastic``, fast %K for ``FastStochastic``).
    public var k: Double
    /// %D, the moving average of %K.
    public var d: Double

    @usableFromInline static let notReady = StochasticValue(k: .nan, d: .nan)

    @inlinable
    init(k: Double, d: Double) {
        self.k = k
        self.d = d
    }
}
