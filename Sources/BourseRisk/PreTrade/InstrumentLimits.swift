import BourseCore

/// The limits of a ``RiskConfiguration`` that apply to one instrument, resolved once per
/// instrument (raw values at its precisions) so that a pre-trade pass looks nothing up by name.
///
/// The ``RiskEngine`` keeps one per instrument of the portfolio, in the portfolio's order, and
/// resolves them again when an instrument is registered.
struct InstrumentLimits: Sendable {
    /// On the restricted list.
    let isRestricted: Bool
    /// Maximum order quantity, raw at the size precision (rounded down).
    let orderQuantityRaw: Int64?
    /// Maximum order notional, raw base-currency units.
    let orderNotionalRaw: Int64?
    /// Maximum projected position quantity, raw at the size precision (rounded down).
    let positionQuantityRaw: Int64?
    /// Maximum projected position value, raw base-currency units.
    let positionNotionalRaw: Int64?
    /// The concentration limits on the instrument's risk tags: the tag's index in
    /// ``InstrumentRiskState/riskTags`` and the fraction of equity, tightest per tag.
    let tagLimits: [(tag: Int, fraction: Rate)]

    init(
        _ state: InstrumentRiskState, restricted: Set<InstrumentID>, orderSize: ResolvedSizeLimits?,
        positionSize: ResolvedSizeLimits?, tagLimits: [String: Rate]
    ) {
        let instrument = state.instrument
        isRestricted = restricted.contains(instrument.id)
        orderQuantityRaw = orderSize?.quantity(for: instrument).map(\.raw)
        orderNotionalRaw = orderSize?.notional(for: instrument.id)?.raw
        positionQuantityRaw = positionSize?.quantity(for: instrument).map(\.raw)
        positionNotionalRaw = positionSize?.notional(for: instrument.id)?.raw
        self.tagLimits = state.riskTags.enumerated().compactMap { index, tag in tagLimits[tag].map { (index, $0) } }
    }
}
