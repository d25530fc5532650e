public import Foundation
import BourseCore

/// Imports Yahoo Finance daily CSV (`Date,Open,High,Low,Close,Adj Close,Volume`).
///
/// With `adjust: true`, open, high, low and close are scaled by `Adj Close / Close`
/// (splits and dividends): `X' = X × AdjClose / Close`, computed exactly in 128-bit
/// integers and rounded half-even to the series' price precision, then, for a tick
/// that is not a power of ten, half-even to a multiple of the tick. The close becomes
/// the adjusted close exactly; volume is left as is (Yahoo's adjusted close does not
/// adjust volume). Validation runs on the unadjusted values as written in the file.
public enum YahooImporter {
    public static func importBars(path: String, adjust: Bool = false, options: BarImportOptions) throws(DataImportError) -> BarImport {
        try importBars(data: DataFile.bytes(path), fileName: DataFile.name(path), adjust: adjust, options: options)
    }

    public static func importBars(data: Data, fileName: String, adjust: Bool = false, options: BarImportOptions) throws(DataImportError) -> BarImport {
        var layout = CSVBarLayout()
        layout.header = .present
        layout.timestamp = .name("Date")
        layout.extraPrice = .name("Adj Close")
        var (result, adjusted) = try BarCSVImporter.importWithExtra(data: data, fileName: fileName, layout: layout, options: options)
        guard adjust else { return result }
        let tick = options.tickSize.map { $0.raw } ?? 1
        var series = result.series
        for i in 0..<series.count {
            let close = series.closes[i]
            let factor = (numerator: adjusted[i], denominator: close)
            series.opens[i] = scaled(series.opens[i], factor, tick: tick)
            series.highs[i] = scaled(series.highs[i], factor, tick: tick)
            series.lows[i] = scaled(series.lows[i], factor, tick: tick)
            series.closes[i] = scaled(close, factor, tick: tick)
        }
        adjusted.removeAll()
        result.series = series
        return result
    }

    /// `value × n / d` rounded half-even to a multiple of `tick` (raw units); `d > 0`.
    static func scaled(_ value: Int64, _ factor: (numerator: Int64, denominator: Int64), tick: Int64) -> Int64 {
        let num = Int128(value) * Int128(factor.numerator)
        let den = Int128(factor.denominator) * Int128(tick)
        var q = num / den
        let r = num - q * den
        let twice = 2 * (r < 0 ? -r : r)
        if twice > den || (twice == den && q % 2 != 0) { q += r < 0 ? -1 : 1 }
        return Int64(clamping: q * Int128(tick))
    }
}
