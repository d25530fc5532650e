import BourseCore

/// ``SizeLimits`` indexed by instrument: the defaults and each instrument's overrides.
struct ResolvedSizeLimits: Sendable {
    let defaults: SizeLimit
    let overrides: [InstrumentID: SizeLimit]

    init(_ limits: SizeLimits) {
        defaults = limits.limit
        overrides = Dictionary(limits.instruments.map { ($0.instrumentID, $0.limit) }, uniquingKeysWith: { _, last in last })
    }

    /// The quantity limit of `instrument` and its raw value at the size precision (rounded down), if any.
    func quantity(for instrument: Instrument) -> (raw: Int64, limit: Quantity)? {
        guard let limit = overrides[instrument.id]?.maxQuantity ?? defaults.maxQuantity else { return nil }
        let raw = (try? limit.rescaled(to: instrument.sizePrecision, rule: .down).raw) ?? .max
        return (raw, limit)
    }

    /// The notional limit of the instrument, if any.
    func notional(for id: InstrumentID) -> Money? {
        overrides[id]?.maxNotional ?? defaults.maxNotional
    }
}
