public import BourseCore
public import BourseEngine
import BourseIndicators

/// Donchian channel breakout with ATR stops (turtle-style), long and short.
///
/// Rules, on each bar's close (channels of the *previous* bars, so the breakout bar is not in
/// its own channel):
/// - flat and close > the `entry`-bar high: buy with `fraction` of the available funds;
///   flat and close < the `entry`-bar low: sell short the same way;
/// - when the entry fills, a stop-market order protects the position at
///   `fill price ∓ stopATR × ATR(atr)`;
/// - long and close < the `exit`-bar low (short: > the `exit`-bar high): cancel the stop and close.
/// Needs a margin account for the short side.
///
/// Parameters: `entry` (20), `exit` (10), `atr` (20), `stopATR` (2), `fraction` (1).
public struct DonchianBreakout: Strategy {
    public static let name = "donchian-breakout"
    public static let summary = "Donchian breakout (turtle-style) with an ATR stop and a shorter exit channel"
    public static let parameters: [ParameterSpec] = [
        .integer("entry", default: 20, range: 2...1_000, "entry channel length (bars)"),
        .integer("exit", default: 10, range: 2...1_000, "exit channel length (bars)"),
        .integer("atr", default: 20, range: 1...1_000, "ATR period (bars)"),
        .decimal("stopATR", default: 2, range: 0.1...20, "stop distance in ATRs"),
        .decimal("fraction", default: 1, range: 0.01...1, "fraction of available funds per entry"),
    ]

    struct Lines {
        let barType: BarType
        let entry: IndicatorRef<DonchianChannels>
        let exit: IndicatorRef<DonchianChannels>
        let atr: IndicatorRef<ATR>
    }

    let entryPeriod: Int
    let exitPeriod: Int
    let atrPeriod: Int
    let stopATR: Double
    let fraction: Double
    private var lines: [Lines] = []
    private var stops: [InstrumentID: ClientOrderID] = [:]

    public init(parameters: ParameterValues) throws(ParameterError) {
        entryPeriod = parameters.integer("entry")
        exitPeriod = parameters.integer("exit")
        atrPeriod = parameters.integer("atr")
        stopATR = parameters.decimal("stopATR")
        fraction = parameters.decimal("fraction")
    }

    public mutating func onStart(_ context: StrategyContext) throws {
        for barType in context.availableBarTypes {
            context.subscribe(bars: barType)
            lines.append(Lines(
                barType: barType, entry: context.register(try DonchianChannels(period: entryPeriod), on: barType),
                exit: context.register(try DonchianChannels(period: exitPeriod), on: barType),
                atr: context.register(try ATR(period: atrPeriod), on: barType)))
        }
    }

    public mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {
        for line in lines where line.barType == bar.barType && line.entry.hasPrevious && line.exit.hasPrevious {
            let id = bar.instrumentID
            let close = bar.close.doubleValue
            let position = context.position(id)
            if position?.isFlat ?? true {
                guard !context.hasOpenOrders(id) else { continue }
                if close > line.entry.previousValue.upper {
                    context.submitMarket(id, .buy, sizing: .fractionOfFunds(fraction))
                } else if close < line.entry.previousValue.lower {
                    context.submitMarket(id, .sell, sizing: .fractionOfFunds(fraction))
                }
            } else if let position,
                (position.isLong && close < line.exit.previousValue.lower)
                    || (position.isShort && close > line.exit.previousValue.upper)
            {
                if let stop = stops.removeValue(forKey: id) { context.cancel(stop) }
                try context.closePosition(id)
            }
        }
    }

    public mutating func onPositionEvent(_ event: PositionEvent, _ context: StrategyContext) throws {
        let id = event.instrumentID
        if event.kind == .closed {
            if let stop = stops.removeValue(forKey: id), context.orders.order(stop)?.isOpen == true { context.cancel(stop) }
            return
        }
        guard event.kind == .opened, let line = lines.first(where: { $0.barType.instrumentID == id }), line.atr.isReady else { return }
        let instrument = try context.instrument(id)
        let long = event.position.isLong
        let distance = stopATR * line.atr.value
        let trigger = try instrument.makePrice(event.fill.lastPrice.doubleValue + (long ? -distance : distance))
        guard trigger.raw > 0 else { return }
        let stop = try context.stopMarket(id, long ? .sell : .buy, quantity: event.position.quantity, triggerPrice: trigger, reduceOnly: true)
        stops[id] = stop.clientOrderID
        context.submit(stop)
    }
}
