/// One drawdown episode of a return series, by period index (0 = the first return).
public struct Drawdown: Sendable, Equatable {
    /// Index of the period that set the peak, or `nil` if the peak is the starting value.
    public let peak: Int?
    /// Index of the period with the lowest value.
    public let valley: Int
    /// Index of the first period back at the peak's value, or `nil` if not recovered.
    public let recovery: Int?
    /// Depth at the valley, `valley / peak − 1` (negative).
    public let depth: Double

    /// Periods from the peak to the recovery (peak at the start counts as index −1);
    /// `nil` while unrecovered.
    public var duration: Int? { recovery.map { $0 - (peak ?? -1) } }
}
