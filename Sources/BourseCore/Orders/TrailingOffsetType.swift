/// The unit of a trailing stop's `trailingOffset` (and `limitOffset`).
public enum TrailingOffsetType: String, Sendable, Hashable, Codable, CaseIterable {
    /// An absolute price distance (`0.50`).
    case price
    /// A number of ticks of the instrument (`3`).
    case ticks
    /// Basis points of the reference price (`25` = 0.25 %).
    case basisPoints
}
