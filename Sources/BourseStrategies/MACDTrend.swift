public import BourseCore
public import BourseEngine
import BourseIndicators

/// MACD trend following, long only.
///
/// Rules, on each bar's close with `MACD(fast, slow, signal)` of the closes: when the MACD
/// line crosses above its signal line, buy with all available funds (if flat); when it
/// crosses below, close the long. Market orders.
///
/// Parameters: `fast` (12), `slow` (26), `signal` (9), `fast < slow`.
public struct MACDTrend: Strategy {
    public static let name = "macd-trend"
    public static let summary = "MACD/signal crossover: long while MACD is above its signal line"
    public static let parameters: [ParameterSpec] = [
        .integer("fast", default: 12, range: 1...1_000, "fast EMA period"),
        .integer("slow", default: 26, range: 2...1_000, "slow EMA period"),
        .integer("signal", default: 9, range: 1...1_000, "signal EMA period"),
    ]

    let fast: Int
    let slow: Int
    let signal: Int
    private var macd: [(BarType, IndicatorRef<MACD>)] = []

    public init(parameters: ParameterValues) throws(ParameterError) {
        fast = parameters.integer("fast")
        slow = parameters.integer("slow")
        signal = parameters.integer("signal")
        guard fast < slow else { throw .invalidCombination("fast (\(fast)) must be below slow (\(slow))") }
    }

    public mutating func onStart(_ context: StrategyContext) throws {
        for barType in context.availableBarTypes {
            context.subscribe(bars: barType)
            macd.append((barType, context.register(try MACD(fastPeriod: fast, slowPeriod: slow, signalPeriod: signal), on: barType)))
        }
    }

    public mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {
        for (barType, ref) in macd where barType == bar.barType && ref.hasPrevious {
            let (before, now) = (ref.previousValue, ref.value)
            let flat = context.position(bar.instrumentID)?.isFlat ?? true
            if before.macd < before.signal && now.macd > now.signal && flat && !context.hasOpenOrders(bar.instrumentID) {
                context.submitMarket(bar.instrumentID, .buy, sizing: .allAvailableFunds)
            } else if before.macd > before.signal && now.macd < now.signal && !flat {
                try context.closePosition(bar.instrumentID)
            }
        }
    }
}
