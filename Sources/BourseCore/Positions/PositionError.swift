/// Why a fill could not be applied to a position, or a P&L not computed.
public enum PositionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The fill is for another instrument.
    case instrumentMismatch(position: PositionID, expected: InstrumentID, got: InstrumentID)
    /// The fill carries another position's id.
    case positionMismatch(expected: PositionID, got: PositionID)
    /// A fill price or quantity not at the instrument's precision.
    case precisionMismatch(PositionID, String)
    /// An amount exceeded the `Int64` range of the quote currency or the quantity.
    case overflow(PositionID)

    public var description: String {
        switch self {
        case .instrumentMismatch(let position, let expected, let got):
            "position \(position) is in \(expected); a fill for \(got) cannot be applied"
        case .positionMismatch(let expected, let got): "fill for position \(got) applied to position \(expected)"
        case .precisionMismatch(let position, let reason): "position \(position): \(reason)"
        case .overflow(let position): "position \(position): amount overflows the fixed-point range"
        }
    }
}
