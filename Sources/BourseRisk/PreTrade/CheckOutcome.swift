/// What one check says about an order.
public enum CheckOutcome: Sendable, Hashable {
    /// Within the limit.
    case pass
    /// Over the limit, but the check allows the order at a smaller quantity: at most
    /// `maxQuantityRaw` (raw, size precision; the engine rounds it down to the lot size).
    case reduce(maxQuantityRaw: Int64, reason: String)
    /// Refused; the reason names the limit and the values.
    case deny(reason: String)

    /// `.pass` when `quantityRaw ≤ maxRaw`, else `.reduce` (when `reduces`) or `.deny`, with
    /// the reason built only then.
    static func limit(
        _ quantityRaw: Int64, max maxRaw: Int64, reduces: Bool, reason: () -> String
    ) -> CheckOutcome {
        if quantityRaw <= maxRaw { return .pass }
        return reduces && maxRaw > 0 ? .reduce(maxQuantityRaw: maxRaw, reason: reason()) : .deny(reason: reason())
    }
}
