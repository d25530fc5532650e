/// The trailing distance of a trailing stop, in one unit for both of its offsets.
///
/// ```swift
/// let trail = try TrailingOffset(Price(parsing: "0.50"), type: .price)   // trails 0.50 behind the market
/// ```
public struct TrailingOffset: Sendable, Hashable, Codable {
    /// Distance of the trigger from the market (positive).
    public let offset: Price
    /// For trailing stop-limits: distance of the limit price from the trigger (non-negative).
    public let limitOffset: Price?
    public let type: TrailingOffsetType

    /// A trailing offset; throws ``OrderError/invalidTrailingOffset(_:)`` when an offset is not positive.
    public init(_ offset: Price, limitOffset: Price? = nil, type: TrailingOffsetType) throws(OrderError) {
        guard offset.raw > 0 else { throw .invalidTrailingOffset("trailing offset \(offset) must be positive") }
        if let limitOffset, limitOffset.raw < 0 {
            throw .invalidTrailingOffset("limit offset \(limitOffset) must not be negative")
        }
        self.offset = offset
        self.limitOffset = limitOffset
        self.type = type
    }
}
