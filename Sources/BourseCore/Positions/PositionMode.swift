/// How fills are grouped into positions; the position id decides.
///
/// - ``netting``: one position per instrument and strategy, id `"<instrument>-<strategy>"`.
///   Buys and sells net against each other; a sell larger than a long flips it short.
/// - ``hedging``: long and short positions in one instrument can coexist. A fill that
///   carries a position id (a closing order names the position it closes) goes to that
///   position; a fill without one opens a new position whose id is the client order id
///   of the opening order.
///
/// The OMS assigns ids with ``positionID(for:)`` and stamps them on the fills
/// (``OrderFilled/assigned(to:)``) before they reach ``Position/apply(fill:)``.
public enum PositionMode: String, Sendable, Hashable, Codable, CaseIterable {
    case netting
    case hedging

    /// The id of the position a fill belongs to under this mode.
    public func positionID(for fill: OrderFilled) throws(IdentifierError) -> PositionID {
        switch self {
        case .netting:
            return try PositionID("\(fill.instrumentID)-\(fill.strategyID)")
        case .hedging:
            if let id = fill.positionID { return id }
            return try PositionID(fill.clientOrderID.value)
        }
    }
}
