public import BourseCore

/// What a fill did to a position.
public struct PositionEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The position left flat.
        case opened
        /// The position changed size (or flipped side) without going flat.
        case changed
        /// The position went flat.
        case closed
    }

    public let kind: Kind
    /// The position after the fill.
    public let position: Position
    /// The fill that caused the event.
    public let fill: OrderFilled

    public init(kind: Kind, position: Position, fill: OrderFilled) {
        self.kind = kind
        self.position = position
        self.fill = fill
    }

    public var instrumentID: InstrumentID { position.instrumentID }
    public var tsEvent: UnixNanos { fill.tsEvent }
}
