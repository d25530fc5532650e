public import BourseCore

/// Builds bars from trades, streaming (``update(_:)``, one trade at a time) or in batch
/// (``aggregate(_:barType:pricePrecision:sizePrecision:origin:)``), by the bar spec's
/// aggregation:
///
/// - time (second … week): bars cover `[origin + k·step, origin + (k+1)·step)` (UTC
///   boundaries by default); a trade at exactly the end belongs to the next bar; `tsEvent`
///   is the interval end; a bar is emitted when a trade of a later interval arrives, or
///   by ``flush()``; intervals without trades produce no bar;
/// - tick: every `step` trades;
/// - volume: when the summed size reaches `step` units;
/// - value: when the summed notional (price × size) reaches `step` quote units.
///
/// Activity bars (tick, volume, value) close on the trade that completes them (its time
/// is `tsEvent`); that trade is not split, so a bar's volume or value may exceed `step`.
public struct TradeBarAggregator: Sendable {
    public let barType: BarType
    public let pricePrecision: UInt8
    public let sizePrecision: UInt8
    private let origin: Int64
    private let timeStep: Int64?
    /// Threshold in raw units: trades for tick bars, size raw for volume, price·size raw for value.
    private let threshold: Int128
    private var bucket: Int64?
    private var open: Int64 = 0, high: Int64 = 0, low: Int64 = 0, close: Int64 = 0, volume: Int64 = 0
    private var accumulated: Int128 = 0
    private var count = 0
    private var lastTime: Int64?

    public init(barType: BarType, pricePrecision: UInt8, sizePrecision: UInt8, origin: Nanoseconds = .zero) throws(AggregationError) {
        self.barType = barType
        self.pricePrecision = pricePrecision
        self.sizePrecision = sizePrecision
        self.origin = origin.rawValue
        let spec = barType.spec
        timeStep = spec.duration?.rawValue
        let step = Int128(spec.step)
        switch spec.aggregation {
        case .tick: threshold = step
        case .volume: threshold = step * Int128(FixedPoint.scale(sizePrecision))
        case .value: threshold = step * Int128(FixedPoint.scale(sizePrecision)) * Int128(FixedPoint.scale(pricePrecision))
        case .month: throw .incompatible("month bars from trades are not supported")
        default: threshold = 0
        }
    }

    /// Feeds one trade; returns the bar it completes, if any. Prices and sizes must have
    /// the aggregator's precisions.
    ///
    /// - Complexity: O(1), no allocation.
    public mutating func update(_ trade: TradeTick) throws(AggregationError) -> Bar? {
        guard trade.price.precision == pricePrecision, trade.size.precision == sizePrecision else {
            throw .incompatible("trade precisions \(trade.price.precision)/\(trade.size.precision) differ from \(pricePrecision)/\(sizePrecision)")
        }
        let t = trade.tsEvent.rawValue
        if let lastTime, t < lastTime { throw .outOfOrder("trade at \(CivilDateTime(trade.tsEvent).iso8601) is before the previous one") }
        lastTime = t
        let p = trade.price.raw
        let q = trade.size.raw
        if let timeStep {
            let k = floorDiv(t - origin, timeStep)
            var emitted: Bar?
            if let bucket, bucket != k { emitted = makeBar(origin + (bucket + 1) * timeStep) }
            if bucket != k { start(k, p, q) } else { add(p, q) }
            return emitted
        }
        if bucket == nil { start(0, p, q) } else { add(p, q) }
        switch barType.spec.aggregation {
        case .tick: accumulated = Int128(count)
        case .volume: accumulated += Int128(q)
        default: accumulated += Int128(p) * Int128(q)
        }
        guard accumulated >= threshold else { return nil }
        let bar = makeBar(t)
        bucket = nil
        return bar
    }

    /// The pending (incomplete) bar, if any, and a reset. For activity bars its `tsEvent` is the last trade's time.
    public mutating func flush() -> Bar? {
        guard let bucket else { return nil }
        let end = timeStep.map { origin + (bucket + 1) * $0 } ?? (lastTime ?? 0)
        self.bucket = nil
        return makeBar(end)
    }

    private mutating func start(_ k: Int64, _ p: Int64, _ q: Int64) {
        bucket = k
        open = p
        high = p
        low = p
        close = p
        volume = q
        count = 1
        accumulated = 0
    }

    private mutating func add(_ p: Int64, _ q: Int64) {
        high = max(high, p)
        low = min(low, p)
        close = p
        volume &+= q
        count += 1
    }

    private func makeBar(_ end: Int64) -> Bar {
        Bar(
            unchecked: barType, open: Price(uncheckedRaw: open, precision: pricePrecision),
            high: Price(uncheckedRaw: high, precision: pricePrecision), low: Price(uncheckedRaw: low, precision: pricePrecision),
            close: Price(uncheckedRaw: close, precision: pricePrecision), volume: Quantity(uncheckedRaw: volume, precision: sizePrecision),
            tsEvent: UnixNanos(end), tsInit: UnixNanos(end))
    }

    /// Aggregates a whole trade sequence (the last, possibly incomplete, bar included).
    public static func aggregate(
        _ trades: [TradeTick], barType: BarType, pricePrecision: UInt8, sizePrecision: UInt8, origin: Nanoseconds = .zero
    ) throws(AggregationError) -> BarSeries {
        var aggregator = try TradeBarAggregator(barType: barType, pricePrecision: pricePrecision, sizePrecision: sizePrecision, origin: origin)
        var out = BarSeries(barType: barType, pricePrecision: pricePrecision, sizePrecision: sizePrecision)
        for trade in trades {
            if let bar = try aggregator.update(trade) { out.appendUnchecked(bar) }
        }
        if let bar = aggregator.flush() { out.appendUnchecked(bar) }
        return out
    }
}

extension BarSeries {
    mutating func appendUnchecked(_ bar: Bar) {
        appendRaw(
            timestamp: bar.tsEvent.rawValue, open: bar.open.raw, high: bar.high.raw, low: bar.low.raw, close: bar.close.raw,
            volume: bar.volume.raw)
    }
}
