/// The three lines of a price channel (``KeltnerChannels``, ``DonchianChannels``).
public struct ChannelValue: Sendable, Hashable {
    public var upper: Double
    public var middle: Double
    public var lower: Double

    @usableFromInline static let notReady = ChannelValue(upper: .nan, middle: .nan, lower: .nan)

    @inlinable
    public init(upper: Double, middle: Double, lower: Double) {
        self.upper = upper
        self.middle = middle
        self.lower = lower
    }
}
