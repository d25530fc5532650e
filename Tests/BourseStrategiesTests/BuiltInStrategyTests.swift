import BourseCore
import BourseData
import BourseEngine
import BourseStrategies
import Foundation
import Testing

@Suite struct BuiltInStrategyTests {
    static func googConfig() throws -> BacktestConfig {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var config = try BacktestConfig.csv(
            paths: [root.appendingPathComponent("data/demo/GOOG.csv").path], instrumentIDs: ["GOOG.NASDAQ"], spec: .oneDay,
            labels: .open, startingCash: Money(parsing: "10000", .USD))
        config.commissionRate = try Rate(parsing: "0.001")
        return config
    }

    /// The single-instrument strategies (the basket ones have their own tests).
    @Test(arguments: StrategyCatalog.all.map(\.name).filter { !["momentum-rotation", "pairs"].contains($0) })
    func runsOnGOOGWithDefaultsAndTrades(name: String) throws {
        let result = try StrategyCatalog.named(name).run([], Self.googConfig())
        #expect(result.metrics.numberOfTrades > 3, "\(name) made \(result.metrics.numberOfTrades) trades")
        #expect(result.fills.count >= 2 * result.metrics.numberOfTrades)
        #expect(result.equityCurve.count == 2148)
        // Net P&L of the trades + the open trade = equity change (to rounding of the open mark).
        let tradePnL = (result.trades + result.openTrades).compactMap { Double($0.pnl) }.reduce(0, +)
        let change = (Double(result.finalEquity) ?? 0) - 10_000
        #expect(abs(tradePnL - change) < 0.02, "\(name): trades \(tradePnL) vs equity change \(change)")
    }

    @Test(arguments: ["sma-cross", "ema-cross", "macd-trend"])
    func rejectsFastNotBelowSlow(name: String) throws {
        #expect(throws: ParameterError.self) { try StrategyCatalog.named(name).run(["fast=30", "slow=20"], Self.googConfig()) }
    }

    @Test(arguments: ["rsi-reversion", "macd-trend"])
    func longOnlyStrategiesNeverShort(name: String) throws {
        let result = try StrategyCatalog.named(name).run([], Self.googConfig())
        #expect(result.trades.allSatisfy { $0.side == "LONG" })
    }

    @Test func donchianProtectsEntriesWithATRStops() throws {
        let result = try StrategyCatalog.named("donchian-breakout").run([], Self.googConfig())
        #expect(result.orders.contains { $0.type == "STOP_MARKET" })
    }

    @Test func unknownStrategyIsAClearError() {
        #expect(throws: ParameterError.self) { try StrategyCatalog.named("nope") }
    }
}
