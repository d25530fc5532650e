public import BourseCore
public import BourseEngine
import BourseIndicators

/// RSI mean reversion, long only.
///
/// Rules, on each bar's close with `RSI(period)`: when flat and RSI < `oversold`, buy with all
/// available funds; when long and RSI > `overbought`, close the position. Market orders.
///
/// Parameters: `period` (14), `oversold` (30), `overbought` (70), `oversold < overbought`.
public struct RSIReversion: Strategy {
    public static let name = "rsi-reversion"
    public static let summary = "RSI mean reversion: buy below oversold, sell above overbought (long only)"
    public static let parameters: [ParameterSpec] = [
        .integer("period", default: 14, range: 2...1_000, "RSI period (bars)"),
        .decimal("oversold", default: 30, range: 0...100, "buy when RSI falls below this"),
        .decimal("overbought", default: 70, range: 0...100, "sell when RSI rises above this"),
    ]

    let period: Int
    let oversold: Double
    let overbought: Double
    private var rsi: [(BarType, IndicatorRef<RSI>)] = []

    public init(parameters: ParameterValues) throws(ParameterError) {
        period = parameters.integer("period")
        oversold = parameters.decimal("oversold")
        overbought = parameters.decimal("overbought")
        guard oversold < overbought else { throw .invalidCombination("oversold must be below overbought") }
    }

    public mutating func onStart(_ context: StrategyContext) throws {
        for barType in context.availableBarTypes {
            context.subscribe(bars: barType)
            rsi.append((barType, context.register(try RSI(period: period), on: barType)))
        }
    }

    public mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {
        for (barType, ref) in rsi where barType == bar.barType && ref.isReady {
            let flat = context.position(bar.instrumentID)?.isFlat ?? true
            if flat && ref.value < oversold && !context.hasOpenOrders(bar.instrumentID) {
                context.submitMarket(bar.instrumentID, .buy, sizing: .allAvailableFunds)
            } else if !flat && ref.value > overbought {
                try context.closePosition(bar.instrumentID)
            }
        }
    }
}
