import BourseCore
import BourseData
import BourseIndicators

/// The columns of a bar series behind one reference, so the event loop reads them without
/// copying the series (no retain of each column per bar), and indicators read a row's prices
/// without a ``Bar`` value being built.
final class SeriesBox {
    let barType: BarType
    let pricePrecision: UInt8
    let sizePrecision: UInt8
    /// `10^pricePrecision` and `10^sizePrecision` as `Double`s: a raw value divided by them is
    /// exactly `doubleValue` of the price or quantity.
    let priceScale: Double
    let sizeScale: Double
    /// The bar duration in nanoseconds (zero when the spec has no fixed duration).
    let duration: Int64
    let opens: [Int64]
    let highs: [Int64]
    let lows: [Int64]
    let closes: [Int64]
    let volumes: [Int64]
    let timestamps: [Int64]

    init(_ series: BarSeries) {
        barType = series.barType
        pricePrecision = series.pricePrecision
        sizePrecision = series.sizePrecision
        priceScale = Double(FixedPoint.scale(series.pricePrecision))
        sizeScale = Double(FixedPoint.scale(series.sizePrecision))
        duration = series.barType.spec.duration?.rawValue ?? 0
        opens = series.opens
        highs = series.highs
        lows = series.lows
        closes = series.closes
        volumes = series.volumes
        timestamps = series.timestamps
    }

    @inline(__always)
    func price(_ raw: Int64) -> Price { Price(uncheckedRaw: raw, precision: pricePrecision) }

    /// The close of row `row` as a `Double` (bit for bit `bar(row).close.doubleValue`).
    @inline(__always)
    func closeValue(_ row: Int) -> Double { Double(closes[row]) / priceScale }

    /// The high, low, close and volume of row `row` (bit for bit `HLCV(bar(row))`).
    @inline(__always)
    func hlcv(_ row: Int) -> HLCV {
        HLCV(
            high: Double(highs[row]) / priceScale, low: Double(lows[row]) / priceScale, close: closeValue(row),
            volume: Double(volumes[row]) / sizeScale)
    }

    /// Row `row` as a bar.
    @inline(__always)
    func bar(_ row: Int) -> Bar {
        let ts = UnixNanos(timestamps[row])
        return Bar(
            unchecked: barType, open: price(opens[row]), high: price(highs[row]), low: price(lows[row]),
            close: price(closes[row]), volume: Quantity(uncheckedRaw: volumes[row], precision: sizePrecision), tsEvent: ts,
            tsInit: ts)
    }
}
