/// Rows kept in memory as a ``BarSeries``, staged in a ``BarRowChunk`` so each row costs
/// six stores instead of six `Array.append` calls.
struct BarSeriesSink: BarRowSink {
    private var series: BarSeries
    private var chunk = BarRowChunk()

    /// An empty series of the options' bar type and precisions.
    init(options: BarImportOptions) {
        series = BarSeries(
            barType: options.barType, pricePrecision: options.initialPricePrecision, sizePrecision: options.initialSizePrecision)
    }

    var pricePrecision: UInt8 { series.pricePrecision }
    var sizePrecision: UInt8 { series.sizePrecision }
    var count: Int { series.count + chunk.count }

    /// Reserves room for about `rows` rows.
    mutating func reserveCapacity(_ rows: Int) { series.reserveCapacity(rows) }

    @inline(__always)
    mutating func append(timestamp: Int64, open: Int64, high: Int64, low: Int64, close: Int64, volume: Int64) {
        chunk.append(timestamp: timestamp, open: open, high: high, low: low, close: close, volume: volume)
        if chunk.isFull { chunk.flush(into: &series) }
    }

    mutating func raisePricePrecision(to p: UInt8) -> Bool {
        chunk.flush(into: &series)
        return series.raisePricePrecision(to: p)
    }

    mutating func raiseSizePrecision(to p: UInt8) -> Bool {
        chunk.flush(into: &series)
        return series.raiseSizePrecision(to: p)
    }

    consuming func discard() {}

    /// The series with every row.
    mutating func finish() -> BarSeries {
        chunk.flush(into: &series)
        return series
    }
}
