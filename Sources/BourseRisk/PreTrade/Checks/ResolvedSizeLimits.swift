import BourseCore

/// ``SizeLimits`` indexed by instrument, for one lookup per order.
struct ResolvedSizeLimits: Sendable {
    let maxQuantity: Quantity?
    let maxNotional: Money?
    let overrides: [InstrumentID: InstrumentSizeLimit]

    init(_ limits: SizeLimits) {
        maxQuantity = limits.maxQuantity
        maxNotional = limits.maxNotional
        overrides = Dictionary(limits.instruments.map { ($0.instrumentID, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The quantity limit for `order`'s instrument in raw units at its size precision (rounded down), if any.
    func quantityRaw(for order: PreTradeOrder) -> (raw: Int64, limit: Quantity)? {
        let override = overrides.isEmpty ? nil : overrides[order.request.instrumentID]
        guard let limit = override?.maxQuantity ?? maxQuantity else { return nil }
        let raw = (try? limit.rescaled(to: order.instrument.sizePrecision, rule: .down).raw) ?? .max
        return (raw, limit)
    }

    /// The notional limit for `order`'s instrument, if any.
    func notional(for order: PreTradeOrder) -> Money? {
        let override = overrides.isEmpty ? nil : overrides[order.request.instrumentID]
        return override?.maxNotional ?? maxNotional
    }
}
