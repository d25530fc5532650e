import ArgumentParser
import BourseAnalytics
import BourseConfiguration
import BourseCore
import BourseRisk
import Foundation
import Testing

@testable import bourse

/// `bourse risk check`, `bourse risk report` and `bourse killswitch`, parsed and run as a user types them.
@Suite struct RiskCommandTests {
    /// A scratch directory removed by the caller.
    final class Scratch {
        let path = "\(FileManager.default.temporaryDirectory.path)/bourse-risk-\(UUID().uuidString)"

        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func file(_ name: String, _ text: String) throws -> String {
            try text.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8)
            return "\(path)/\(name)"
        }
    }

    static let positions = """
        instrument,quantity,price,currency,tags
        GOOG.NASDAQ,100,150.00,USD,tech
        SAP.XETRA,-50,120.00,EUR,tech
        XOM.NYSE,0,50.00,USD,energy
        """

    static let limits = """
        risk:
          reduce-quantity-to-limits: false
          order:
            max-quantity: 500
            max-notional: 20000 USD
          concentration: tech=0.3, energy=0.05
          fx-rates: EUR=1.1
        """

    func check(_ scratch: Scratch, _ arguments: [String], config: String = limits) throws -> (RiskDecision, String) {
        let command = try #require(
            try Bourse.parseAsRoot(
                ["risk", "check", "--config", try scratch.file("risk.yaml", config), "--positions",
                 try scratch.file("positions.csv", Self.positions), "--equity", "100000 USD"] + arguments) as? RiskCheckCommand)
        return try command.decide(environment: [:], at: UnixNanos(0))
    }

    @Test func checkApprovesAndDeniesWithTheLimitFromTheFile() throws {
        let scratch = try Scratch()
        let (approved, text) = try check(scratch, ["--instrument", "XOM.NYSE", "--side", "buy", "--quantity", "100"])
        #expect(approved.outcome == .approved)
        #expect(text == "APPROVED: BUY 100 XOM.NYSE at market")
        let (denied, reason) = try check(scratch, ["--instrument", "GOOG.NASDAQ", "--side", "buy", "--quantity", "200", "--price", "150.00"])
        #expect(denied.denial?.check == .maxOrderNotional)
        #expect(reason.contains("30000.00 USD") && reason.contains("20000.00 USD"))
        // SAP's short is valued at 1.1 USD per EUR: 15000 + 6600 of tech, so 8400 USD more reaches 0.3 × equity.
        let (tech, why) = try check(scratch, ["--instrument", "GOOG.NASDAQ", "--side", "buy", "--quantity", "57"])
        #expect(tech.denial?.check == .concentration, "\(why)")
        #expect(try check(scratch, ["--instrument", "GOOG.NASDAQ", "--side", "buy", "--quantity", "56"]).0.isApproved)
    }

    @Test func checkReducesWhenConfigured() throws {
        let scratch = try Scratch()
        let config = Self.limits.replacingOccurrences(of: "reduce-quantity-to-limits: false", with: "reduce-quantity-to-limits: true")
        let (decision, text) = try check(scratch, ["--instrument", "XOM.NYSE", "--side", "buy", "--quantity", "700"], config: config)
        #expect(decision.outcome.modifiedQuantity == (try Quantity(parsing: "100")), "energy 0.05 × 100000 USD at 50.00")
        #expect(text.hasPrefix("MODIFIED: BUY 700 XOM.NYSE at market → 100"))
    }

    @Test func badLimitsNameTheKeyAndTheLine() throws {
        let scratch = try Scratch()
        let bad = "risk:\n  order:\n    max-notional: lots\n  exposure:\n    max-gross: -1\n"
        #expect {
            _ = try check(scratch, ["--instrument", "XOM.NYSE", "--side", "buy", "--quantity", "1"], config: bad)
        } throws: { error in
            let text = "\(error)"
            return text.contains("risk.yaml:3:19: risk.order.max-notional") && text.contains("risk.yaml:5:16: risk.exposure.max-gross")
        }
    }

    @Test(arguments: [
        (["--side", "hold"], "--side must be buy or sell"),
        (["--side", "buy", "--equity", "lots"], "--equity"),
        (["--side", "buy", "--positions", "/nonexistent/positions.csv"], "cannot read the positions file"),
    ])
    func checkRejectsBadInput(_ arguments: [String], _ message: String) throws {
        let scratch = try Scratch()
        let command = try #require(
            try Bourse.parseAsRoot(
                ["risk", "check", "--positions", try scratch.file("positions.csv", Self.positions), "--equity", "100000 USD",
                 "--instrument", "XOM.NYSE", "--quantity", "1"] + arguments) as? RiskCheckCommand)
        #expect {
            _ = try command.decide(environment: [:], at: UnixNanos(0))
        } throws: { error in "\(error)".contains(message) }
    }

    @Test func reportOnPositionsMatchesTheLibrary() throws {
        let scratch = try Scratch()
        // Daily closes: GOOG and SAP move in opposite directions on alternate days.
        var prices = "date,GOOG.NASDAQ,SAP.XETRA\n"
        var goog = 150.0
        var sap = 120.0
        for day in 1...30 {
            goog *= 1 + 0.01 * sin(Double(day))
            sap *= 1 + 0.015 * cos(Double(day) * 0.7)
            prices += "2024-01-\(day < 10 ? "0" : "")\(day),\(goog),\(sap)\n"
        }
        let pricesPath = try scratch.file("prices.csv", prices)
        let command = try #require(
            try Bourse.parseAsRoot(
                ["risk", "report", "--config", try scratch.file("risk.yaml", Self.limits), "--positions",
                 try scratch.file("positions.csv", Self.positions), "--equity", "100000 USD", "--prices", pricesPath,
                 "--shock", "tech=-0.2", "--horizon", "5"]) as? RiskReportCommand)
        let output = try command.output(environment: [:])
        var portfolio = try PositionsFile(text: Self.positions, path: "p", baseCurrency: .USD)
            .portfolio(equity: Money(parsing: "100000", .USD), exchangeRates: [(.EUR, Price(parsing: "1.1"))])
        try portfolio.setAccount(
            equity: portfolio.equity, startOfDayEquity: portfolio.equity, peakEquity: portfolio.equity, freeCash: portfolio.equity)
        let report = try PortfolioRiskReport(
            portfolio: portfolio, prices: PriceTable(csv: prices), shocks: RiskReportCommand.scenarios(["tech=-0.2"]), horizonDays: 5)
        #expect(output == RiskReportTables(report).text)
        #expect(report.observations == 29)
        let historical = try #require(report.figures.first { $0.measure == "historical VaR" && $0.confidence == 0.95 })
        #expect(output.contains(RiskReportTables.percent(historical.oneDay)))
        // −20 % on tech: GOOG long 15000 loses 3000, SAP short 6600 USD gains 1320.
        #expect(output.contains("shock tech=-0.2") && output.contains("-1680.00 USD"))
        #expect(output.contains("gross") && output.contains("21600.00 USD"))
    }

    @Test func reportOnABacktestEquityCurve() throws {
        let scratch = try Scratch()
        var csv = "time,equity,exposure\n"
        for day in 0..<40 { csv += "2024-02-\(day),\(10000 * (1 + 0.02 * sin(Double(day)))),0\n" }
        let command = try #require(
            try Bourse.parseAsRoot(["risk", "report", "--equity-curve", try scratch.file("equity.csv", csv)]) as? RiskReportCommand)
        let output = try command.output(environment: [:])
        #expect(output.hasPrefix("VaR and CVaR from 39 daily returns"))
        #expect(!output.contains("Exposure"))
        let bad = try #require(
            try Bourse.parseAsRoot(["risk", "report", "--equity-curve", try scratch.file("bad.csv", "time,equity\nx,-5\n")]) as? RiskReportCommand)
        #expect { try bad.output(environment: [:]) } throws: { "\($0)".contains("bad.csv:2: equity is not a positive number") }
        #expect(throws: (any Error).self) { try Bourse.parseAsRoot(["risk", "report"]) }
    }

    @Test func killSwitchStatePersistsAndResetRecordsWhoAndWhy() throws {
        let scratch = try Scratch()
        let state = "\(scratch.path)/state/killswitch.json"
        func run(_ arguments: [String], at seconds: Int64) throws -> String {
            let command = try Bourse.parseAsRoot(["killswitch"] + arguments + ["--state", state])
            let now = UnixNanos(1_700_000_000_000_000_000 + seconds * 1_000_000_000)
            switch command {
            case let status as KillSwitchCommand.Status: return try status.output(environment: [:])
            case let trigger as KillSwitchCommand.Trigger: return try trigger.output(environment: [:], at: now)
            case let reset as KillSwitchCommand.Reset: return try reset.output(environment: [:], at: now)
            default: throw ValidationError("unexpected command")
            }
        }
        #expect(try run(["status"], at: 0) == "ACTIVE: new orders allowed")
        #expect(throws: (any Error).self) { try run(["reset", "--who", "bob", "--why", "nothing"], at: 1) }
        _ = try run(["trigger", "--who", "alice", "--why", "venue acting up"], at: 2)
        let triggered = try run(["status"], at: 3)
        #expect(triggered.hasPrefix("TRIGGERED (manual)"))
        #expect(triggered.contains("pulled by alice: venue acting up"))
        #expect(throws: (any Error).self) { try Bourse.parseAsRoot(["killswitch", "reset", "--who", "bob"]) }
        #expect(throws: (any Error).self) { try run(["reset", "--who", " ", "--why", "fine"], at: 4) }
        _ = try run(["reset", "--who", "bob", "--why", "venue confirmed healthy"], at: 5)
        let reset = try run(["status"], at: 6)
        #expect(reset.hasPrefix("ACTIVE"))
        #expect(reset.contains("reset by bob: venue confirmed healthy"))
        try "not json".write(toFile: state, atomically: true, encoding: .utf8)
        #expect { try run(["status"], at: 7) } throws: { "\($0)".contains("cannot be read") }
    }
}

extension RiskDecision.Outcome {
    var modifiedQuantity: Quantity? {
        if case .modified(let quantity, _) = self { return quantity }
        return nil
    }
}
