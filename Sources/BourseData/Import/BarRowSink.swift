/// Where ``BarRowBuilder`` puts the rows it keeps: an in-memory ``BarSeries``
/// (``BarSeriesSink``) or a bar file being written (``BarFileOutput``). Generic, so the
/// per-row `append` is a direct call.
protocol BarRowSink {
    /// Decimals of the raw prices held.
    var pricePrecision: UInt8 { get }
    /// Decimals of the raw volumes held.
    var sizePrecision: UInt8 { get }
    /// Rows held.
    var count: Int { get }

    /// Adds one row of raw values (already checked).
    mutating func append(timestamp: Int64, open: Int64, high: Int64, low: Int64, close: Int64, volume: Int64)

    /// Multiplies every price held by `10^(p - pricePrecision)`; `false` on overflow.
    mutating func raisePricePrecision(to p: UInt8) -> Bool

    /// Multiplies every volume held by `10^(p - sizePrecision)`; `false` on overflow.
    mutating func raiseSizePrecision(to p: UInt8) -> Bool

    /// Drops the rows and releases what holds them (the import failed).
    consuming func discard()
}
