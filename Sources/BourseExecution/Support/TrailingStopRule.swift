import BourseCore

/// How a trailing stop follows the market, shared by the simulated venue and the order emulator.
///
/// A sell trails `offset` below the reference price (the bid) and only rises; a buy trails
/// above the reference (the ask) and only falls. Levels are rounded away from the market onto
/// the instrument's tick grid; a trailing-stop-limit's limit is `limitOffset` beyond the trigger.
enum TrailingStopRule {
    /// The trigger (and, when `withLimit`, the limit) in raw units at the instrument's price
    /// precision for a trailing order of `side` with the market at `reference`; `nil` when the
    /// offset does not fit.
    static func levels(
        side: OrderSide, offset: TrailingOffset, reference: Int64, instrument: Instrument, withLimit: Bool
    ) -> (trigger: Int64, limit: Int64?)? {
        let tick = instrument.tickSize.raw
        let sell = side == .sell
        guard let distance = distanceRaw(offset.offset, type: offset.type, reference: reference, instrument: instrument)
        else { return nil }
        let trigger = sell ? floor(reference - distance, tick) : ceil(reference + distance, tick)
        guard withLimit, let limitOffset = offset.limitOffset,
            let limitDistance = distanceRaw(limitOffset, type: offset.type, reference: trigger, instrument: instrument)
        else { return (trigger, nil) }
        return (trigger, sell ? floor(trigger - limitDistance, tick) : ceil(trigger + limitDistance, tick))
    }

    /// Whether moving a `side` trailing trigger from `current` to `candidate` tightens it
    /// (a sell's only rises, a buy's only falls). Any trigger tightens a missing one.
    static func tightens(_ candidate: Int64, over current: Int64?, side: OrderSide) -> Bool {
        guard let current else { return true }
        return side == .sell ? candidate > current : candidate < current
    }

    /// A trailing offset in raw price units at the instrument's precision.
    private static func distanceRaw(
        _ offset: Price, type: TrailingOffsetType, reference: Int64, instrument: Instrument
    ) -> Int64? {
        switch type {
        case .price:
            return try? FixedPoint.rescale(offset.raw, from: offset.precision, to: instrument.pricePrecision, rule: .up)
        case .ticks:
            let ticks = offset.precision == 0 ? offset.raw : offset.raw / FixedPoint.scale(offset.precision)
            return ticks.multipliedReportingOverflow(by: instrument.tickSize.raw).overflow ? nil : ticks * instrument.tickSize.raw
        case .basisPoints:
            // reference × bps / 10 000 (with the offset's own decimals), rounded up: away from the market.
            let denominator = 10_000 * Int128(FixedPoint.scale(offset.precision))
            let value = (Int128(reference.magnitude) * Int128(offset.raw) + denominator - 1) / denominator
            return Int64(exactly: value)
        }
    }

    private static func floor(_ value: Int64, _ tick: Int64) -> Int64 {
        let r = value % tick
        return r == 0 ? value : value - (r < 0 ? tick + r : r)
    }

    private static func ceil(_ value: Int64, _ tick: Int64) -> Int64 {
        -floor(-value, tick)
    }
}
