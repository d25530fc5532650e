public import BourseCore
public import BourseEngine
import BourseIndicators

/// Bollinger-band mean reversion, long and short.
///
/// Rules, on each bar's close with Bollinger bands `SMA(period) ± deviations × σ`:
/// - flat and close < lower band: buy with all available funds;
/// - flat and close > upper band: sell short with all available funds;
/// - long and close ≥ middle band, or short and close ≤ middle band: close the position.
/// Market orders; needs a margin account for the short side.
///
/// Parameters: `period` (20), `deviations` (2).
public struct BollingerReversion: Strategy {
    public static let name = "bollinger-reversion"
    public static let summary = "Bollinger mean reversion: enter outside the bands, exit at the middle band"
    public static let parameters: [ParameterSpec] = [
        .integer("period", default: 20, range: 2...1_000, "moving-average and deviation window (bars)"),
        .decimal("deviations", default: 2, range: 0.1...10, "band width in standard deviations"),
    ]

    let period: Int
    let deviations: Double
    private var bands: [(BarType, IndicatorRef<BollingerBands>)] = []

    public init(parameters: ParameterValues) throws(ParameterError) {
        period = parameters.integer("period")
        deviations = parameters.decimal("deviations")
    }

    public mutating func onStart(_ context: StrategyContext) throws {
        for barType in context.availableBarTypes {
            context.subscribe(bars: barType)
            bands.append((barType, context.register(
                try BollingerBands(period: period, deviationsUp: deviations, deviationsDown: deviations), on: barType)))
        }
    }

    public mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {
        for (barType, ref) in bands where barType == bar.barType && ref.isReady {
            let close = bar.close.doubleValue
            let band = ref.value
            let position = context.position(bar.instrumentID)
            if position?.isFlat ?? true {
                guard !context.hasOpenOrders(bar.instrumentID) else { continue }
                if close < band.lower { context.submitMarket(bar.instrumentID, .buy, sizing: .allAvailableFunds) }
                if close > band.upper { context.submitMarket(bar.instrumentID, .sell, sizing: .allAvailableFunds) }
            } else if let position, (position.isLong && close >= band.middle) || (position.isShort && close <= band.middle) {
                if !context.hasOpenOrders(bar.instrumentID) { try context.closePosition(bar.instrumentID) }
            }
        }
    }
}
