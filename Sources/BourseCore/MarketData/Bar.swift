/// One OHLCV bar.
///
/// `tsEvent` is the time the bar **closed** (when its values became known), so
/// a bar can never be seen before its data exists; for time bars the open time
/// is `tsEvent - spec.duration`. `tsInit` is when Bourse created the value.
public struct Bar: Sendable, Hashable {
    public let barType: BarType
    public let open: Price
    public let high: Price
    public let low: Price
    public let close: Price
    public let volume: Quantity
    public let tsEvent: UnixNanos
    public let tsInit: UnixNanos

    /// A checked bar: equal price precisions, `low ≤ open, close ≤ high`, `low ≤ high`.
    public init(
        barType: BarType, open: Price, high: Price, low: Price, close: Price, volume: Quantity,
        tsEvent: UnixNanos, tsInit: UnixNanos? = nil
    ) throws(MarketDataError) {
        let p = open.precision
        guard high.precision == p, low.precision == p, close.precision == p else {
            throw .invalid("bar prices have mixed precisions: \(open) \(high) \(low) \(close)")
        }
        guard high >= open, high >= close, high >= low else {
            throw .invalid("high \(high) is below open \(open), low \(low) or close \(close)")
        }
        guard low <= open, low <= close else { throw .invalid("low \(low) is above open \(open) or close \(close)") }
        self.init(
            unchecked: barType, open: open, high: high, low: low, close: close, volume: volume,
            tsEvent: tsEvent, tsInit: tsInit ?? tsEvent)
    }

    /// The trusted initializer for hot paths (values already validated).
    @inlinable
    public init(
        unchecked barType: BarType, open: Price, high: Price, low: Price, close: Price, volume: Quantity,
        tsEvent: UnixNanos, tsInit: UnixNanos
    ) {
        self.barType = barType
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.tsEvent = tsEvent
        self.tsInit = tsInit
    }

    public var instrumentID: InstrumentID { barType.instrumentID }
}
