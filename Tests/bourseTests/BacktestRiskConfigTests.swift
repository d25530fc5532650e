import ArgumentParser
import BourseConfiguration
import BourseCore
import BourseEngine
import BourseRisk
import BourseStrategies
import Foundation
import Testing

@testable import bourse

/// `bourse backtest --config FILE` reads the `risk:` section into the kernel's pre-trade engine.
@Suite struct BacktestRiskConfigTests {
    static let goog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/demo/GOOG.csv").path

    /// A configuration running SMA(10, 20) on GOOG with `risk` appended.
    static func yaml(_ risk: String) -> String {
        """
        backtest:
          strategy: sma-cross
          data: \(goog)
          instruments: GOOG.NASDAQ
          starting-balance: 10000 USD
        \(risk)
        """
    }

    /// Parses `bourse backtest --config FILE` as a user types it and loads what it would run.
    static func load(_ text: String) throws -> (Configuration, BacktestConfig) {
        let scratch = try RiskCommandTests.Scratch()
        let path = try scratch.file("backtest.yaml", text)
        let command = try #require(try Bourse.parseAsRoot(["backtest", "--config", path]) as? BacktestCommand)
        return try BacktestCommand.load(command.input, command.options)
    }

    static func run(_ text: String) throws -> BacktestResult {
        let (settings, config) = try load(text)
        let (entry, parameters) = try RunOptions.strategy(settings)
        return try entry.run(parameters, config)
    }

    @Test func theRiskSectionLimitsTheBacktestsOrders() throws {
        let free = try Self.run(Self.yaml(""))
        #expect(free.fills.contains { (Int($0.quantity) ?? 0) > 5 })
        let (_, config) = try Self.load(Self.yaml(""))
        #expect(config.riskLimits == nil)

        let limited = try Self.run(Self.yaml("""
            risk:
              reduce-quantity-to-limits: true
              order:
                max-quantity: 5
            """))
        #expect(!limited.fills.isEmpty)
        #expect(limited.fills.allSatisfy { (Int($0.quantity) ?? .max) <= 5 })

        let restricted = try Self.run(Self.yaml("risk:\n  restricted: GOOG.NASDAQ"))
        #expect(restricted.fills.isEmpty)
        #expect(!restricted.orders.isEmpty && restricted.orders.allSatisfy { $0.status == "DENIED" })
    }

    /// A `risk:` section with one bad value: the key, where it is (line 8 of the file) and why.
    static let invalid: [(section: String, key: String, position: String, reason: String)] = [
        ("risk:\n  order:\n    max-notional: lots", "risk.order.max-notional", "backtest.yaml:8:19",
         "expected an amount and a currency"),
        ("risk:\n  daily-loss:\n    max-amount: 500 EUR", "risk.daily-loss.max-amount", "backtest.yaml:8:17",
         "the limit is in EUR, the account in USD"),
        ("risk:\n  kill-switch:\n    stale-data-after: soon", "risk.kill-switch.stale-data-after", "backtest.yaml:8:23",
         "expected a positive duration"),
    ]

    @Test(arguments: invalid)
    func anInvalidValueNamesKeyFilePositionAndReasonAndNothingRuns(
        _ invalid: (section: String, key: String, position: String, reason: String)
    ) throws {
        #expect {
            _ = try Self.run(Self.yaml(invalid.section))
        } throws: { error in
            let message = "\(error)"
            return message.contains(invalid.key) && message.contains(invalid.position) && message.contains(invalid.reason)
        }
    }

    @Test func theKillSwitchSectionArmsTheKernelsKillSwitch() throws {
        let text = Self.yaml("""
            risk:
              kill-switch:
                drawdown:
                  max-fraction: 0.05
                error-rate: 3/1d
                actions: cancel-all-orders, flatten-all-positions
            """)
        let (_, config) = try Self.load(text)
        #expect(config.killSwitch == KillSwitchConfiguration(
            drawdown: LossLimit(maxFraction: try Rate(parsing: "0.05")), errorRate: RateLimit(maxCount: 3, window: .days(1))))
        // SMA(10, 20) on GOOG loses 5 % from a peak at some point: the switch flattens the position
        // and every later order of the strategy is denied (no reset in a backtest).
        let result = try Self.run(text)
        let kill = try #require(result.orders.firstIndex { $0.id == "KILL-1" })
        #expect(result.orders[kill].status == "FILLED")
        let later = result.orders[(kill + 1)...]
        #expect(!later.isEmpty && later.allSatisfy { $0.status == "DENIED" })
        #expect(result.positions.allSatisfy { $0.side == "FLAT" })
    }
}
