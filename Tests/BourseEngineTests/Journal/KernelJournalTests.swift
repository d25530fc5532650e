import BourseCore
import BourseData
import BourseExecution
import BourseRisk
import OrderedCollections
import Testing

@testable import BourseEngine

/// The kernel writes the journal through the shared ``JournalRecorder``: commands before they are
/// sent, every order event, risk decisions, market data marks on request; the state rebuilt from
/// that journal equals the kernel's.
@Suite struct KernelJournalTests {
    /// On GOOG in a cash account: a refused short sale (bar 1), then every 20 bars a market buy,
    /// a far limit buy canceled two bars later, and a market sell.
    static func strategy() -> Scripted {
        var far: ClientOrderID?
        return Scripted { bar, n, context in
            let ten = try Quantity(parsing: "10")
            if n == 1 { context.submit(try context.market(bar.instrumentID, .sell, quantity: ten)) }
            switch n % 20 {
            case 3: context.submit(try context.market(bar.instrumentID, .buy, quantity: ten))
            case 6:
                let order = try context.limit(bar.instrumentID, .buy, quantity: ten, price: Price(parsing: "1.00"))
                far = order.clientOrderID
                context.submit(order)
            case 8: if let far { context.cancel(far) }
            case 15: context.submit(try context.market(bar.instrumentID, .sell, quantity: ten))
            default: break
            }
        }
    }

    static func cashConfig() throws -> BacktestConfig {
        var config = try Fixtures.googConfig()
        config.accountKind = .cash
        return config
    }

    /// Runs the scripted strategy on `config`, journaled to `journal` when given.
    static func run(
        _ config: BacktestConfig, journal: BacktestJournal?
    ) throws -> Kernel<Scripted, PassThroughRiskEngine, BacktestSimulatedVenue> {
        let kernel = try Backtest.makeKernel(strategy: strategy(), risk: PassThroughRiskEngine(), config: config)
        try journal?.attach(to: kernel, config: config)
        try kernel.run()
        return kernel
    }

    /// The state the journal alone describes: its session-start record holds the run's instruments and cash.
    static func rebuild(_ journal: any EventJournal, _ config: BacktestConfig) throws -> JournalState {
        let state = try JournalReplay.state(of: journal)
        #expect(state.instruments == config.instruments && state.tracksCash == (config.accountKind == .cash))
        return state
    }

    @Test func stateRebuiltFromABacktestJournalEqualsTheKernels() throws {
        let config = try Self.cashConfig()
        let journal = InMemoryEventJournal()
        let kernel = try Self.run(config, journal: BacktestJournal(journal: journal))
        let state = try Self.rebuild(journal, config)
        let orders = kernel.orders.all
        #expect(orders.count > 100, "the scenario trades")
        #expect(orders.contains { $0.status == .denied } && orders.contains { $0.status == .canceled })
        #expect(state.orders.count == orders.count)
        for order in orders { #expect(state.orders[order.clientOrderID] == order, "order \(order.clientOrderID)") }
        #expect(state.fillCount == kernel.fills.count)
        let goog = config.instruments[0].id
        #expect(state.signedPosition(goog) == kernel.portfolio.positions[0].signedQuantityRaw)
        #expect(state.account.balance(.USD).total == kernel.portfolio.cash)
        // The backtest's recorder keeps no state (nobody reads it): it holds no order, and refuses to reconcile.
        let recorder = try #require(kernel.recorder)
        #expect(!recorder.keepsState && recorder.state.orders.isEmpty && recorder.state.fillCount == 0)
        #expect(journal.lastSequence > 100)
        // Journaling changes nothing in the run.
        let plain = try Self.run(config, journal: nil)
        #expect(plain.portfolio.equity == kernel.portfolio.equity && plain.fills == kernel.fills)
    }

    /// On margin the opening sale goes short: the journal's positions follow shorts (the account
    /// is not followed: ``JournalState/tracksCash`` is off), and a snapshot keeps the sign.
    @Test func marginRunWithShortsRebuilds() throws {
        let config = try Fixtures.googConfig()
        let journal = InMemoryEventJournal()
        let kernel = try Self.run(config, journal: BacktestJournal(journal: journal))
        var state = try Self.rebuild(journal, config)
        let goog = config.instruments[0].id
        var wentShort = false
        var replay = try JournalState(
            instruments: config.instruments, accountID: config.accountID, startingBalances: [config.startingCash], tracksCash: false)
        try journal.forEach(after: 0) { record throws(JournalError) in
            try replay.apply(record)
            if replay.signedPosition(goog) < 0 { wentShort = true }
        }
        #expect(wentShort)
        #expect(state.signedPosition(goog) == kernel.portfolio.positions[0].signedQuantityRaw)
        for order in kernel.orders.all { #expect(state.orders[order.clientOrderID] == order) }
        #expect(state.account.balance(.USD).total == config.startingCash, "cash is not followed on margin")
        state = try JournalState(
            snapshot: Snapshot(sequence: replay.lastSequence, timestamp: .zero, bytes: replay.encoded()),
            instruments: config.instruments, accountID: config.accountID)
        #expect(state.signedPosition(goog) == replay.signedPosition(goog) && state.positions == replay.positions)
    }

    @Test func recordsCarrySignalsRiskDecisionsAndCommandsBeforeEvents() throws {
        let config = try Self.cashConfig()
        let journal = InMemoryEventJournal()
        let opening = AuditEntry(category: .configurationChange, actor: "test", action: "effective configuration", reason: "k=v")
        _ = try Self.run(config, journal: BacktestJournal(journal: journal, opening: [opening]))
        let records = try journal.records()
        guard case .sessionStart(let start)? = records.first?.entry else {
            Issue.record("a backtest journal starts with its session-start record, got \(records.first?.entry.kind.description ?? "nothing")")
            return
        }
        #expect(start.instruments == config.instruments && start.startingBalances == [config.startingCash])
        #expect(records.dropFirst().first?.entry == .audit(opening))
        #expect(!records.contains { $0.entry.kind == .marketData }, "market data is off by default")
        var commanded: Set<ClientOrderID> = []
        var signals: [ClientOrderID: String] = [:]
        for record in records {
            guard let id = record.entry.clientOrderID else { continue }
            #expect(record.correlationID.hasPrefix("SIG-"), "#\(record.sequence) \(record.entry.kind)")
            #expect(signals[id, default: record.correlationID] == record.correlationID, "one signal per order (\(id))")
            signals[id] = record.correlationID
            switch record.entry {
            case .command(.submit): commanded.insert(id)
            case .event(.submitted): #expect(commanded.contains(id), "the command of \(id) is journaled before it is sent")
            default: break
            }
        }
        let decisions = records.filter { $0.entry.kind == .auditRiskDecision }
        // One decision per command: sent (submit, cancel), or approved by risk and refused by the account.
        let kinds: Set<JournalEntryKind> = [.submitOrder, .cancelOrder, .orderDenied]
        #expect(decisions.count == records.filter { kinds.contains($0.entry.kind) }.count)
        // The refused short sale: its decision, then the order and its denial.
        let denied = try #require(records.firstIndex { $0.entry.kind == .orderDenied })
        #expect(records[denied - 1].entry.kind == .orderInitialized)
        #expect(records[denied].entry.clientOrderID == records[denied - 1].entry.clientOrderID)
    }

    @Test func marketDataMarksOnRequest() throws {
        let config = try Self.cashConfig()
        let journal = InMemoryEventJournal()
        _ = try Self.run(config, journal: BacktestJournal(journal: journal, recordsMarketData: true))
        let marks = try journal.records().compactMap { if case .marketData(let m) = $0.entry { m } else { nil } }
        #expect(marks.count == config.bars[0].count)
        #expect(marks.map(\.index) == (0..<Int64(config.bars[0].count)).map { $0 })
        #expect(marks.last?.tsEvent == config.bars[0].bars.last?.tsEvent)
    }

    @Test func aJournalFailureStopsTheRunBeforeTheNextCommandIsSent() throws {
        let config = try Self.cashConfig()
        let journal = FailingJournal(failAfter: 30)
        let venueCommands = RecordingVenue<BacktestSimulatedVenue>.self
        let kernel = try Backtest.makeKernel(strategy: Self.strategy(), risk: PassThroughRiskEngine(), config: config) {
            venueCommands.init($0)
        }
        try BacktestJournal(journal: journal).attach(to: kernel, config: config)
        #expect(throws: EngineError.self) { try kernel.run() }
        let submitted = kernel.venue.received.count
        let journaledCommands = journal.kept.filter { if case .command = $0 { true } else { false } }.count
        #expect(submitted == journaledCommands, "every command the venue got is journaled, none after the failure")
    }

    /// The record kind the kill switch's bus events will use (the risk helper publishes them):
    /// who engaged it and why, in the audit trail.
    @Test func killSwitchActionsGoToTheAuditTrail() throws {
        let config = try Self.cashConfig()
        let journal = InMemoryEventJournal()
        let kernel = try Backtest.makeKernel(strategy: Self.strategy(), risk: PassThroughRiskEngine(), config: config)
        try BacktestJournal(journal: journal).attach(to: kernel, config: config)
        let recorder = try #require(kernel.recorder)
        try recorder.recordKillSwitch(actor: "risk", action: "trigger kill switch", reason: "drawdown 12 % over the 10 % limit")
        let record = try #require(try journal.records().last)
        #expect(record.entry.kind == .auditKillSwitch && record.entry.kind.isAudit)
        #expect(record.entry == .audit(AuditEntry(
            category: .killSwitch, actor: "risk", action: "trigger kill switch", reason: "drawdown 12 % over the 10 % limit")))
    }

    @Test func aBacktestJournalMustBeNew() throws {
        let config = try Self.cashConfig()
        let journal = InMemoryEventJournal()
        try journal.append(.audit(AuditEntry(category: .operatorCommand, actor: "a", action: "b", reason: "c")), timestamp: .zero, correlationID: "")
        #expect(throws: EngineError.self) { try Self.run(config, journal: BacktestJournal(journal: journal)) }
    }
}

/// A journal that refuses every append after the first `failAfter`.
final class FailingJournal: EventJournal {
    let failAfter: Int
    private(set) var kept: [JournalEntry] = []

    init(failAfter: Int) { self.failAfter = failAfter }

    var lastSequence: UInt64 { UInt64(kept.count) }

    func append(_ entry: JournalEntry, timestamp: UnixNanos, correlationID: String) throws(JournalError) -> JournalRecord {
        guard kept.count < failAfter else { throw .storage("disk full (test)") }
        kept.append(entry)
        return JournalRecord(sequence: lastSequence, timestamp: timestamp, correlationID: correlationID, entry: entry)
    }

    func sync() throws(JournalError) {}

    func forEach(after sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Void) throws(JournalError) {}

    func forEachReversed(before sequence: UInt64, _ body: (JournalRecord) throws(JournalError) -> Bool) throws(JournalError) {}
}
