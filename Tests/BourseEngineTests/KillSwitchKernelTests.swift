import BourseCore
import BourseData
@testable import BourseEngine
import BourseExecution
import BourseRisk
import Testing

/// Issue 7's kill switch in the kernel: each trigger fires its actions (stop new orders, cancel
/// every open order, flatten every position), asserted on the commands the venue received; no
/// new order reaches the venue after a trip until an operator resets the switch.
@Suite struct KillSwitchKernelTests {
    typealias TestKernel = Kernel<Scripted, PassThroughRiskEngine, RecordingVenue<BacktestSimulatedVenue>>

    /// 100.00 for three days, then a drop to 80.00 (bar 3) that stays.
    static let rows: [(String, String, String, String)] =
        Array(repeating: ("100.00", "100.00", "100.00", "100.00"), count: 3)
        + [("90.00", "90.00", "80.00", "80.00")] + Array(repeating: ("80.00", "80.00", "80.00", "80.00"), count: 3)

    enum Trigger: String, CaseIterable, CustomTestStringConvertible {
        case dailyLoss, drawdown, staleData, errorRate, manual, venueDisconnected

        var testDescription: String { rawValue }

        var configuration: KillSwitchConfiguration {
            let usd500 = LossLimit(maxAmount: try! Money(parsing: "500", .USD))
            switch self {
            case .dailyLoss: return KillSwitchConfiguration(dailyLoss: usd500)
            case .drawdown: return KillSwitchConfiguration(drawdown: usd500)
            case .staleData: return KillSwitchConfiguration(staleMarketDataAfter: .days(3))
            case .errorRate: return KillSwitchConfiguration(errorRate: RateLimit(maxCount: 2, window: .days(1)))
            case .manual, .venueDisconnected: return KillSwitchConfiguration()
            }
        }

        var expected: KillSwitchTrigger {
            switch self {
            case .dailyLoss: .dailyLoss
            case .drawdown: .drawdown
            case .staleData: .staleMarketData
            case .errorRate: .errorRate
            case .manual: .manual
            case .venueDisconnected: .venueDisconnected(Bars.instrument.id.venue)
            }
        }
    }

    /// The order ids the strategy used, by bar.
    final class Log {
        var ids: [Int: [ClientOrderID]] = [:]
    }

    /// Runs the scenario: bar 0 buys 40 and rests a limit buy far below; `trigger` trips the
    /// switch around bar 3 or 4; bar 4 tries to buy 5 (denied); bar 5 buys 5 after an operator reset.
    static func run(_ trigger: Trigger, journal: BacktestJournal? = nil) throws -> (TestKernel, [KillSwitchStateChanged], Log) {
        let id = Bars.instrument.id
        let log = Log()
        let strategy = Scripted { _, i, context in
            func submit(_ order: OrderInitialized) {
                log.ids[i, default: []].append(order.clientOrderID)
                context.submit(order)
            }
            switch i {
            case 0:
                submit(try context.market(id, .buy, quantity: Quantity(parsing: "40")))
                submit(try context.limit(id, .buy, quantity: Quantity(parsing: "10"), price: Price(parsing: "50.00")))
            case 3 where trigger == .errorRate:
                // Reduce-only buys with a long position: the venue rejects both (two errors within a day).
                submit(try context.market(id, .buy, quantity: Quantity(parsing: "1"), reduceOnly: true))
                submit(try context.market(id, .buy, quantity: Quantity(parsing: "1"), reduceOnly: true))
            case 4, 5:
                submit(try context.market(id, .buy, quantity: Quantity(parsing: "5")))
            default: break
            }
        }
        let closeDays: [Int64]? = trigger == .staleData ? [1, 2, 3, 10, 11, 12, 13] : nil
        var config = try BacktestConfig(
            instruments: [Bars.instrument], bars: [Bars.series(rows, closeDays: closeDays)],
            startingCash: Money(parsing: "10000", .USD))
        config.killSwitch = trigger.configuration
        let kernel = try Backtest.makeKernel(strategy: strategy, risk: PassThroughRiskEngine(), config: config) {
            RecordingVenue($0)
        }
        try journal?.attach(to: kernel, config: config)
        var changes: [KillSwitchStateChanged] = []
        kernel.bus.subscribe(kernel.killSwitchEvents) { changes.append($0) }
        // The operator acts when the strategy's commands come in (outside the strategy's callback).
        kernel.bus.subscribe(kernel.commands) { [unowned kernel] command in
            guard case .submit(let order) = command else { return }
            if order.clientOrderID == log.ids[4]?.first {
                if trigger == .manual { try! kernel.triggerKillSwitch(operatorName: "alice", reason: "limits under review") }
                if trigger == .venueDisconnected { try! kernel.venueDisconnected(id.venue) }
            }
            if order.clientOrderID == log.ids[5]?.first {
                try! kernel.resetKillSwitch(operatorName: "bob", reason: "positions reviewed, resuming")
            }
        }
        try kernel.run()
        return (kernel, changes, log)
    }

    @Test(arguments: Trigger.allCases)
    func eachTriggerCancelsFlattensAndStopsNewOrdersUntilReset(_ trigger: Trigger) throws {
        let (kernel, changes, log) = try Self.run(trigger)
        let denied = try #require(log.ids[4]?.first)
        let resumed = try #require(log.ids[5]?.first)
        let rejected = (log.ids[3] ?? []).map { "submit \($0) BUY 1 reduce-only" }

        // The venue: the orders before the trip, the cancel and the flattening order, then
        // nothing until the reset; the order denied in between never arrives.
        #expect(kernel.venue.receivedText
            == ["submit O-1 BUY 40", "submit O-2 BUY 10"] + rejected
            + ["cancel O-2", "submit KILL-1 SELL 40 reduce-only", "submit \(resumed) BUY 5"])

        // The trip and the reset, published with who, why and what was done.
        try #require(changes.count == 2)
        #expect(changes[0].change == .triggered(trigger.expected))
        #expect(changes[0].actions == [.stopNewOrders, .cancelAllOrders, .flattenAllPositions])
        #expect(changes[0].canceledOrders.map(\.value) == ["O-2"])
        #expect(changes[0].flatteningOrders.map(\.value) == ["KILL-1"])
        let why: [Trigger: (String, String)] = [
            .dailyLoss: ("kernel", "daily loss 800.00 USD"), .drawdown: ("kernel", "drawdown 800.00 USD"),
            .staleData: ("kernel", "no market data for 604800 s"), .errorRate: ("kernel", "2 errors in the last 86400 s"),
            .manual: ("alice", "pulled by alice: limits under review"), .venueDisconnected: ("venue SIM", "venue SIM disconnected"),
        ]
        #expect(changes[0].who == why[trigger]?.0)
        #expect(changes[0].why.contains(why[trigger]?.1 ?? "?"), "\(changes[0].why)")
        #expect(changes[1].change == .reset && changes[1].who == "bob" && changes[1].actions == [.resumeTrading])
        #expect(kernel.killSwitch.state == .active)

        // The order tried while triggered: denied by the kill switch, with the position in the reason.
        let denial = kernel.strategy.orderEvents.compactMap { event -> OrderDenied? in
            if case .denied(let d) = event, d.clientOrderID == denied { d } else { nil }
        }
        #expect(denial.count == 1)
        #expect(denial.first?.reason.hasPrefix("denied by kill-switch: the kill switch is triggered (\(trigger.expected))") == true)

        // Flattened at the next open, then the order after the reset filled.
        #expect(kernel.fills.map { "\($0.clientOrderID) \($0.side) \($0.lastQuantity)" }
            == ["O-1 BUY 40", "KILL-1 SELL 40", "\(resumed) BUY 5"])
        #expect(kernel.portfolio.positions[0].signedQuantityRaw == 5)
    }

    /// Issue 9's audit trail: a journaled run records the trip and the reset with who, why and
    /// what was done, and the flattening order's command before its events.
    @Test func theJournalRecordsTheTripTheResetAndTheFlatteningOrder() throws {
        let journal = InMemoryEventJournal()
        _ = try Self.run(.manual, journal: BacktestJournal(journal: journal))
        var records: [JournalRecord] = []
        try journal.forEach(after: 0) { record throws(JournalError) in records.append(record) }
        let audits = records.compactMap { record -> AuditEntry? in
            if case .audit(let entry) = record.entry, entry.category == .killSwitch { entry } else { nil }
        }
        try #require(audits.count == 2)
        #expect(audits[0].actor == "alice" && audits[0].reason.contains("limits under review"))
        #expect(audits[0].action
            == "triggered by manual: stop-new-orders, cancel-all-orders, flatten-all-positions; canceled O-2; flattening KILL-1")
        #expect(audits[1].actor == "bob" && audits[1].action == "reset: resume-trading")
        #expect(audits[1].reason.contains("positions reviewed, resuming"))
        let kill = records.enumerated().filter { $0.element.entry.clientOrderID?.value == "KILL-1" }
        guard case .command(.submit)? = kill.first?.element.entry else {
            Issue.record("KILL-1's first record is not its submit command: \(String(describing: kill.first?.element.entry))")
            return
        }
        #expect(kill.allSatisfy { $0.element.correlationID == "KILL-SWITCH" })
        #expect(kill.contains { if case .event(.filled) = $0.element.entry { true } else { false } })
    }

    @Test func aTriggerThatCannotBeEvaluatedTripsTheSwitch() throws {
        // Short 90 at 100, then the price jumps to 250: equity −3,500 USD. The next day's daily
        // loss limit, a fraction of start-of-day equity, cannot be applied: fail safe.
        let rows: [(String, String, String, String)] =
            Array(repeating: ("100.00", "100.00", "100.00", "100.00"), count: 3)
            + Array(repeating: ("250.00", "250.00", "250.00", "250.00"), count: 3)
        let id = Bars.instrument.id
        let strategy = Scripted { _, i, context in
            if i == 0 { context.submit(try context.market(id, .sell, quantity: Quantity(parsing: "90"))) }
            if i == 4 { context.submit(try context.market(id, .sell, quantity: Quantity(parsing: "1"))) }
        }
        var config = try BacktestConfig(
            instruments: [Bars.instrument], bars: [Bars.series(rows)], startingCash: Money(parsing: "10000", .USD))
        config.killSwitch = KillSwitchConfiguration(dailyLoss: LossLimit(maxFraction: try Rate(parsing: "2")))
        let kernel = try Backtest.makeKernel(strategy: strategy, risk: PassThroughRiskEngine(), config: config) {
            RecordingVenue($0)
        }
        var changes: [KillSwitchStateChanged] = []
        kernel.bus.subscribe(kernel.killSwitchEvents) { changes.append($0) }
        try kernel.run()
        #expect(changes.map(\.change) == [.triggered(.evaluationFailure)])
        #expect(changes.first?.why.contains("start-of-day equity is -3500.00 USD") == true, "\(changes)")
        #expect(kernel.venue.receivedText == ["submit O-1 SELL 90", "submit KILL-1 BUY 90 reduce-only"])
        #expect(kernel.portfolio.positions[0].isFlat)
    }

    @Test func aResetNeedsWhoAndWhyAndATrip() throws {
        let config = try Bars.config(Bars.flat)
        let kernel = try Backtest.makeKernel(strategy: Scripted { _, _, _ in }, risk: PassThroughRiskEngine(), config: config)
        #expect(throws: KillSwitchError.notTriggered) { try kernel.resetKillSwitch(operatorName: "bob", reason: "why not") }
        try kernel.triggerKillSwitch(operatorName: "alice", reason: "test")
        #expect(throws: KillSwitchError.missingOperator) { try kernel.resetKillSwitch(operatorName: " ", reason: "ok") }
        #expect(throws: KillSwitchError.missingReason) { try kernel.resetKillSwitch(operatorName: "bob", reason: "") }
        #expect(kernel.killSwitch.state == .triggered(.manual))
    }
}
