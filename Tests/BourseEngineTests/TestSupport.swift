import BourseCore
import BourseData
import BourseEngine
import BourseRisk

/// A strategy driven by closures, for kernel tests.
struct Scripted: Strategy {
    static let name = "scripted"
    static let summary = "test strategy"
    static let parameters: [ParameterSpec] = []

    var start: (StrategyContext) throws -> Void = { context in
        for barType in context.availableBarTypes { context.subscribe(bars: barType) }
    }
    var bar: (Bar, Int, StrategyContext) throws -> Void = { _, _, _ in }
    var timer: (TimeEvent, StrategyContext) throws -> Void = { _, _ in }
    private(set) var barCount = 0
    private(set) var orderEvents: [OrderEvent] = []
    private(set) var positionEvents: [PositionEvent] = []
    private(set) var timerEvents: [TimeEvent] = []

    init(parameters: ParameterValues) {}

    init(start: ((StrategyContext) throws -> Void)? = nil, bar: @escaping (Bar, Int, StrategyContext) throws -> Void) {
        if let start { self.start = start }
        self.bar = bar
    }

    mutating func onStart(_ context: StrategyContext) throws { try start(context) }
    mutating func onBar(_ bar: Bar, _ context: StrategyContext) throws {
        try self.bar(bar, barCount, context)
        barCount += 1
    }
    mutating func onOrderEvent(_ event: OrderEvent, _ context: StrategyContext) throws { orderEvents.append(event) }
    mutating func onPositionEvent(_ event: PositionEvent, _ context: StrategyContext) throws { positionEvents.append(event) }
    mutating func onTimer(_ event: TimeEvent, _ context: StrategyContext) throws {
        timerEvents.append(event)
        try timer(event, context)
    }
}

/// Fails on every command (the kernel must deny, fail safe).
struct FailingRisk: RiskGate {
    mutating func check(
        _ request: RiskRequest, portfolio: Portfolio, openOrders: () -> (buy: Quantity, sell: Quantity)
    ) throws(RiskEngineFailure) -> RiskDecision {
        throw RiskEngineFailure(reason: "test: no decision")
    }
}

enum Bars {
    static let instrument = try! Instrument.equity("TEST.SIM")
    static let barType = BarType(instrumentID: instrument.id, spec: .oneDay)

    /// Daily bars from (open, high, low, close) rows, the first opening at 2024-01-01; row *i*
    /// closes on day `closeDays[i]` after it (default *i* + 1: no gaps).
    static func series(
        _ rows: [(String, String, String, String)], instrument: Instrument = instrument, closeDays: [Int64]? = nil
    ) throws -> BarSeries {
        let type = BarType(instrumentID: instrument.id, spec: .oneDay)
        var series = BarSeries(barType: type, pricePrecision: 2, sizePrecision: 0)
        let start = try CivilDateTime(year: 2024, month: 1, day: 1).unixNanos
        for (i, row) in rows.enumerated() {
            try series.append(
                Bar(
                    barType: type, open: Price(parsing: row.0, precision: 2), high: Price(parsing: row.1, precision: 2),
                    low: Price(parsing: row.2, precision: 2), close: Price(parsing: row.3, precision: 2),
                    volume: Quantity(uncheckedRaw: 1000, precision: 0), tsEvent: start + .days(closeDays?[i] ?? Int64(i + 1))))
        }
        return series
    }

    /// `count` one-minute bars of ``instrument``, the first opening at `start`: bar *i* opens at
    /// 100 + i, has high open + 2, low open − 1, closes at open + 1, volume 10 + i.
    static func minuteSeries(count: Int, start: UnixNanos) throws -> BarSeries {
        let type = BarType(instrumentID: instrument.id, spec: .oneMinute)
        var series = BarSeries(barType: type, pricePrecision: 2, sizePrecision: 0)
        for i in 0..<count {
            let open = Int64(10_000 + 100 * i)
            try series.append(
                Bar(
                    barType: type, open: Price(uncheckedRaw: open, precision: 2),
                    high: Price(uncheckedRaw: open + 200, precision: 2), low: Price(uncheckedRaw: open - 100, precision: 2),
                    close: Price(uncheckedRaw: open + 100, precision: 2), volume: Quantity(uncheckedRaw: Int64(10 + i), precision: 0),
                    tsEvent: start + .minutes(Int64(i + 1))))
        }
        return series
    }

    static func config(_ rows: [(String, String, String, String)], cash: String = "10000") throws -> BacktestConfig {
        try BacktestConfig(instruments: [instrument], bars: [series(rows)], startingCash: Money(parsing: cash, .USD))
    }

    static let flat: [(String, String, String, String)] = Array(repeating: ("100.00", "101.00", "99.00", "100.00"), count: 5)
}
