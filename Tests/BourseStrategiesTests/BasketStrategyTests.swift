import BourseCore
import BourseData
import BourseEngine
import BourseStrategies
import Foundation
import Testing

/// The basket strategies: hand-checked small cases, and the golden signals computed with pandas by
/// `scripts/strategy_reference.py` on real closes (Fixtures/basket_2014-2017.csv, see its README).
@Suite struct BasketStrategyTests {
    struct Golden: Decodable {
        struct Momentum: Decodable {
            struct Rebalance: Decodable {
                let row: Int
                let date: String
                let held: [String]
            }
            let lookback: Int
            let top: Int
            let rebalance: Int
            let rebalances: [Rebalance]
        }
        struct Pairs: Decodable {
            struct Fill: Decodable {
                let date: String
                let side: String
                let action: String
            }
            let a: String
            let b: String
            let lookback: Int
            let entry: Double
            let exit: Double
            let stop: Double
            let fillsOfA: [Fill]
        }
        let momentum: Momentum
        let pairs: Pairs
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func golden() throws -> Golden {
        try JSONDecoder().decode(Golden.self, from: Data(contentsOf: fixtures.appendingPathComponent("basket_strategies.json")))
    }

    static func basket(_ columns: [String] = []) throws -> BacktestConfig {
        var config = try BacktestConfig.closeTable(
            path: fixtures.appendingPathComponent("basket_2014-2017.csv").path, columns: columns, spec: .oneDay, labels: .open,
            tickSize: Price(parsing: "0.000001"), startingCash: Money(parsing: "100000", .USD))
        config.commissionRate = try Rate(parsing: "0.001")
        return config
    }

    /// Daily close-only bars (open = high = low = close), the first labelled 2024-01-01.
    static func closes(_ table: [String: [String]]) throws -> BacktestConfig {
        let start = try CivilDateTime(year: 2024, month: 1, day: 1).unixNanos
        var series: [BarSeries] = []
        var instruments: [Instrument] = []
        for symbol in table.keys.sorted() {
            let instrument = try Instrument.equity(symbol + ".SIM")
            let type = BarType(instrumentID: instrument.id, spec: .oneDay)
            var s = BarSeries(barType: type, pricePrecision: 2, sizePrecision: 0)
            for (i, text) in (table[symbol] ?? []).enumerated() {
                let p = try Price(parsing: text, precision: 2)
                try s.append(Bar(barType: type, open: p, high: p, low: p, close: p, volume: Quantity(uncheckedRaw: 1, precision: 0),
                                 tsEvent: start + .days(Int64(i + 1))))
            }
            series.append(s)
            instruments.append(instrument)
        }
        return try BacktestConfig(instruments: instruments, bars: series, startingCash: Money(parsing: "10000", .USD))
    }

    static func fills(_ result: BacktestResult) -> [String] {
        result.fills.map { "\($0.time.prefix(10)) \($0.side) \($0.instrument) \($0.quantity)@\($0.price)" }
    }

    /// Worked by hand: lookback 1, top 1, rebalance every 2 bars, half the equity invested.
    /// Row 1: A +10 % is best → buy floor(5000 / 11) = 454 A (fills row 2 at 12). Row 3: C +55.6 %
    /// is best → sell A (fills row 4 at 12; equity 10,000), then buy floor(5000 / 14) = 357 C on row 4
    /// (fills row 5 at 16). Row 5: C still best, equity 10,000 → target floor(5000 / 16) = 312: trim 45.
    @Test func momentumRotationHandChecked() throws {
        let config = try Self.closes([
            "A": ["10", "11", "12", "12", "12", "12", "12"],
            "B": ["10", "10", "13", "12", "12", "12", "12"],
            "C": ["10", "9", "9", "14", "15", "16", "16"],
        ])
        let result = try Backtest.run(MomentumRotation.self, parameters: ["lookback=1", "top=1", "rebalance=2", "exposure=0.5"], config: config)
        #expect(Self.fills(result) == [
            "2024-01-03 BUY A.SIM 454@12.00", "2024-01-05 SELL A.SIM 454@12.00", "2024-01-06 BUY C.SIM 357@16.00",
            "2024-01-07 SELL C.SIM 45@16.00",
        ])
    }

    /// On real closes, after every rebalance (sales at the next open, purchases one bar later) the
    /// basket holds exactly pandas' top 3 by 20-bar return.
    @Test func momentumRotationHoldsTheGoldenTopNames() throws {
        let golden = try Self.golden().momentum
        let config = try Self.basket()
        let series = config.bars[0]
        let dates = (0..<series.count).map { String(UnixNanos(series.timestamps[$0] - Nanoseconds.perDay).description.prefix(10)) }
        let result = try Backtest.run(
            MomentumRotation.self,
            parameters: ["lookback=\(golden.lookback)", "top=\(golden.top)", "rebalance=\(golden.rebalance)"], config: config)
        #expect(result.logs.filter { $0.level != .info }.isEmpty, "\(result.logs)")
        var checked = 0
        for rebalance in golden.rebalances where rebalance.row + 2 < dates.count {
            #expect(dates[rebalance.row] == rebalance.date)
            let settled = dates[rebalance.row + 2]
            var units: [String: Double] = [:]
            for fill in result.fills where fill.time.prefix(10) <= settled {
                units[fill.instrument, default: 0] += (fill.side == "BUY" ? 1 : -1) * (Double(fill.quantity) ?? .nan)
            }
            let held = units.filter { $0.value != 0 }.keys.map { String($0.prefix { $0 != "." }) }.sorted()
            #expect(held == rebalance.held, "after the rebalance of \(rebalance.date)")
            checked += 1
        }
        #expect(checked == golden.rebalances.filter { $0.row + 2 < dates.count }.count)
        #expect(checked > 40)
    }

    /// On real closes of JPM and BAC, the JPM leg trades on exactly pandas' signals (entry, exit,
    /// stop: date of the next-open fill and side), and every JPM fill has a BAC fill the same day on
    /// the other side.
    @Test func pairsTradesOnTheGoldenSignals() throws {
        let golden = try Self.golden().pairs
        let config = try Self.basket([golden.a, golden.b])
        let result = try Backtest.run(
            PairsTrading.self,
            parameters: ["lookback=\(golden.lookback)", "entry=\(golden.entry)", "exit=\(golden.exit)", "stop=\(golden.stop)"],
            config: config)
        let legA = result.fills.filter { $0.instrument == golden.a + ".SIM" }
        let legB = result.fills.filter { $0.instrument == golden.b + ".SIM" }
        #expect(legA.map { "\($0.time.prefix(10)) \($0.side)" } == golden.fillsOfA.map { "\($0.date) \($0.side)" })
        #expect(legB.map { "\($0.time.prefix(10)) \($0.side == "BUY" ? "SELL" : "BUY")" } == legA.map { "\($0.time.prefix(10)) \($0.side)" })
        // Exits and stops close both legs entirely: every trade is closed, none left open.
        #expect(result.trades.count == golden.fillsOfA.count)
        #expect(result.openTrades.isEmpty)
    }

    @Test(arguments: [["entry=1", "exit=1"], ["entry=5", "stop=4"]])
    func pairsRejectsUnorderedThresholds(parameters: [String]) throws {
        #expect(throws: ParameterError.self) { try Backtest.run(PairsTrading.self, parameters: parameters, config: Self.basket(["JPM", "BAC"])) }
    }

    @Test func pairsNeedsTwoInstruments() throws {
        #expect(throws: EngineError.self) { try Backtest.run(PairsTrading.self, config: Self.basket(["JPM"])) }
    }
}
